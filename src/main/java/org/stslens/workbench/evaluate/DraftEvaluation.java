package org.stslens.workbench.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;

/**
 * What a draft would do to the MX hosts of the last check: each host judged again by the engine's
 * {@link MxJudge} against the same probe evidence, under the draft instead of the live policy.
 *
 * @param draftApplies whether senders would use the draft (it parses as a valid policy)
 * @param headline one sentence for the top of the panel
 * @param rows one per MX host, in preference order
 * @param unusedPatterns draft patterns that match no MX host (mx.pattern-unused)
 * @param uncovered MX hosts that no draft pattern matches
 */
public record DraftEvaluation(
    boolean draftApplies,
    String headline,
    List<MxComparison> rows,
    List<Finding> unusedPatterns,
    List<String> uncovered) {

  public DraftEvaluation {
    rows = List.copyOf(rows);
    unusedPatterns = List.copyOf(unusedPatterns);
    uncovered = List.copyOf(uncovered);
  }

  /** The rows whose verdict changes, as sentences. */
  public List<String> changes() {
    return rows.stream().filter(MxComparison::changed).map(MxComparison::sentence).toList();
  }

  /**
   * @param draft the draft as parsed
   * @param lastCheck the MX reports of the last check of the draft's domain (empty: nothing to
   *     compare with)
   */
  public static DraftEvaluation of(ParsedPolicy draft, List<MxReport> lastCheck) {
    Optional<Policy> policy = draft.policy();
    List<MxComparison> rows = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    for (MxReport live : lastCheck) {
      var judged = MxJudge.judge(live.probe(), policy);
      rows.add(
          new MxComparison(
              live.host(),
              live.mx().preference(),
              live.verdict(),
              judged.verdict(),
              judged.matchedPattern(),
              judged.failingCodes()));
      boolean enforcing = policy.map(p -> p.mode() != Mode.NONE).orElse(false);
      if (enforcing && MxJudge.coverage(live.host(), policy.get()).matched().isEmpty()) {
        uncovered.add(live.host());
      }
    }
    List<Finding> unused =
        policy
            .map(p -> MxJudge.unusedPatterns(p, lastCheck.stream().map(MxReport::host).toList()))
            .orElse(List.of());
    return new DraftEvaluation(
        policy.isPresent(), headline(draft, rows, lastCheck.isEmpty()), rows, unused, uncovered);
  }

  private static String headline(ParsedPolicy draft, List<MxComparison> rows, boolean noCheck) {
    if (noCheck) {
      return "No MX hosts to compare with yet: check the domain (or press Probe MX hosts) and the"
          + " draft is tried against what its MX hosts present.";
    }
    if (draft.policy().isEmpty()) {
      return "The draft is not a valid policy, so senders would not use it: those that cached the"
          + " live policy keep applying it until it expires, the others apply no MTA-STS at all."
          + " Fix the errors first.";
    }
    Policy policy = draft.policy().get();
    long delivered = rows.stream().filter(r -> r.draft() == MxVerdict.DELIVER).count();
    long refused = rows.stream().filter(r -> r.draft() == MxVerdict.REFUSE).count();
    long reported = rows.stream().filter(r -> r.draft() == MxVerdict.REPORT).count();
    long changed = rows.stream().filter(MxComparison::changed).count();
    StringBuilder s = new StringBuilder("Under this draft (mode ").append(policy.mode().word());
    s.append(") a compliant sender delivers to ")
        .append(delivered)
        .append(" of ")
        .append(rows.size())
        .append(" MX host")
        .append(rows.size() == 1 ? "" : "s");
    if (refused > 0) {
      s.append(", refuses ").append(refused);
    }
    if (reported > 0) {
      s.append(", and to ").append(reported).append(" more despite failures, which it reports");
    }
    s.append(". ")
        .append(
            changed == 0
                ? "Nothing changes compared with the live policy."
                : changed + " MX host" + (changed == 1 ? " changes" : "s change") + " verdict.");
    return s.toString();
  }
}
