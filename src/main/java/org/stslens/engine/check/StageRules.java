package org.stslens.engine.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.MxKind;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageStatus;

/**
 * The one rule for the status of every stage and of the whole check, so that no screen or report
 * contradicts another: a stage about a policy that senders do not apply never reads as passed, and
 * the summary row, the summary heading and the banner's colour all follow the verdict. Pure.
 */
public final class StageRules {

  private StageRules() {}

  /**
   * What senders make of the policy.
   *
   * @param applied the policy they apply, empty when none applies
   * @param whyNotApplied why none applies, in plain words; empty when one does
   */
  record SenderPolicy(Optional<Policy> applied, Optional<String> whyNotApplied) {

    /** Why no MX host is checked against the policy: none applies, or it is withdrawn. */
    Optional<String> whyMxNotChecked() {
      if (whyNotApplied.isPresent()) {
        return whyNotApplied;
      }
      return applied
          .filter(p -> p.mode() == Mode.NONE)
          .map(p -> "the policy is withdrawn (mode none), so senders check no MX host against it");
    }
  }

  /** The policy senders apply, or why they apply none; the cause named is the first one. */
  static SenderPolicy senderPolicy(
      DiscoveryResult discovery, Optional<FetchResult> fetch, Optional<ParsedPolicy> policy) {
    String domain = discovery.domain();
    if (discovery.mxKind() == MxKind.NO_DOMAIN) {
      return none(domain + " does not exist (NXDOMAIN)");
    }
    if (discovery.stsQuery().outcome().isTemporary()) {
      return none(
          "the TXT look-up of _mta-sts."
              + domain
              + " failed temporarily; senders keep a cached policy if they have one");
    }
    if (!discovery.hasValidRecord()) {
      return none(
          "there is no usable v=STSv1 TXT record at _mta-sts."
              + domain
              + firstError(discovery.findings()).map(f -> " (" + f.code().id() + ")").orElse(""));
    }
    if (fetch.isEmpty()) {
      return none("the policy was not fetched");
    }
    if (!fetch.get().policyRetrieved()) {
      return none("the policy was not fetched: " + cause(fetch.get().findings()));
    }
    if (policy.isEmpty() || policy.get().policy().isEmpty()) {
      return none(
          "the policy is invalid: " + policy.map(p -> cause(p.findings())).orElse("no body"));
    }
    return new SenderPolicy(policy.get().policy(), Optional.empty());
  }

  /**
   * The status of a finished stage: its worst finding, except that a stage without an error about a
   * policy senders do not apply is {@link StageStatus#NOT_APPLIED}. An error stays a failure: it
   * needs fixing whether or not the policy applies.
   */
  public static StageStatus status(List<Finding> findings, Optional<String> notApplied) {
    StageStatus own = StageStatus.of(findings);
    return own == StageStatus.FAIL || notApplied.isEmpty() ? own : StageStatus.NOT_APPLIED;
  }

  /** The status of the whole check: the summary's row, its heading and the banner's colour. */
  public static StageStatus of(DomainVerdict verdict) {
    return switch (verdict) {
      case ENFORCED -> StageStatus.PASS;
      case ENFORCED_WITH_FAILURES, TESTING, NONE, TEMPORARILY_UNKNOWN -> StageStatus.WARN;
      case ENFORCED_UNDELIVERABLE, NO_POLICY -> StageStatus.FAIL;
      // Not a failure of MTA-STS: the domain takes no mail, so there is nothing to protect.
      case NO_MAIL -> StageStatus.SKIPPED;
    };
  }

  private static SenderPolicy none(String why) {
    return new SenderPolicy(Optional.empty(), Optional.of(why));
  }

  private static Optional<Finding> firstError(List<Finding> findings) {
    return findings.stream().filter(Finding::isError).findFirst();
  }

  /** "the response is served as "text/html" (fetch.content-type)": the first error, shortly. */
  private static String cause(List<Finding> findings) {
    return firstError(findings)
        .map(f -> firstClause(f.message()) + " (" + f.code().id() + ")")
        .orElse("no reason was recorded");
  }

  /** The message up to its first "; " or sentence end, starting in lower case. */
  static String firstClause(String message) {
    String text = message.strip();
    int end = text.length();
    for (String stop : List.of("; ", ". ")) {
      int at = text.indexOf(stop);
      if (at > 0 && at < end) {
        end = at;
      }
    }
    text = text.substring(0, end).replaceAll("[.;:]+$", "");
    boolean sentenceCase =
        text.length() > 1
            && Character.isUpperCase(text.charAt(0))
            && Character.isLowerCase(text.charAt(1));
    return sentenceCase ? text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1) : text;
  }
}
