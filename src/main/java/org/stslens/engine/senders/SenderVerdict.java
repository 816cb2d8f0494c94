package org.stslens.engine.senders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one sender does with the domain checked, from the report's evidence alone.
 *
 * @param profile the sender
 * @param applies the policy it applies
 * @param delivers whether it hands the message to at least one MX now; empty when not known here
 * @param mx per MX host, in the report's order
 * @param differs the behaviours that make it differ from {@code rfc8461} for this report
 */
public record SenderVerdict(
    SenderProfile profile,
    Applies applies,
    Optional<Boolean> delivers,
    List<Mx> mx,
    List<Difference> differs) {

  public SenderVerdict {
    mx = List.copyOf(mx);
    differs = List.copyOf(differs);
  }

  public enum Applies {
    ENFORCE,
    TESTING,
    NONE,
    NO_POLICY,
    UNKNOWN;

    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public enum Outcome {
    DELIVER,
    REFUSE,
    REPORT,
    UNREACHABLE,
    UNKNOWN;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record Mx(String host, Outcome outcome) {}

  /** A behaviour this report exercises where the sender's value is not the RFC reading's. */
  public record Difference(Behaviour behaviour, String thisSender, String rfc, String source) {}
}
