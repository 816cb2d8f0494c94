package org.stslens.engine.dns;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.finding.Finding;

/**
 * Stage 1: what DNS says about the domain's MTA-STS record and mail exchangers.
 *
 * @param domain the domain checked (A-labels, lower case)
 * @param stsQuery the {@code _mta-sts.<domain>} TXT query
 * @param stsRecord the parsed record, empty when the query failed temporarily
 * @param mxQuery the MX query
 * @param mxKind what the MX answer means
 * @param mxHosts the hosts a sender would try, by preference; the domain itself when implicit
 * @param apexQuery the TXT query at the domain itself (to spot a record published there)
 * @param findings stage-1 findings
 */
public record DiscoveryResult(
    String domain,
    DnsQuery stsQuery,
    Optional<StsRecordResult> stsRecord,
    DnsQuery mxQuery,
    MxKind mxKind,
    List<MxHost> mxHosts,
    DnsQuery apexQuery,
    List<Finding> findings) {

  public DiscoveryResult {
    mxHosts = List.copyOf(mxHosts);
    findings = List.copyOf(findings);
  }

  /** The queries made in this stage, in order. */
  public List<DnsQuery> queries() {
    return List.of(stsQuery, mxQuery, apexQuery);
  }

  /** True when exactly one valid {@code v=STSv1} record was found. */
  public boolean hasValidRecord() {
    return stsRecord.map(StsRecordResult::valid).orElse(false);
  }

  public Optional<String> policyId() {
    return stsRecord.flatMap(StsRecordResult::id);
  }

  /** True when a temporary DNS failure kept this stage from concluding. */
  public boolean temporaryFailure() {
    return stsQuery.outcome().isTemporary() || mxQuery.outcome().isTemporary();
  }
}
