package org.stslens.engine.dns;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.finding.Finding;

/**
 * The outcome of MTA-STS discovery from the {@code _mta-sts} TXT RRset (RFC 8461 §3.1).
 *
 * @param valid exactly one usable {@code v=STSv1} record; false means "no available policy"
 * @param id the policy id when valid
 * @param joinedRecords every record of the RRset, its strings joined, in the order given
 * @param candidate the one record that begins with {@code v=STSv1}, when there is exactly one
 * @param fields the candidate's fields up to the first syntax error, first occurrence of each name,
 *     in record order (including {@code v})
 * @param findings what was seen; when invalid, exactly one error says why
 */
public record StsRecordResult(
    boolean valid,
    Optional<String> id,
    List<String> joinedRecords,
    Optional<String> candidate,
    Map<String, String> fields,
    List<Finding> findings) {

  public StsRecordResult {
    joinedRecords = List.copyOf(joinedRecords);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    findings = List.copyOf(findings);
  }
}
