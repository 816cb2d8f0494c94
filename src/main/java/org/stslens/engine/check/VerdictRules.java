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
import org.stslens.engine.smtp.TranscriptLine;

/** The domain verdict of docs/checks.md, with its reason in plain words. Pure. */
final class VerdictRules {

  private VerdictRules() {}

  record Decision(DomainVerdict verdict, String reason) {}

  /** The policy a sender would apply, or empty with no policy (for any reason). */
  static Optional<Policy> appliedPolicy(
      DiscoveryResult discovery, Optional<FetchResult> fetch, Optional<ParsedPolicy> policy) {
    return StageRules.senderPolicy(discovery, fetch, policy).applied();
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
    if (discovery.mxKind() == MxKind.NULL) {
      // Checked before the policy: whatever it says, no compliant sender sends mail here.
      return noMail(domain, appliedPolicy(discovery, fetch, policy));
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
    Decision decision = p.mode() == Mode.TESTING ? testing(mx) : enforce(domain, mx);
    String caveat = SenderCaveats.sentence(discovery, parsed).map(c -> " " + c).orElse("");
    return new Decision(decision.verdict(), decision.reason() + caveat);
  }

  private static Decision noMail(String domain, Optional<Policy> applied) {
    String policyNote =
        applied
            .filter(p -> p.mode() != Mode.NONE)
            .map(
                p ->
                    " Its policy (mode "
                        + p.mode().word()
                        + ") has no effect: there is no MX host for it to protect.")
            .orElse("");
    return new Decision(
        DomainVerdict.NO_MAIL,
        "No mail: "
            + domain
            + " publishes the null MX (\"0 .\", RFC 7505), so it accepts no mail and no sender"
            + " delivers to it; MTA-STS has nothing to protect."
            + policyNote);
  }

  /** What the check saw of the MX hosts, by per-MX verdict. */
  private record Hosts(
      List<String> passing,
      List<String> failing,
      List<String> unreachable,
      List<String> answeredNotSmtp,
      List<String> notProbed) {

    static Hosts of(List<MxReport> mx) {
      List<MxReport> unjudged =
          mx.stream().filter(m -> m.verdict() == MxVerdict.UNREACHABLE).toList();
      return new Hosts(
          hosts(mx, MxVerdict.DELIVER),
          mx.stream()
              .filter(m -> m.verdict() == MxVerdict.REFUSE || m.verdict() == MxVerdict.REPORT)
              .map(VerdictRules::whyRefused)
              .toList(),
          unjudged.stream().filter(m -> !answered(m)).map(MxReport::host).toList(),
          unjudged.stream().filter(VerdictRules::answered).map(MxReport::host).toList(),
          hosts(mx, MxVerdict.NOT_PROBED));
    }

    boolean allJudged() {
      return unreachable.isEmpty() && answeredNotSmtp.isEmpty() && notProbed.isEmpty();
    }

    /** The sentences about the hosts that could not be judged, each naming them. */
    String unjudgedNotes() {
      return unreachableNote(unreachable)
          + answeredNote(answeredNotSmtp)
          + notProbedNote(notProbed);
    }
  }

  private static Decision testing(List<MxReport> mx) {
    Hosts h = Hosts.of(mx);
    String tail;
    if (mx.isEmpty()) {
      tail = " The MX answer names no usable host.";
    } else if (!h.failing().isEmpty()) {
      tail = " Under enforce these would be refused: " + refusals(h.failing()) + ".";
    } else if (h.allJudged()) {
      tail = " Every MX passes: switching to enforce would not refuse any of them.";
    } else if (h.passing().isEmpty()) {
      // Nothing was seen: "every MX passes" would claim what was never checked.
      tail = " No MX host could be judged, so it is not known what enforce would refuse.";
    } else {
      tail =
          " "
              + joinAnd(h.passing())
              + (h.passing().size() == 1 ? " passes" : " pass")
              + "; the other MX hosts could not be judged, so it is not known whether enforce"
              + " would refuse them.";
    }
    return new Decision(
        DomainVerdict.TESTING,
        "Testing: senders deliver even when TLS fails and send reports."
            + tail
            + h.unjudgedNotes());
  }

  private static Decision enforce(String domain, List<MxReport> mx) {
    Hosts h = Hosts.of(mx);
    if (mx.isEmpty()) {
      return new Decision(
          DomainVerdict.ENFORCED_UNDELIVERABLE,
          "Enforced but undeliverable: the MX answer of " + domain + " names no usable host.");
    }
    if (h.failing().isEmpty() && h.unreachable().isEmpty() && h.answeredNotSmtp().isEmpty()) {
      if (h.notProbed().isEmpty()) {
        return new Decision(
            DomainVerdict.ENFORCED,
            "Enforced: a compliant sender delivers only over verified TLS to "
                + joinAnd(h.passing())
                + ".");
      }
      // Every probed host passes and the policy covers the rest. Nothing failed, so "with
      // failures" would be false; "enforced" holds for what was seen, and the reason names the
      // hosts whose TLS was not looked at (checks.md, Verdict).
      return new Decision(
          DomainVerdict.ENFORCED,
          "Enforced for the "
              + h.passing().size()
              + " MX hosts probed: a compliant sender delivers only over verified TLS to "
              + joinAnd(h.passing())
              + "."
              + notProbedNote(h.notProbed()));
    }
    if (!h.passing().isEmpty()) {
      return new Decision(
          DomainVerdict.ENFORCED_WITH_FAILURES,
          "Enforced with failures: senders deliver to "
              + joinAnd(h.passing())
              + (h.failing().isEmpty() ? "" : "; they refuse " + refusals(h.failing()))
              + "."
              + h.unjudgedNotes());
    }
    if (!h.failing().isEmpty() && h.allJudged()) {
      return new Decision(
          DomainVerdict.ENFORCED_UNDELIVERABLE,
          "Enforced but undeliverable: compliant senders refuse every MX host, so they will not"
              + " deliver mail at all. They refuse "
              + refusals(h.failing())
              + ".");
    }
    if (!h.failing().isEmpty()) {
      // No host passes, but one that was not judged may: "undeliverable" is not known.
      return new Decision(
          DomainVerdict.TEMPORARILY_UNKNOWN,
          "Temporarily unknown: no MX host passes, and not every one could be judged."
              + " Wherever they send from, compliant senders refuse "
              + refusals(h.failing())
              + "."
              + h.unjudgedNotes()
              + " Mail is delivered only if one of those accepts it over verified TLS.");
    }
    if (!h.answeredNotSmtp().isEmpty()) {
      return new Decision(
          DomainVerdict.TEMPORARILY_UNKNOWN,
          "Temporarily unknown: no MX host completed an SMTP exchange: "
              + joinAnd(h.answeredNotSmtp())
              + " answered on port 25, but not with a usable SMTP exchange (see the"
              + " transcript)"
              + (h.unreachable().isEmpty()
                  ? ""
                  : "; " + joinAnd(h.unreachable()) + " could not be reached from here")
              + ". Their TLS could not be checked."
              + notProbedNote(h.notProbed()));
    }
    return new Decision(
        DomainVerdict.TEMPORARILY_UNKNOWN,
        "Temporarily unknown: no MX host could be reached on port 25 from here ("
            + joinAnd(h.unreachable())
            + "), so their TLS could not be checked."
            + notProbedNote(h.notProbed()));
  }

  /** Some address of the host sent something on port 25: it is reachable, just not usable. */
  private static boolean answered(MxReport m) {
    return m.endpoints().stream()
        .flatMap(e -> e.transcript().stream())
        .anyMatch(line -> line.direction() == TranscriptLine.Direction.SERVER);
  }

  private static String answeredNote(List<String> answered) {
    return answered.isEmpty()
        ? ""
        : " Answered on port 25 but not with a usable SMTP exchange, so not judged: "
            + joinAnd(answered)
            + ".";
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

  private static String notProbedNote(List<String> notProbed) {
    if (notProbed.isEmpty()) {
      return "";
    }
    return " "
        + notProbed.size()
        + " more MX host"
        + (notProbed.size() == 1 ? " is" : "s are")
        + " covered by the policy but "
        + (notProbed.size() == 1 ? "was" : "were")
        + " not probed (STS Lens probes at most "
        + MxStage.MAX_MX_HOSTS
        + "), so not judged: "
        + joinAnd(notProbed)
        + ".";
  }

  private static List<String> hosts(List<MxReport> mx, MxVerdict verdict) {
    return mx.stream().filter(m -> m.verdict() == verdict).map(MxReport::host).toList();
  }

  private static List<String> errorCodes(List<Finding> findings) {
    return findings.stream().filter(Finding::isError).map(f -> f.code().id()).distinct().toList();
  }

  /** Hosts named in a reason before the rest are counted: the banner must stay readable. */
  static final int MAX_NAMED = 6;

  /** Refusals (each with its first finding) named in a reason before the rest are counted. */
  static final int MAX_REFUSALS_NAMED = 3;

  /** "a, b and c"; past {@link #MAX_NAMED}, "a, b, c, d, e and 12 more". */
  private static String joinAnd(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    if (items.size() > MAX_NAMED) {
      return String.join(", ", items.subList(0, MAX_NAMED - 1))
          + " and "
          + (items.size() - MAX_NAMED + 1)
          + " more";
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /** The refusals, "; "-separated; past {@link #MAX_REFUSALS_NAMED}, the rest are counted. */
  private static String refusals(List<String> failing) {
    if (failing.size() <= MAX_REFUSALS_NAMED) {
      return String.join("; ", failing);
    }
    return String.join("; ", failing.subList(0, MAX_REFUSALS_NAMED))
        + "; and "
        + (failing.size() - MAX_REFUSALS_NAMED)
        + " more MX hosts (see the MX hosts stage)";
  }
}
