#!/usr/bin/env bash
# Start-up benchmark (a benchmark, not a test: it reports numbers, it asserts nothing).
#
#   scripts/bench-startup.sh [runs]        # default 5 runs of each; prints medians
#
# GUI: time from starting the process to the first rendered, interactive window, reported by the
# app itself with -Dstslens.startupProbe=FILE (see org.stslens.app.StartupProbe), which then exits.
# Three ways: the jar without AppCDS (only the JDK's default CDS), the jar with an AppCDS archive
# made here for target/stslens.jar, and the installed package (/opt/stslens, with the archive its
# post-install step made), if installed: through lib/app/stslens.sh (what /usr/bin/stslens and the
# menu entry run) and through jpackage's own launcher bin/stslens.
# CLI: wall time of `policy lint` on a four-line policy, jar and installed.
#
# "Cold": before each run the page cache is dropped (sync; echo 3 > /proc/sys/vm/drop_caches),
# which needs root; without it the runs are warm and the script says so. Needs xvfb (Xvfb) and
# libgtk-3-0; uses its own Xvfb display.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/stslens.jar
[ -f "$jar" ] || mvn -B -q -o package -DskipTests
out=target/bench
mkdir -p "$out"
unset JAVA_TOOL_OPTIONS

cold=no
if [ -w /proc/sys/vm/drop_caches ]; then cold=yes; fi
drop() { if [ "$cold" = yes ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi; }

# One private display for the whole run: xvfb-run -a picks a free one.
if [ -z "${BENCH_STARTUP_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" env BENCH_STARTUP_DISPLAY=yes "$0" "$@"
fi
display=$DISPLAY

probe=-Dstslens.startupProbe=$out/probe
printf 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n' >"$out/policy.txt"

# An AppCDS archive for the jar, as the installers make it: classes up to the first window plus
# those of a CLI lint.
if [ ! -f "$out/stslens.jsa" ] || [ "$out/stslens.jsa" -ot "$jar" ]; then
  DISPLAY=$display java -Xshare:off -XX:DumpLoadedClassList="$out/gui.classlist" "$probe" \
    -jar "$jar" >/dev/null 2>&1
  java -Xshare:off -XX:DumpLoadedClassList="$out/cli.classlist" -jar "$jar" \
    policy lint "$out/policy.txt" >/dev/null 2>&1 || true
  awk '!seen[$0]++' "$out/gui.classlist" "$out/cli.classlist" >"$out/stslens.classlist"
  java -Xshare:dump -XX:SharedClassListFile="$out/stslens.classlist" \
    -XX:SharedArchiveFile="$out/stslens.jsa" -cp "$jar" >/dev/null 2>&1
fi

# Java 25 with an AOT cache (JEP 483/514), as the installers ship it: one training run of the GUI
# up to its first window, with the launcher's options (the cache is only used under compatible
# options). JAVA25 names the JDK; the rows are skipped without it.
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
# the installer's JVM options, read from where the packaging takes them
read -r -a shipped <<<"$(sed -n 's/^--java-options "\(.*\)"$/\1/p' jpackage/common.args)"
if [ -x "$java25" ] && { [ ! -f "$out/stslens.aot" ] || [ "$out/stslens.aot" -ot "$jar" ]; }; then
  rm -f "$out/stslens.aot"
  DISPLAY=$display "$java25" "${shipped[@]}" -XX:AOTCacheOutput="$out/stslens.aot" "$probe" \
    -cp "$jar" org.stslens.app.Launcher >/dev/null 2>&1 || true
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# gui NAME COMMAND...: prints "NAME: run1 run2 ... median" (milliseconds to the first window)
gui() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    rm -f "$out/probe"
    drop
    local start; start=$(date +%s%3N)
    DISPLAY=$display "$@" >/dev/null 2>&1 || true
    [ -s "$out/probe" ] || { echo "$name: no window (probe missing)"; return; }
    times+=($(( $(cat "$out/probe") - start )))
  done
  printf '%-34s %s  median %s ms\n' "$name" "${times[*]}" "$(printf '%s\n' "${times[@]}" | median)"
}

# cli NAME COMMAND...: wall time of the whole command
cli() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    drop
    local start; start=$(date +%s%3N)
    "$@" >/dev/null 2>&1 || true
    times+=($(( $(date +%s%3N) - start )))
  done
  printf '%-34s %s  median %s ms\n' "$name" "${times[*]}" "$(printf '%s\n' "${times[@]}" | median)"
}

echo "cold (page cache dropped before each run): $cold; runs: $runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "GUI, process start to first interactive window (ms):"
gui "jar, no AppCDS" java "$probe" -jar "$jar"
gui "jar, AppCDS" java -XX:SharedArchiveFile="$out/stslens.jsa" "$probe" -jar "$jar"
gui "jar, Java 17, AppCDS, shipped opts" java "${shipped[@]}" -XX:SharedArchiveFile="$out/stslens.jsa" \
  "$probe" -cp "$jar" org.stslens.app.Launcher
if [ -f "$out/stslens.aot" ]; then
  gui "jar, Java 25, AOT cache, shipped" "$java25" "${shipped[@]}" -XX:AOTCache="$out/stslens.aot" \
    "$probe" -cp "$jar" org.stslens.app.Launcher
fi
image=target/installer/stslens/lib/app/stslens.sh # scripts/package-linux.sh app-image
if [ -x "$image" ]; then
  JAVA_TOOL_OPTIONS="$probe" gui "app-image (Java 25, AOT caches)" "$image"
fi
if [ -x /opt/stslens/bin/stslens ]; then
  [ -f /opt/stslens/lib/app/stslens.jsa ] || echo "(installed, but without its AppCDS archive)"
  JAVA_TOOL_OPTIONS="$probe" gui "installed (stslens, menu entry)" /opt/stslens/lib/app/stslens.sh
  JAVA_TOOL_OPTIONS="$probe" gui "installed, jpackage's bin/stslens" /opt/stslens/bin/stslens
fi
echo "CLI, stslens policy lint (4-line file), whole command (ms):"
cli "jar, no AppCDS" java -jar "$jar" policy lint "$out/policy.txt"
cli "jar, AppCDS" java -XX:SharedArchiveFile="$out/stslens.jsa" -jar "$jar" policy lint "$out/policy.txt"
cli "jar, Java 17, AppCDS, shipped opts" java "${shipped[@]}" -XX:SharedArchiveFile="$out/stslens.jsa" \
  -cp "$jar" org.stslens.app.Launcher policy lint "$out/policy.txt"
if [ -f "$out/stslens.aot" ]; then
  cli "jar, Java 25, AOT cache, shipped" "$java25" "${shipped[@]}" -XX:AOTCache="$out/stslens.aot" \
    -cp "$jar" org.stslens.app.Launcher policy lint "$out/policy.txt"
fi
if [ -x "$image" ]; then
  cli "app-image (Java 25, AOT caches)" "$image" policy lint "$out/policy.txt"
fi
if [ -x /opt/stslens/bin/stslens ]; then
  cli "installed (stslens)" /opt/stslens/lib/app/stslens.sh policy lint "$out/policy.txt"
  cli "installed, jpackage's bin/stslens" /opt/stslens/bin/stslens policy lint "$out/policy.txt"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
