package org.stslens.engine.fetch;

/**
 * Where the time of the fetch went, in milliseconds; -1 for a phase that was never reached.
 *
 * @param dns looking up {@code mta-sts.<domain>}
 * @param connect the TCP connection to port 443
 * @param tls the TLS handshake
 * @param firstByte from sending the request (after the handshake) to the status line
 * @param total everything
 */
public record FetchTimings(long dns, long connect, long tls, long firstByte, long total) {}
