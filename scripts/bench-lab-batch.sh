#!/usr/bin/env bash
# Lab batch benchmark (issue 14, item 7; a benchmark, not a test: it prints numbers, asserts nothing).
#
#   scripts/bench-lab-batch.sh [ms-per-packet] [parallel]     # defaults: 25 ms per packet, 8
#
# Every built-in scenario's domain checked as one batch, at most PARALLEL at once, inside
# ../shared/tools/with-latency (needs root): domains per second, peak heap, the bound seen, and
# whether the slowest domain (a slow policy host) held the others up.
set -euo pipefail
cd "$(dirname "$0")/.."
ms=${1:-25}
parallel=${2:-8}
latency=${WITH_LATENCY:-../shared/tools/with-latency}
[ -f target/test-classes/org/stslens/bench/LabBatchBenchmark.class ] || mvn -B -q -o -Pbench test-compile
mkdir -p target/bench
[ -f target/bench/test.classpath ] || mvn -B -q -o dependency:build-classpath \
  -Dmdep.outputFile=target/bench/test.classpath -Dmdep.includeScope=test
unset JAVA_TOOL_OPTIONS
# TCP autocorking off in the private namespace, as in bench-latency.sh (which says why); AUTOCORK=on
# keeps the kernel's default.
cork=0
[ "${AUTOCORK:-off}" = on ] && cork=1
exec "$latency" "$ms" sh -c 'sysctl -qw net.ipv4.tcp_autocorking="$0" && exec "$@"' "$cork" java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench/test.classpath)" \
  -Dbench.parallel="$parallel" org.stslens.bench.LabBatchBenchmark
