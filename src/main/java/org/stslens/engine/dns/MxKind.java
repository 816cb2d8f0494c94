package org.stslens.engine.dns;

/** What the MX look-up said about where the domain's mail goes. */
public enum MxKind {
  /** One or more MX records. */
  EXPLICIT,
  /** No MX records: senders use the domain's own A/AAAA (RFC 5321 §5.1). */
  IMPLICIT,
  /** The null MX {@code 0 .}: the domain accepts no mail (RFC 7505). */
  NULL,
  /** The domain does not exist. */
  NO_DOMAIN,
  /** The look-up failed temporarily: nothing is known. */
  UNKNOWN
}
