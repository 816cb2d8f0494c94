package org.stslens.engine.tlsrpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.dns.Discovery;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.xbill.DNS.Type;

/**
 * The TLS reporting record (RFC 8460 §3) at {@code _smtp._tls.<domain>}: where senders send reports
 * of failed TLS, so that the domain owner sees what MTA-STS refuses.
 *
 * @param query the TXT query
 * @param record the parsed record, empty when the query failed temporarily
 * @param findings the findings of this stage
 */
public record TlsRptDiscovery(
    DnsQuery query, Optional<TlsRptResult> record, List<Finding> findings) {

  public TlsRptDiscovery {
    findings = List.copyOf(findings);
  }

  public static String recordName(String domain) {
    return "_smtp._tls." + domain;
  }

  /** Looks up and parses the record. */
  public static TlsRptDiscovery lookUp(DnsClient dns, String domain) throws InterruptedException {
    return judge(dns.query(recordName(domain), Type.TXT));
  }

  /** Judges an answer. Pure. */
  public static TlsRptDiscovery judge(DnsQuery query) {
    List<Finding> findings = new ArrayList<>();
    Discovery.foreignRecords(query, CheckStage.TLSRPT).ifPresent(findings::add);
    if (query.outcome().isTemporary()) {
      findings.add(Discovery.temporaryFailure(query, CheckStage.TLSRPT));
      return new TlsRptDiscovery(query, Optional.empty(), findings);
    }
    TlsRptResult parsed = TlsRptRecordParser.parse(query.txtStrings());
    for (Finding f : parsed.findings()) {
      findings.add(f.target().isEmpty() ? f.withTarget(query.name()) : f);
    }
    return new TlsRptDiscovery(query, Optional.of(parsed), findings);
  }
}
