package org.stslens.engine.check;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.MxKind;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainVerdict;

/** The domain verdict of docs/checks.md, with its reason in plain words. Pure. */
final class VerdictRules {

  private VerdictRules() {}

  record Decision(DomainVerdict verdict, String reason) {}

  /** The policy a sender would apply, or empty with no policy (for any reason). */
  static Optional<Policy> appliedPolicy(
      DiscoveryResult discovery, Optional<FetchResult> fetch, Optional<ParsedPolicy> policy) {
    if (!discovery.hasValidRecord()
        || fetch.isEmpty()
        || !fetch.get().policyRetrieved()
        || policy.isEmpty()) {
      return Optional.empty();
    }
    return policy.get().policy();
  }

  static Decision decide(
      DiscoveryResult discovery,
      Optional<FetchResult> fetch,
      Optional<ParsedPolicy> policy,
      List<MxReport> mx) {
    String domain = discovery.domain();
    if (discovery.mxKind() == MxKind.NO_DOMAIN) {
      return new Decision(
          DomainVerdict.NO_POLICY, "No policy: " + domain + " does not exist (NXDOMAIN).");
    }
    if (discovery.stsQuery().outcome().isTemporary()) {
      return new Decision(
          DomainVerdict.TEMPORARILY_UNKNOWN,
          "Temporarily unknown: the TXT look-up of _mta-sts."
              + domain
              + " failed ("
              + discovery.stsQuery().error().orElse(discovery.stsQuery().rcode())
              + "). A sender keeps its cached policy and tries again later; this is not"
              + " \"no policy\".");
    }
    if (!discovery.hasValidRecord()) {
      String why =
          discovery.findings().stream()
              .filter(Finding::isError)
              .map(f -> f.code().id())
              .findFirst()
              .orElse("txt.no-record");
      return new Decision(
          DomainVerdict.NO_POLICY,
          why.equals(Code.TXT_NO_RECORD.id())
              ? "No policy: there is no v=STSv1 TXT record at _mta-sts."
                  + domain
                  + ", so senders never look for a policy."
              : "No policy: the TXT record at _mta-sts."
                  + domain
                  + " is unusable ("
                  + why
                  + "), so senders treat the domain as having no policy.");
    }
    FetchResult fetched = fetch.orElseThrow();
    if (fetched.findings().stream().anyMatch(f -> f.code() == Code.DNS_TEMPORARY_FAILURE)) {
      return new Decision(
          DomainVerdict.TEMPORARILY_UNKNOWN,
          "Temporarily unknown: the address of mta-sts."
              + domain
              + " could not be looked up"
              + " (temporary DNS failure).");
    }
    if (!fetched.policyRetrieved()) {
      return new Decision(
          DomainVerdict.NO_POLICY,
          "No policy: the policy could not be fetched ("
              + String.join(", ", errorCodes(fetched.findings()))
              + "). Senders without a cached policy deliver as if MTA-STS did not exist.");
    }
    ParsedPolicy parsed = policy.orElseThrow();
    if (parsed.policy().isEmpty()) {
      return new Decision(
          DomainVerdict.NO_POLICY,
          "No policy: the policy file is invalid ("
              + String.join(", ", errorCodes(parsed.findings()))
              + "). Senders deliver as if MTA-STS did not exist.");
    }
    Policy p = parsed.policy().get();
    if (p.mode() == Mode.NONE) {
      return new Decision(
          DomainVerdict.NONE,
          "None: the policy is withdrawn (mode none); senders stop applying MTA-STS.");
    }
    if (discovery.mxKind() == MxKind.UNKNOWN) {
      return new Decision(
          DomainVerdict.TEMPORARILY_UNKNOWN,
          "Temporarily unknown: the MX look-up of "
              + domain
              + " failed, so it is not known"
              + " where mail would go.");
    }
    List<String> passing = hosts(mx, MxVerdict.DELIVER);
    List<String> failing =
        mx.stream()
            .filter(m -> m.verdict() == MxVerdict.REFUSE || m.verdict() == MxVerdict.REPORT)
            .map(VerdictRules::whyRefused)
            .toList();
    List<String> unreachable = hosts(mx, MxVerdict.UNREACHABLE);
    if (p.mode() == Mode.TESTING) {
      String tail =
          failing.isEmpty()
              ? " Every MX passes: switching to enforce would not refuse any of them."
              : " Under enforce these would be refused: " + String.join("; ", failing) + ".";
      return new Decision(
          DomainVerdict.TESTING,
          "Testing: senders deliver even when TLS fails and send reports."
              + tail
              + unreachableNote(unreachable));
    }
    if (mx.isEmpty()) {
      return new Decision(
          DomainVerdict.ENFORCED,
          "Enforced, but " + domain + " has no MX host to deliver to (null MX).");
    }
    if (failing.isEmpty() && unreachable.isEmpty()) {
      return new Decision(
          DomainVerdict.ENFORCED,
          "Enforced: a compliant sender delivers only over verified TLS to "
              + joinAnd(passing)
              + ".");
    }
    if (!passing.isEmpty()) {
      return new Decision(
          DomainVerdict.ENFORCED_WITH_FAILURES,
          "Enforced with failures: senders deliver to "
              + joinAnd(passing)
              + (failing.isEmpty() ? "" : "; they refuse " + String.join("; ", failing))
              + "."
              + unreachableNote(unreachable));
    }
    if (!failing.isEmpty()) {
      return new Decision(
          DomainVerdict.ENFORCED_UNDELIVERABLE,
          "Enforced but undeliverable: compliant senders refuse every MX ("
              + String.join("; ", failing)
              + ") and will not deliver mail at all."
              + unreachableNote(unreachable));
    }
    return new Decision(
        DomainVerdict.TEMPORARILY_UNKNOWN,
        "Temporarily unknown: no MX host could be reached on port 25 from here ("
            + joinAnd(unreachable)
            + "), so their TLS could not be checked.");
  }

  /** "mx2.example.com — its certificate expired 12 days ago (…) [tls.cert-expired]". */
  private static String whyRefused(MxReport m) {
    String first =
        m.findings().stream()
            .filter(f -> f.severity() != org.stslens.engine.finding.Severity.INFO)
            .filter(f -> m.failingCodes().contains(f.code().id()))
            .map(Finding::message)
            .findFirst()
            .orElse("")
            .replaceAll("\\.$", "");
    String codes = "[" + String.join(", ", m.failingCodes()) + "]";
    return m.host() + (first.isEmpty() ? " " : " — " + first + " ") + codes;
  }

  private static String unreachableNote(List<String> unreachable) {
    return unreachable.isEmpty()
        ? ""
        : " Not reachable from here, so not judged: " + joinAnd(unreachable) + ".";
  }

  private static List<String> hosts(List<MxReport> mx, MxVerdict verdict) {
    return mx.stream().filter(m -> m.verdict() == verdict).map(MxReport::host).toList();
  }

  private static List<String> errorCodes(List<Finding> findings) {
    return findings.stream().filter(Finding::isError).map(f -> f.code().id()).distinct().toList();
  }

  private static String joinAnd(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
