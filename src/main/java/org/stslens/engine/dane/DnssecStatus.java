package org.stslens.engine.dane;

import java.util.Locale;

/** What DNSSEC validation said about one answer (RFC 4033 §5, the four states). */
public enum DnssecStatus {
  /** Signed and validated from the trust anchor down: the validator set AD. */
  SECURE,
  /** Provably unsigned: a signed parent says there is no DS. DANE ignores such records. */
  INSECURE,
  /** Should be signed but the signatures or the denial did not validate. */
  BOGUS,
  /** No conclusion: the look-up failed, or the resolver returned no DNSSEC records to check. */
  INDETERMINATE;

  /** {@code secure}, {@code insecure}... as in JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
