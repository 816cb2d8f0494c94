package org.stslens.engine.tlsrpt.reports;

/**
 * One {@code failure-details[]} entry (RFC 8460 §4.3). Missing or empty strings are empty here.
 *
 * @param resultType {@code result-type}, e.g. certificate-expired (kept as written)
 * @param sendingMtaIp {@code sending-mta-ip}
 * @param receivingMx {@code receiving-mx-hostname}
 * @param receivingMxHelo {@code receiving-mx-helo}
 * @param receivingIp {@code receiving-ip}
 * @param failedSessions {@code failed-session-count}
 * @param reasonCode {@code failure-reason-code}, free text
 */
public record FailureDetail(
    String resultType,
    String sendingMtaIp,
    String receivingMx,
    String receivingMxHelo,
    String receivingIp,
    long failedSessions,
    String reasonCode) {

  /** The receiving MX by name, else by address; empty when the sender gave neither. */
  public String receiver() {
    return receivingMx.isEmpty() ? receivingIp : receivingMx;
  }
}
