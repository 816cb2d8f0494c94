package org.stslens.engine.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.ChainVerdict;

/**
 * What a customer reads first: the verdict in a box, one sentence on what senders do, one row per
 * MX host and the fixes in the order of their effect. Every renderer draws these from here, so the
 * HTML, PDF, Markdown and text reports agree.
 */
final class Overview {

  private Overview() {}

  /** How the verdict box is coloured. */
  enum Tone {
    GOOD,
    WARN,
    BAD,
    NEUTRAL;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Tone tone(DomainVerdict v) {
    return switch (v) {
      case ENFORCED -> Tone.GOOD;
      case ENFORCED_UNDELIVERABLE, NO_POLICY -> Tone.BAD;
      case ENFORCED_WITH_FAILURES, TESTING, NONE, TEMPORARILY_UNKNOWN -> Tone.WARN;
      case NO_MAIL -> Tone.NEUTRAL;
    };
  }

  /** The verdict as a title: "Enforced, with failures". */
  static String title(DomainVerdict v) {
    return switch (v) {
      case ENFORCED -> "Enforced";
      case ENFORCED_WITH_FAILURES -> "Enforced, with failures";
      case ENFORCED_UNDELIVERABLE -> "Enforced, and undeliverable";
      case TESTING -> "Testing";
      case NONE -> "Mode none";
      case NO_POLICY -> "No policy";
      case TEMPORARILY_UNKNOWN -> "Temporarily unknown";
      case NO_MAIL -> "No mail";
    };
  }

  /** One sentence: what a sender that applies MTA-STS does with mail for the domain. */
  static String answer(DomainReport r) {
    String d = r.domain();
    List<String> refused = hosts(r, MxVerdict.REFUSE);
    long total = r.mx().size();
    return switch (r.verdict()) {
      case ENFORCED ->
          "Senders deliver mail for "
              + d
              + " only over TLS with a verified certificate, and every MX host passes.";
      case ENFORCED_WITH_FAILURES ->
          "Senders deliver mail for "
              + d
              + " over verified TLS to "
              + (total - refused.size())
              + " of "
              + total
              + " MX hosts and refuse "
              + (refused.isEmpty() ? "the others" : String.join(", ", refused))
              + ".";
      case ENFORCED_UNDELIVERABLE ->
          "Senders refuse every MX host of "
              + d
              + ": mail for it stays in their queues and bounces after a few days.";
      case TESTING ->
          "Senders deliver mail for "
              + d
              + " as before, verified or not; the policy is in testing mode, so failures are"
              + " only reported.";
      case NONE ->
          "The policy of "
              + d
              + " says mode none: senders deliver as if there were no MTA-STS and drop their"
              + " cached policy.";
      case NO_POLICY ->
          "Senders apply no MTA-STS policy for "
              + d
              + ": mail goes out with opportunistic TLS, which an attacker on the path can strip.";
      case TEMPORARILY_UNKNOWN ->
          "Senders cannot decide now: one with a cached policy for "
              + d
              + " keeps applying it, one without delivers as if there were no policy.";
      case NO_MAIL -> d + " accepts no mail (null MX): there is nothing for a policy to protect.";
    };
  }

  private static List<String> hosts(DomainReport r, MxVerdict verdict) {
    return r.mx().stream().filter(m -> m.verdict() == verdict).map(MxReport::host).toList();
  }

  /**
   * One MX host as the table shows it.
   *
   * @param covered whether the policy covers the host, and by which pattern
   * @param starttls what the host answered to EHLO
   * @param certificate the certificate's state in a few words
   */
  record MxRow(
      String host,
      int preference,
      String covered,
      String starttls,
      String certificate,
      MxVerdict verdict) {}

  static List<MxRow> mxRows(DomainReport r) {
    List<MxRow> rows = new ArrayList<>();
    for (MxReport m : r.mx()) {
      rows.add(
          new MxRow(
              m.host(),
              m.mx().preference(),
              covered(r, m),
              starttls(m),
              certificate(m),
              m.verdict()));
    }
    return rows;
  }

  private static String covered(DomainReport r, MxReport m) {
    if (!r.policyApplies()) {
      return "no policy applies";
    }
    // the pattern is worth showing only when it is not the host name itself (a wildcard)
    return m.matchedPattern()
        .map(p -> p.written().equalsIgnoreCase(m.host()) ? "yes" : "yes, by " + p.written())
        .orElse("no");
  }

  private static String starttls(MxReport m) {
    if (!m.probe().probed()) {
      return "not probed";
    }
    List<EndpointProbe> endpoints = m.endpoints();
    if (endpoints.isEmpty()) {
      return "no address";
    }
    long offered = endpoints.stream().filter(EndpointProbe::starttlsOffered).count();
    if (offered == endpoints.size()) {
      return "offered";
    }
    if (offered > 0) {
      return "offered on " + offered + " of " + endpoints.size() + " addresses";
    }
    return endpoints.stream().allMatch(e -> e.greeting().isEmpty()) ? "not reached" : "not offered";
  }

  private static String certificate(MxReport m) {
    List<ChainVerdict> chains =
        m.endpoints().stream().flatMap(e -> e.certificate().stream()).toList();
    if (chains.isEmpty()) {
      return m.probe().probed() ? "none received" : "not probed";
    }
    Set<CertificateProblem.Kind> kinds = EnumSet.noneOf(CertificateProblem.Kind.class);
    chains.forEach(c -> c.problems().forEach(p -> kinds.add(p.kind())));
    Set<String> words = new TreeSet<>();
    kinds.forEach(k -> words.add(problem(k)));
    if (chains.stream().allMatch(ChainVerdict::valid)) {
      return kinds.isEmpty() ? "valid" : "valid (" + String.join(", ", words) + ")";
    }
    return "not valid: " + String.join(", ", words);
  }

  private static String problem(CertificateProblem.Kind kind) {
    return switch (kind) {
      case NAME_MISMATCH -> "wrong name";
      case EXPIRED -> "expired";
      case NOT_YET_VALID -> "not yet valid";
      case UNTRUSTED -> "untrusted";
      case EXPIRING_SOON -> "expires soon";
      case WRONG_PURPOSE -> "not for TLS servers";
      case WEAK_SIGNATURE -> "weak signature";
    };
  }

  /** Why a fix comes where it does in "fix these first", most urgent first. */
  enum Effect {
    /** Senders refuse an MX host: mail to it is not delivered. */
    MAIL_REFUSED("senders refuse this MX host"),
    /** Senders apply no policy at all: the protection is gone. */
    POLICY_NOT_APPLIED("senders apply no policy"),
    /** An error with a narrower effect (reporting, testing mode, a temporary failure). */
    OTHER_ERROR("error"),
    /** Works today, but fragile or a trap for some senders. */
    WARNING("warning");

    private final String words;

    Effect(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }
  }

  /** A finding in the fix list with the reason for its place. */
  record Fix(Finding finding, Effect effect) {}

  /**
   * Every error and warning, ordered by effect: refused MX hosts and a policy senders ignore first,
   * then the other errors, then warnings; in stage order within each. Info findings need no fix.
   */
  static List<Fix> fixes(DomainReport r) {
    List<Fix> fixes = new ArrayList<>();
    for (StageReport s : r.stages()) {
      for (Finding f : s.findings()) {
        if (f.severity() != Severity.INFO) {
          fixes.add(new Fix(f, effect(r, s, f)));
        }
      }
    }
    fixes.sort(
        Comparator.comparing(Fix::effect)
            .thenComparing(fix -> fix.finding().stage())
            .thenComparing(fix -> mxRank(r, fix.finding())));
    return List.copyOf(fixes);
  }

  private static Effect effect(DomainReport r, StageReport s, Finding f) {
    if (f.severity() == Severity.WARNING) {
      return Effect.WARNING;
    }
    if (s.stage() == CheckStage.MX && refused(r, s.target())) {
      return Effect.MAIL_REFUSED;
    }
    boolean policyStage =
        EnumSet.of(CheckStage.DISCOVERY, CheckStage.RETRIEVAL, CheckStage.POLICY)
            .contains(s.stage());
    if (policyStage && !r.policyApplies() && r.verdict() != DomainVerdict.NO_MAIL) {
      return Effect.POLICY_NOT_APPLIED;
    }
    return Effect.OTHER_ERROR;
  }

  private static boolean refused(DomainReport r, String host) {
    return r.mx().stream().anyMatch(m -> m.host().equals(host) && m.verdict() == MxVerdict.REFUSE);
  }

  /** MX hosts in preference order; findings about anything else first. */
  private static int mxRank(DomainReport r, Finding f) {
    for (int i = 0; i < r.mx().size(); i++) {
      String host = r.mx().get(i).host();
      if (f.target().equals(host) || f.target().startsWith(host + " ")) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The MX verdict in words for the table. */
  static String verdictWords(MxVerdict v) {
    return switch (v) {
      case DELIVER -> "deliver";
      case REFUSE -> "refuse";
      case REPORT -> "deliver and report";
      case UNREACHABLE -> "unreachable";
      case NOT_PROBED -> "not probed";
    };
  }
}
