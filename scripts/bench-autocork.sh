#!/usr/bin/env bash
# Shows the latency instrument's one artifact (issue 14, "the EHLO after TLS"), without Java: inside
# ../shared/tools/with-latency, a client writes 6 bytes, 3 ms later 58 bytes, then 44 bytes at once
# (the sizes of the JDK's ChangeCipherSpec, TLS Finished and the EHLO after TLS), with TCP_NODELAY.
# The server prints when each arrived. With the kernel's TCP autocorking on, the third write waits
# until the first packet has left the sending host, which the instrument's NFQUEUE fallback delays
# by MS ms: it arrives one packet delay late. With autocorking off it arrives with the second.
#
#   scripts/bench-autocork.sh [ms-per-packet]      # default 25; needs root
set -euo pipefail
cd "$(dirname "$0")/.."
ms=${1:-25}
latency=${WITH_LATENCY:-../shared/tools/with-latency}
probe=$(cat <<'PY'
import socket, sys, threading, time
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
arrivals = []
def serve():
    c, _ = srv.accept()
    got = 0
    while got < 108:
        d = c.recv(1000)
        if not d: break
        arrivals.append((time.monotonic(), len(d))); got += len(d)
t = threading.Thread(target=serve); t.start()
s = socket.create_connection(srv.getsockname()); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
time.sleep(0.3)
t0 = time.monotonic()
s.send(b"c" * 6); time.sleep(0.003); s.send(b"f" * 58); s.send(b"e" * 44)
t.join(5)
print("tcp_autocorking=%s: arrived %s" % (sys.argv[1], ", ".join(
    "%d bytes at %.1f ms" % (n, (at - t0) * 1000) for at, n in arrivals)))
PY
)
for cork in 1 0; do
  "$latency" "$ms" sh -c 'sysctl -qw net.ipv4.tcp_autocorking="$1" && exec python3 -c "$0" "$1"' \
    "$probe" "$cork"
done
