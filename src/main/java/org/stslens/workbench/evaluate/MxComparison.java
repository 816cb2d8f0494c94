package org.stslens.workbench.evaluate;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.MxPattern;

/**
 * One MX host under the live policy and under the draft.
 *
 * @param host the MX host name
 * @param preference its MX preference
 * @param live what a compliant sender does today (from the last check)
 * @param draft what it would do once the draft is published
 * @param draftPattern the draft's pattern that covers the host, if any
 * @param draftProblems the codes that make the draft refuse or report the host
 */
public record MxComparison(
    String host,
    int preference,
    MxVerdict live,
    MxVerdict draft,
    Optional<MxPattern> draftPattern,
    List<String> draftProblems) {

  public MxComparison {
    draftProblems = List.copyOf(draftProblems);
  }

  public boolean changed() {
    return live != draft;
  }

  /** "mx3.example.com goes from refused to delivered", or "... stays delivered". */
  public String sentence() {
    return host
        + (changed()
            ? " goes from " + participle(live) + " to " + participle(draft)
            : " stays " + participle(draft));
  }

  static String participle(MxVerdict verdict) {
    return switch (verdict) {
      case DELIVER -> "delivered";
      case REFUSE -> "refused";
      case REPORT -> "delivered and reported";
      case UNREACHABLE -> "unreachable from here";
      case NOT_PROBED -> "not probed";
    };
  }
}
