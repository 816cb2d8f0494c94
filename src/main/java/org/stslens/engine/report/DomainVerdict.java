package org.stslens.engine.report;

/** The verdicts of docs/checks.md for a whole domain. */
public enum DomainVerdict {
  ENFORCED("enforced"),
  ENFORCED_WITH_FAILURES("enforced-with-failures"),
  ENFORCED_UNDELIVERABLE("enforced-undeliverable"),
  TESTING("testing"),
  NONE("none"),
  NO_POLICY("no-policy"),
  TEMPORARILY_UNKNOWN("temporarily-unknown"),
  /** A null MX (RFC 7505): the domain accepts no mail, so no policy has anything to protect. */
  NO_MAIL("no-mail");

  private final String word;

  DomainVerdict(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
