package org.stslens.engine.dns;

/** How a DNS query ended. Only {@link #TEMPORARY} outcomes keep a check from concluding. */
public enum DnsOutcome {
  /** NOERROR with at least one record of the asked type. */
  ANSWER,
  /** NOERROR without a record of the asked type (NODATA). */
  NO_DATA,
  /** NXDOMAIN: the name does not exist. */
  NX_DOMAIN,
  /** SERVFAIL, REFUSED, timeout, garbage: nothing can be concluded from it (RFC 8461 §5). */
  TEMPORARY;

  public boolean isTemporary() {
    return this == TEMPORARY;
  }
}
