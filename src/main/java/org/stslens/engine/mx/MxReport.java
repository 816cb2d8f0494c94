package org.stslens.engine.mx;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.smtp.EndpointProbe;

/**
 * Stage 4 for one MX host: the evidence and what a compliant sender does.
 *
 * @param probe what was seen at the host
 * @param matchedPattern the policy pattern that covers the host, if a policy applies and one does
 * @param verdict deliver / refuse / report / unreachable
 * @param findings everything found for this host (host-level, per-endpoint and policy matching)
 * @param dane DANE for this host, beside MTA-STS (empty with {@code --no-dane} or not probed); its
 *     findings stay in it and never change the MTA-STS verdict
 */
public record MxReport(
    MxProbeResult probe,
    Optional<MxPattern> matchedPattern,
    MxVerdict verdict,
    List<Finding> findings,
    Optional<DaneResult> dane) {

  public MxReport {
    findings = List.copyOf(findings);
    java.util.Objects.requireNonNull(dane, "dane");
  }

  /** A report without DANE. */
  public MxReport(
      MxProbeResult probe,
      Optional<MxPattern> matchedPattern,
      MxVerdict verdict,
      List<Finding> findings) {
    this(probe, matchedPattern, verdict, findings, Optional.empty());
  }

  public MxReport withDane(DaneResult result) {
    return new MxReport(probe, matchedPattern, verdict, findings, Optional.of(result));
  }

  public MxHost mx() {
    return probe.mx();
  }

  public String host() {
    return probe.mx().host();
  }

  public List<InetAddress> addresses() {
    return probe.addresses();
  }

  public List<EndpointProbe> endpoints() {
    return probe.endpoints();
  }

  /** The codes that make a sender refuse or report this host. */
  public List<String> failingCodes() {
    return findings.stream().filter(Finding::isError).map(f -> f.code().id()).distinct().toList();
  }
}
