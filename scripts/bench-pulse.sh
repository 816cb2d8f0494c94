#!/usr/bin/env bash
# Pulse and memory benchmark of the desktop app (issue 14, items 5 and 6): a benchmark, not a test;
# it prints each figure beside its goal and asserts nothing.
#
#   scripts/bench-pulse.sh [repetitions] [memory-runs]     # defaults: 5 and 3
#
# Pulse: org.stslens.app.PulseBenchmark in one process, in a real window under Xvfb (GTK glass;
# prism falls back to software rendering without a GPU): the longest gap between JavaFX pulses per
# activity, and the keystroke -> underline latency in a 64 KiB draft.
# Memory: a new process per run checks the 2-MX lab scenario, then prints VmRSS and the heap used
# after a full GC.
# Both run with the Linux installer's JVM options (jpackage/common.args and linux.args) on the Java 25 runtime it ships
# (JAVA names another java). The AOT cache is left out: it is trained for the packaged jar, not for
# this class path.
# BENCH_JAVA_OPTIONS adds JVM options, e.g. "-Xms32m" (another heap sizing), "-Dbench.sample=true"
# (samples the FX thread's stack while a pulse is overdue and prints who does the work),
# "-Dbench.histogram=true" (the live heap by class after the check), or
# "-XX:NativeMemoryTracking=summary" (the JVM's own account of its memory), or "-Dbench.hold=60"
# (the process stays 60 s after its figures: for /proc/PID/smaps, jcmd PID GC.heap_dump and
# scripts/heap-paths.py). BENCH_GL_PROBES=yes keeps GTK's and JavaFX's OpenGL probes on a machine
# without a GPU (the app run without its installed launcher).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
memruns=${2:-3}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$java" ] || java=java
out=target/bench
mkdir -p "$out"
unset JAVA_TOOL_OPTIONS
mvn -B -o -q -Pbench test-compile
mvn -B -o -q -Pbench dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" \
  -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"
# the Linux installer's options, read from where the packaging takes them (without the AOT cache)
read -r -a shipped <<<"$(sed -n 's/^--java-options "\(.*\)"$/\1/p' jpackage/common.args \
  jpackage/linux.args | grep -v AOTCache | tr '\n' ' ')"
# as the installed launcher (jpackage/linux/stslens.sh) starts it: without a GPU device, no OpenGL
# probes (GTK's and JavaFX's ES2 pipeline's would load Mesa and LLVM only to fall back to software)
gpu=no
for device in /dev/dri/* /dev/nvidia0; do [ -e "$device" ] && gpu=yes; done
if [ "$gpu" = no ] && [ -z "${BENCH_GL_PROBES:-}" ]; then
  export GDK_GL="${GDK_GL:-disable}"
  shipped+=(-Dprism.order=sw)
fi
run() {
  xvfb-run -a -s "-screen 0 1400x900x24" \
    "$java" "${shipped[@]}" ${BENCH_JAVA_OPTIONS:-} -cp "$cp" org.stslens.app.PulseBenchmark "$@" \
    2> >(grep -v 'Unsupported JavaFX configuration' >&2)
}
echo "java: $("$java" -version 2>&1 | head -1); options: ${shipped[*]} ${BENCH_JAVA_OPTIONS:-}"
echo "uptime: $(uptime)"
for i in $(seq "$memruns"); do run memory; done
run pulse "$reps"
echo "uptime: $(uptime)"
