package org.stslens.engine.check;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.smtp.EndpointProbe;

/** Findings that only the comparison of two stages can make. Pure. */
final class CrossStageFindings {

  private CrossStageFindings() {}

  /** checks.md dns.delegation-mismatch: one of the two names is delegated by CNAME, not both. */
  static List<Finding> delegationMismatch(DiscoveryResult d, FetchResult fetch) {
    boolean txtDelegated = d.stsQuery().followedCnames();
    boolean hostDelegated = fetch.lookups().stream().anyMatch(DnsQuery::followedCnames);
    if (txtDelegated == hostDelegated || !d.hasValidRecord()) {
      return List.of();
    }
    String delegated = txtDelegated ? d.stsQuery().name() : fetch.host();
    String other = txtDelegated ? fetch.host() : d.stsQuery().name();
    return List.of(
        new Finding(
            Code.DNS_DELEGATION_MISMATCH,
            Code.DNS_DELEGATION_MISMATCH.severity(),
            CheckStage.RETRIEVAL,
            d.domain(),
            delegated
                + " is delegated to a provider by CNAME but "
                + other
                + " is not: the TXT"
                + " id and the policy are then managed in two places and drift apart.",
            "Delegate both _mta-sts and mta-sts to the same provider, or neither (RFC 8461"
                + " §8.2).",
            0,
            0));
  }

  /** checks.md smtp.port25-blocked: every MX timed out on port 25 while HTTPS worked. */
  static Optional<Finding> port25Blocked(Optional<FetchResult> fetch, List<MxReport> mx) {
    boolean httpsWorked = fetch.flatMap(FetchResult::connectedTo).isPresent();
    List<EndpointProbe> endpoints = mx.stream().flatMap(m -> m.endpoints().stream()).toList();
    boolean allTimedOut =
        !endpoints.isEmpty() && endpoints.stream().allMatch(EndpointProbe::connectTimedOut);
    if (!httpsWorked || !allTimedOut) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.of(
            Code.SMTP_PORT25_BLOCKED,
            "port 25",
            "Every MX host timed out on port 25 while DNS and HTTPS worked: your own network most"
                + " likely blocks outbound port 25 (many ISPs and corporate networks do).",
            "Run the check from a network that allows outbound SMTP (a server, a VPS)."));
  }
}
