#!/usr/bin/env bash
# Check latency benchmark (issue 14; a benchmark, not a test: it reports numbers, it asserts nothing).
#
#   scripts/bench-latency.sh [runs] [ms-per-packet]     # defaults: 10 runs, 25 ms per packet
#
# Runs inside ../shared/tools/with-latency (a private network namespace whose loopback delays every
# packet, so TCP and TLS round trips count, not only server replies; needs root):
# - warm: org.stslens.bench.CheckLatencyBenchmark checks the 2-MX lab scenarios good-enforce and
#   mx-additional in one JVM, median of N after a warm-up, against 1.15 x the critical path of the
#   round-trip model, with the CPU time per check and the median of every step of the slowest probe;
# - cold: a new JVM per check (`stslens check ... --port-map ...` against `stslens lab serve`), wall
#   and CPU time (user + system of the process) and peak RSS, against the critical path + 350 ms.
# Both halves run on what the installers ship unless told otherwise: JAVA (default Temurin 25 where
# it is installed, else java on the PATH) with JAVA_OPTS (default: the Linux launcher's options from
# jpackage/common.args and linux.args), and on Java 25 the cold runs use an AOT cache trained by a first run that is
# not counted (AOT=no leaves it out).
# TRACE=true prints every event of the last warm run with its time.
# AUTOCORK=on keeps the kernel's TCP autocorking in the namespace (off by default: see below).
# PART=warm or PART=cold runs only one half. DANE=compare (issue 18) runs only a warm comparison
# instead: the signed world SCENARIO (default dane-ee-valid) checked with DANE on and with
# --no-dane, alternately, medians and ranges of both and the validator's queries, e.g.
#   DANE=compare scripts/bench-latency.sh 11 25
# JAVA=java JAVA_OPTS= AOT=no measures the JDK on the PATH with its own defaults instead.
# INSTALLED=target/installer/stslens/lib/app/stslens.sh (after scripts/package-linux.sh app-image)
# runs the cold checks through the installed command itself: its runtime, options and caches.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
ms=${2:-25}
jar=target/stslens.jar
latency=${WITH_LATENCY:-../shared/tools/with-latency}
[ -f "$jar" ] || [ "${DANE:-}" = compare ] || mvn -B -q -o package -DskipTests
[ -f target/test-classes/org/stslens/bench/CheckLatencyBenchmark.class ] || mvn -B -q -o -Pbench test-compile
[ -f target/bench/test.classpath ] || {
  mkdir -p target/bench
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench/test.classpath \
    -Dmdep.includeScope=test
}
unset JAVA_TOOL_OPTIONS

if [ "${INSIDE_LATENCY:-}" != yes ]; then
  exec "$latency" "$ms" env INSIDE_LATENCY=yes "$0" "$runs" "$ms"
fi

# TCP autocorking (net.ipv4.tcp_autocorking) holds a small write while earlier packets of the same
# socket have not left the host yet, counting on a transmit completion microseconds away. The
# instrument's NFQUEUE fallback (kernels without netem, as here) holds every packet in the sending
# host for MS ms, so a third small write in a row (the JDK's ChangeCipherSpec, Finished, then the
# EHLO after TLS; a server's ServerHello, certificate, Finished) waited one packet delay more: the
# "extra half round trip" of issue 14. netem orphans a packet as it delays it (sch_netem.c), and a
# real link completes the transmit at once, so neither shows it. The namespace is private, so the
# setting touches nothing else; AUTOCORK=on measures with the kernel's default instead.
if [ "${AUTOCORK:-off}" = off ]; then
  sysctl -qw net.ipv4.tcp_autocorking=0
fi
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$java" ] || [ -n "${JAVA:-}" ] || java=java
if [ -z "${JAVA_OPTS+set}" ]; then
  # the Linux launcher's options, without its AOT cache (a cache is the cold runs' own business)
  JAVA_OPTS=$(sed -n 's/^--java-options "\(.*\)"$/\1/p' jpackage/common.args jpackage/linux.args |
    grep -v AOTCache | tr '\n' ' ')
fi
if [ -z "${AOT:-}" ]; then
  AOT=no
  "$java" -XX:AOTMode=off -version >/dev/null 2>&1 && AOT=yes
fi
out=target/bench
mkdir -p "$out"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
range() { sort -n | awk 'NR==1{lo=$1} {hi=$1} END {print lo "-" hi}'; }

echo "== $ms ms per packet (RTT $((2 * ms)) ms), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "tcp_autocorking=$(sysctl -n net.ipv4.tcp_autocorking)"
echo "== $("$java" -version 2>&1 | head -1); options: $JAVA_OPTS"
if [ "${DANE:-}" = compare ]; then
  java -cp "target/classes:target/test-classes:$(cat "$out/test.classpath")" \
    -Dbench.runs="$runs" -Dbench.msPerPacket="$ms" -Dbench.dane=compare \
    -Dbench.scenario="${SCENARIO:-dane-ee-valid}" org.stslens.bench.CheckLatencyBenchmark
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
part=${PART:-both} # warm, cold or both
if [ "$part" != cold ]; then
# SCENARIOS: the warm scenarios (default: good-enforce, then mx-additional, whose MX answer carries
# the hosts' addresses); LAB=separate runs the lab servers in a JVM of their own (client CPU alone).
for scenario in ${SCENARIOS:-good-enforce mx-additional}; do
  echo "-- warm (one JVM, median of $runs after a warm-up), load $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086  # the options are single words, split on purpose
  "$java" $JAVA_OPTS -cp "target/classes:target/test-classes:$(cat "$out/test.classpath")" \
    -Dbench.runs="$runs" -Dbench.msPerPacket="$ms" -Dbench.scenario="$scenario" \
    -Dbench.lab="${LAB:-}" -Dbench.trace="${TRACE:-false}" org.stslens.bench.CheckLatencyBenchmark
done
fi
[ "$part" != warm ] || exit 0

if [ -n "${INSTALLED:-}" ]; then
  echo "-- cold (a new process per check: $INSTALLED, with its own runtime, options and caches)"
else
  echo "-- cold (a new JVM per check: $java $JAVA_OPTS$([ "$AOT" = yes ] && echo ", AOT cache trained by run 0"))"
fi
rm -f "$out/serve.txt"
java -jar "$jar" lab serve good-enforce >"$out/serve.txt" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^Serving' "$out/serve.txt" 2>/dev/null && break; sleep 0.1; done
# the command line printed by `lab serve`, minus its program name
read -r -a args <<<"$(grep -m1 '^  stslens check' "$out/serve.txt" | sed 's/^  stslens //')"
walls=()
cpus=()
rsss=()
aot=()
rm -f "$out/check.aot"
# shellcheck disable=SC2086
for i in $(seq 0 "$runs"); do
  if [ "$AOT" = yes ]; then
    if [ "$i" = 0 ]; then aot=(-XX:AOTCacheOutput="$out/check.aot"); else aot=(-XX:AOTCache="$out/check.aot"); fi
  fi
  command=("$java" ${JAVA_OPTS:-} "${aot[@]}" -cp "$jar" org.stslens.app.Launcher)
  [ -z "${INSTALLED:-}" ] || command=("$INSTALLED")
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$out/time.txt" \
    "${command[@]}" "${args[@]}" -q --format json -o "$out/cold.json" --force >/dev/null 2>&1 || true
  wall=$((($(date +%s%N) - start) / 1000000))
  cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$out/time.txt")
  rss=$(awk '{printf "%d", $3 / 1024}' "$out/time.txt")
  [ "$i" = 0 ] && continue # the first run fills the page cache
  walls+=("$wall")
  cpus+=("$cpu")
  rsss+=("$rss")
done
verdict=$(grep -o '"verdict" *: *"[a-z-]*"' "$out/cold.json" | head -1)
printf 'cold peak RSS MB: %s  median %s\n' "${rsss[*]}" "$(printf '%s\n' "${rsss[@]}" | median)"
critical=$((ms * 15)) # 7.5 RTT = 15 packets' delay (the MX address from its own query)
wall_median=$(printf '%s\n' "${walls[@]}" | median)
printf 'cold wall ms: %s  median %s (range %s)\n' "${walls[*]}" "$wall_median" \
  "$(printf '%s\n' "${walls[@]}" | range)"
printf 'cold CPU ms (user+sys): %s  median %s (range %s)\n' "${cpus[*]}" \
  "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | range)"
printf 'critical path %d ms (7.5 RTT); goal <= %d ms (critical path + 350 ms): %s; %s\n' \
  "$critical" $((critical + 350)) \
  "$([ "$wall_median" -le $((critical + 350)) ] && echo met || echo NOT met)" "$verdict"
