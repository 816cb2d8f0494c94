package org.stslens.engine.mx;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
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
 */
public record MxReport(
    MxProbeResult probe,
    Optional<MxPattern> matchedPattern,
    MxVerdict verdict,
    List<Finding> findings) {

  public MxReport {
    findings = List.copyOf(findings);
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
