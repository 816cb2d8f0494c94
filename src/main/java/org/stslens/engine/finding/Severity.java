package org.stslens.engine.finding;

/** How bad a finding is, as defined in docs/checks.md. Declared from worst to mildest. */
public enum Severity {
  /** A compliant sender fails, refuses delivery (enforce) or ignores the policy. */
  ERROR,
  /** Works today but is fragile, non-conforming or a common trap. */
  WARNING,
  /** Worth knowing; nothing is wrong. */
  INFO;

  /** The lower-case word used in JSON and text output. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
