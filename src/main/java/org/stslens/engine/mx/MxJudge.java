package org.stslens.engine.mx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.names.DomainNames;
import org.stslens.engine.net.ConnectFailure;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.smtp.EndpointProbe;

/**
 * Applies the policy to what was seen at an MX host (RFC 8461 §4): is the host covered by a
 * pattern, did at least one of its addresses pass STARTTLS with a valid certificate, and so what
 * does a sender do. Pure.
 */
public final class MxJudge {

  /** Failures that stop any delivery attempt, MTA-STS or not: the sender retries later. */
  private static final Set<Code> TEMPORARY =
      Set.of(
          Code.SMTP_CONNECT_FAILED,
          Code.SMTP_BANNER,
          Code.SMTP_TIMEOUT,
          Code.DNS_TEMPORARY_FAILURE);

  private MxJudge() {}

  /**
   * @param policy the policy a sender applies, empty when none applies (no record, fetch failed,
   *     invalid policy)
   */
  public static MxReport judge(MxProbeResult probe, Optional<Policy> policy) {
    String host = probe.mx().host();
    List<Finding> findings = new ArrayList<>(probe.findings());
    // An IPv6 address this machine cannot route to says nothing about the MX: set it aside.
    List<EndpointProbe> judged = new ArrayList<>();
    for (EndpointProbe endpoint : probe.endpoints()) {
      if (noLocalRoute(endpoint)) {
        endpoint.findings().stream().map(f -> f.withSeverity(Severity.INFO)).forEach(findings::add);
      } else {
        judged.add(endpoint);
        findings.addAll(endpoint.findings());
      }
    }
    findings.addAll(endpointsDiffer(probe.mx().host(), judged));
    Optional<MxPattern> matched = Optional.empty();
    boolean enforcing = policy.map(p -> p.mode() != Mode.NONE).orElse(false);
    boolean testing = policy.map(p -> p.mode() == Mode.TESTING).orElse(false);
    boolean covered = true;
    if (enforcing) {
      Coverage coverage = coverage(host, policy.get());
      matched = coverage.matched();
      covered = matched.isPresent();
      coverage.problem().ifPresent(findings::add);
    }
    List<Outcome> outcomes = judged.stream().map(MxJudge::outcome).toList();
    boolean noAddress = probe.findings().stream().anyMatch(f -> f.code() == Code.MX_NO_ADDRESS);
    MxVerdict verdict;
    if (!probe.probed()) {
      // Beyond the probe limit: coverage needs no network and is judged; TLS was never seen.
      verdict = covered ? MxVerdict.NOT_PROBED : refuseOrReport(testing);
    } else if (!enforcing) {
      // No policy applies: senders deliver to any host that takes mail, TLS or not.
      verdict =
          outcomes.contains(Outcome.PASSED) || outcomes.contains(Outcome.FAILED)
              ? MxVerdict.DELIVER
              : MxVerdict.UNREACHABLE;
    } else if (!covered) {
      verdict = refuseOrReport(testing);
    } else if (outcomes.contains(Outcome.PASSED)) {
      verdict = MxVerdict.DELIVER;
    } else if (outcomes.contains(Outcome.FAILED)) {
      verdict = refuseOrReport(testing);
    } else if (outcomes.contains(Outcome.TEMPORARY) || (outcomes.isEmpty() && !noAddress)) {
      // Only failures that may be local or passing: another try, or another network, may work.
      verdict = MxVerdict.UNREACHABLE;
    } else {
      // No address, or every address rejects EHLO and HELO: this fails from everywhere.
      verdict = refuseOrReport(testing);
    }
    if (testing) {
      findings = downgradeUnderTesting(findings);
    }
    return new MxReport(probe, matched, verdict, findings);
  }

  /**
   * How the policy's patterns treat an MX host name (RFC 8461 §4.1).
   *
   * @param matched the first pattern that covers the host
   * @param problem mx.not-covered or mx.wildcard-depth when none does (a warning under testing)
   */
  public record Coverage(Optional<MxPattern> matched, Optional<Finding> problem) {}

  /** Which pattern covers {@code host}, or why none does. Pure; also used by policy lint. */
  public static Coverage coverage(String host, Policy policy) {
    Optional<MxPattern> matched = policy.mx().stream().filter(p -> p.matches(host)).findFirst();
    if (matched.isPresent()) {
      return new Coverage(matched, Optional.empty());
    }
    boolean testing = policy.mode() == Mode.TESTING;
    Finding problem = notCovered(host, policy, testing);
    return new Coverage(
        Optional.empty(), Optional.of(testing ? problem.withSeverity(Severity.WARNING) : problem));
  }

  /** What one address of the host showed. */
  private enum Outcome {
    /** STARTTLS with a certificate valid for the host. */
    PASSED,
    /** An SMTP session, but something an MTA-STS sender refuses (TLS, certificate, STARTTLS). */
    FAILED,
    /** Only failures that stop any delivery attempt for now (connection, greeting, time, DNS). */
    TEMPORARY,
    /** EHLO and HELO rejected with 5xx: no sender gets a session with this address. */
    NO_SESSION
  }

  private static Outcome outcome(EndpointProbe e) {
    if (e.passed()) {
      return Outcome.PASSED;
    }
    List<Finding> errors = e.findings().stream().filter(Finding::isError).toList();
    if (errors.stream().anyMatch(f -> f.code() == Code.SMTP_EHLO_REJECTED)) {
      return Outcome.NO_SESSION;
    }
    return errors.stream().allMatch(f -> TEMPORARY.contains(f.code()))
        ? Outcome.TEMPORARY
        : Outcome.FAILED;
  }

  private static MxVerdict refuseOrReport(boolean testing) {
    return testing ? MxVerdict.REPORT : MxVerdict.REFUSE;
  }

  /** checks.md: mx.not-covered is an error under enforce and a warning under testing. */
  private static List<Finding> downgradeUnderTesting(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                (f.code() == Code.MX_NOT_COVERED || f.code() == Code.MX_WILDCARD_DEPTH)
                    ? f.withSeverity(Severity.WARNING)
                    : f)
        .toList();
  }

  private static Finding notCovered(String host, Policy policy, boolean testing) {
    String consequence =
        testing
            ? " In testing mode senders still deliver and report the failure; under enforce they"
                + " would refuse this host."
            : " Compliant senders refuse to deliver to it.";
    for (MxPattern pattern : policy.mx()) {
      if (pattern.isWildcard()) {
        String rest = pattern.normalized().substring(2);
        Optional<String> h = DomainNames.normalize(host);
        if (h.isPresent() && (h.get().equals(rest) || h.get().endsWith("." + rest))) {
          boolean apex = h.get().equals(rest);
          return Finding.of(
              Code.MX_WILDCARD_DEPTH,
              host,
              "The pattern "
                  + pattern.written()
                  + " covers exactly one label, so it does not"
                  + " cover "
                  + host
                  + (apex ? " (the name itself)" : " (several labels)")
                  + "."
                  + consequence,
              "Add \"mx: "
                  + host
                  + "\" to the policy"
                  + (apex
                      ? "."
                      : ", or a wildcard one level deeper (*."
                          + h.get().substring(h.get().indexOf('.') + 1)
                          + ")."));
        }
      }
    }
    return Finding.of(
        Code.MX_NOT_COVERED,
        host,
        host
            + " matches none of the policy's mx patterns ("
            + patternList(policy.mx().stream().map(MxPattern::written).toList())
            + ")."
            + consequence,
        "Add \"mx: "
            + host
            + "\" (or a covering wildcard) to the policy, publish it and bump"
            + " the TXT id.");
  }

  /** The patterns, the first few of a long list named and the rest counted. */
  private static String patternList(List<String> patterns) {
    int named = 6;
    if (patterns.size() <= named) {
      return String.join(", ", patterns);
    }
    return String.join(", ", patterns.subList(0, named))
        + " and "
        + (patterns.size() - named)
        + " more";
  }

  /**
   * The workstation has no route to this IPv6 address (ENETUNREACH): common on networks without
   * IPv6, and a fact about the user's network, not about the MX.
   */
  static boolean noLocalRoute(EndpointProbe endpoint) {
    return endpoint.address() instanceof java.net.Inet6Address
        && endpoint
            .connectFailure()
            .filter(f -> f == ConnectFailure.NETWORK_UNREACHABLE)
            .isPresent();
  }

  private static List<Finding> endpointsDiffer(String host, List<EndpointProbe> endpoints) {
    if (endpoints.size() < 2) {
      return List.of();
    }
    Set<String> first = codes(endpoints.get(0));
    for (EndpointProbe other : endpoints.subList(1, endpoints.size())) {
      if (!codes(other).equals(first)) {
        return List.of(
            Finding.of(
                Code.TLS_ENDPOINTS_DIFFER,
                host,
                "The addresses of "
                    + host
                    + " do not give the same TLS result ("
                    + String.join(
                        ", ",
                        endpoints.stream()
                            .map(
                                e ->
                                    e.address().getHostAddress()
                                        + ": "
                                        + (e.passed() ? "pass" : String.join("+", codes(e))))
                            .toList())
                    + "); a sender's result depends on which address it picks.",
                "Configure every address of the host (IPv4 and IPv6, every server behind it) the"
                    + " same way."));
      }
    }
    return List.of();
  }

  private static Set<String> codes(EndpointProbe e) {
    return e.findings().stream()
        .filter(f -> f.severity() != Severity.INFO)
        .map(f -> f.code().id())
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Policy patterns that cover no current MX host (checks.md mx.pattern-unused). */
  public static List<Finding> unusedPatterns(Policy policy, List<String> mxHosts) {
    if (policy.mode() == Mode.NONE) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (MxPattern pattern : policy.mx()) {
      if (mxHosts.stream().noneMatch(pattern::matches)) {
        out.add(
            Finding.of(
                Code.MX_PATTERN_UNUSED,
                pattern.written(),
                "The pattern "
                    + pattern.written()
                    + " matches none of the current MX hosts ("
                    + String.join(", ", mxHosts)
                    + ").",
                "Remove stale patterns, or check for a typo in the pattern."));
      }
    }
    return out;
  }
}
