package org.stslens.engine.mx;

import java.util.Locale;

/** What a compliant sender does with one MX host. */
public enum MxVerdict {
  /** Delivers (over verified TLS when a policy applies). */
  DELIVER,
  /** Enforce mode: will not deliver to this host. */
  REFUSE,
  /** Testing mode: delivers anyway and reports the failure (TLS-RPT). */
  REPORT,
  /** Could not be reached from here (connection, greeting): nothing to conclude about TLS. */
  UNREACHABLE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
