package org.stslens.engine.tlsrpt;

import java.util.List;
import org.stslens.engine.finding.Finding;

/**
 * The outcome of TLSRPT discovery from the {@code _smtp._tls} TXT RRset (RFC 8460 §3).
 *
 * @param valid exactly one {@code v=TLSRPTv1} record with at least one usable reporting URI
 * @param rua the usable ({@code mailto:} and {@code https:}) URIs in publication order, as written
 * @param joinedRecords every record of the RRset, its strings joined, in the order given
 * @param findings what was seen; when invalid, one error (or the no-record warning) says why
 */
public record TlsRptResult(
    boolean valid, List<String> rua, List<String> joinedRecords, List<Finding> findings) {

  public TlsRptResult {
    rua = List.copyOf(rua);
    joinedRecords = List.copyOf(joinedRecords);
    findings = List.copyOf(findings);
  }
}
