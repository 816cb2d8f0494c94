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

  /** The verdict in words, for screens: {@code Enforced, but undeliverable}. */
  public String phrase() {
    return switch (this) {
      case ENFORCED -> "Enforced";
      case ENFORCED_WITH_FAILURES -> "Enforced, with failing MX hosts";
      case ENFORCED_UNDELIVERABLE -> "Enforced, but undeliverable";
      case TESTING -> "Testing";
      case NONE -> "None (the policy is withdrawn)";
      case NO_POLICY -> "No policy";
      case TEMPORARILY_UNKNOWN -> "Temporarily unknown";
      case NO_MAIL -> "No mail (null MX)";
    };
  }

  /** The verdict of a {@link #word()}, e.g. from a lab scenario's expectation. */
  public static java.util.Optional<DomainVerdict> byWord(String word) {
    return java.util.Arrays.stream(values()).filter(v -> v.word.equals(word)).findFirst();
  }
}
