package org.stslens.engine.mx;

import java.util.Locale;

/** What a compliant sender does with one MX host. */
public enum MxVerdict {
  /** Delivers (over verified TLS when a policy applies). */
  DELIVER,
  /**
   * Enforce mode: will not deliver to this host (its TLS fails, the policy does not cover it, or it
   * cannot take mail from anyone: no address, EHLO and HELO rejected).
   */
  REFUSE,
  /** Testing mode: the failure a sender reports; under enforce it would refuse this host. */
  REPORT,
  /**
   * Could not be reached from here (connection, greeting, a temporary DNS failure): nothing to
   * conclude about TLS. With no policy applying, also a host that no sender can reach.
   */
  UNREACHABLE,
  /**
   * Beyond the probe limit (more MX hosts than STS Lens probes) and covered by the policy: its TLS
   * was not judged at all.
   */
  NOT_PROBED;

  /** {@code deliver}, {@code not-probed}... as in JSON and docs/checks.md. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
