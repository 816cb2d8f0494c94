package org.stslens.engine.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.dns.TxtFieldList.Field;
import org.stslens.engine.dns.TxtFieldList.Fields;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Excerpt;
import org.stslens.engine.finding.Finding;

/**
 * MTA-STS discovery from the {@code _mta-sts.<domain>} TXT RRset (RFC 8461 §3.1, corpus section A):
 * exactly one record must begin with {@code v=STSv1}, follow the grammar strictly and carry an
 * {@code id} of 1–32 letters and digits. Findings are placed by record number (as the line) and
 * 1-based column in the joined record. Pure; never throws on hostile input.
 */
public final class StsRecordParser {

  public static final String VERSION = "v=STSv1";
  private static final String ID = "id";
  private static final int MAX_ID = 32;
  private static final String EXAMPLE = "v=STSv1; id=20261128T1200";
  private static final String PUBLISH_ONE = "Publish exactly one record: " + EXAMPLE;

  private StsRecordParser() {}

  /**
   * Discovers the policy id.
   *
   * @param rrset the TXT records as the resolver returns them, each as its character-strings
   */
  public static StsRecordResult parse(List<List<String>> rrset) {
    rrset = rrset == null ? List.of() : rrset;
    List<String> joined = TxtRecords.joinAll(rrset);
    List<Finding> findings = new ArrayList<>();
    List<Integer> candidates = new ArrayList<>();
    int unrelated = 0;
    for (int i = 0; i < joined.size(); i++) {
      String record = joined.get(i);
      if (TxtRecords.isCandidate(record, VERSION)) {
        candidates.add(i);
      } else {
        Optional<String> lookalike = lookalikeReason(record);
        if (lookalike.isPresent()) {
          findings.add(lookalikeFinding(i + 1, record, lookalike.get()));
        } else {
          unrelated++;
        }
      }
    }
    if (!candidates.isEmpty() && unrelated > 0) {
      findings.add(unrelatedFinding(unrelated));
    }
    if (candidates.isEmpty()) {
      findings.add(noRecordFinding(findings));
      return invalid(joined, Optional.empty(), Map.of(), findings);
    }
    if (candidates.size() > 1) {
      findings.add(multipleFinding(candidates.size()));
      return invalid(joined, Optional.empty(), Map.of(), findings);
    }
    int index = candidates.get(0);
    List<String> strings = rrset.get(index);
    if (strings != null && strings.size() > 1) {
      findings.add(splitFinding(index + 1, strings.size()));
    }
    return parseCandidate(joined, index, findings);
  }

  private static StsRecordResult parseCandidate(
      List<String> joined, int index, List<Finding> findings) {
    String record = joined.get(index);
    int recordNo = index + 1;
    Fields parsed = TxtFieldList.parse(record, VERSION.length(), Set.of(ID));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("v", VERSION.substring(2));
    Field firstId = null;
    List<String> extensions = new ArrayList<>();
    int firstExtensionColumn = 0;
    for (Field field : parsed.fields()) {
      if (fields.containsKey(field.name())) {
        findings.add(duplicateFinding(recordNo, field));
        continue;
      }
      fields.put(field.name(), field.value());
      if (field.name().equals(ID)) {
        firstId = field;
      } else {
        if (extensions.isEmpty()) {
          firstExtensionColumn = field.nameColumn();
        }
        extensions.add(field.name());
      }
    }
    if (!extensions.isEmpty()) {
      findings.add(
          Finding.at(
              Code.TXT_EXTENSION_FIELDS,
              recordNo,
              firstExtensionColumn,
              "The record has fields that MTA-STS does not define ("
                  + String.join(", ", extensions)
                  + "); senders ignore them.",
              ""));
    }
    Optional<String> candidate = Optional.of(record);
    if (parsed.error().isPresent()) {
      TxtFieldList.SyntaxError error = parsed.error().get();
      findings.add(
          Finding.at(
              Code.TXT_SYNTAX,
              recordNo,
              error.column(),
              "The MTA-STS record breaks the grammar at column "
                  + error.column()
                  + ": "
                  + error.problem()
                  + ". Senders treat a malformed record as no policy.",
              "Rewrite the record in the exact form "
                  + EXAMPLE
                  + " (no empty fields, no"
                  + " trailing spaces, ASCII only)."));
      return invalid(joined, candidate, fields, findings);
    }
    if (firstId == null) {
      findings.add(missingIdFinding(recordNo, fields));
      return invalid(joined, candidate, fields, findings);
    }
    Optional<Finding> idProblem = idProblem(recordNo, firstId);
    if (idProblem.isPresent()) {
      findings.add(idProblem.get());
      return invalid(joined, candidate, fields, findings);
    }
    return new StsRecordResult(
        true, Optional.of(firstId.value()), joined, candidate, fields, findings);
  }

  private static Optional<Finding> idProblem(int recordNo, Field id) {
    String value = id.value();
    String problem = null;
    int column = id.valueColumn();
    if (value.isEmpty()) {
      problem = "the id is empty";
    } else {
      for (int i = 0; i < value.length() && problem == null; i++) {
        char c = value.charAt(i);
        boolean alnum = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        if (!alnum) {
          problem = "the id contains " + TxtFieldList.describe(value, i);
          column = id.valueColumn() + i;
        }
      }
      if (problem == null && value.length() > MAX_ID) {
        problem = "the id has " + value.length() + " characters, more than 32";
        column = id.valueColumn() + MAX_ID;
      }
    }
    if (problem == null) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.at(
            Code.TXT_INVALID_ID,
            recordNo,
            column,
            "The policy id "
                + Excerpt.quote(value)
                + " is not valid: "
                + problem
                + ". It must be 1 to 32 letters and digits; senders treat this record as no"
                + " policy.",
            "Use an id of letters and digits only, e.g. a timestamp: " + EXAMPLE));
  }

  private static Finding missingIdFinding(int recordNo, Map<String, String> fields) {
    String hint =
        fields.keySet().stream()
            .filter(name -> name.equalsIgnoreCase(ID))
            .findFirst()
            .map(name -> " There is a field `" + name + "=`, but field names are case-sensitive.")
            .orElse("");
    return Finding.at(
        Code.TXT_MISSING_ID,
        recordNo,
        1,
        "The MTA-STS record has no `id=` field, so senders treat it as no policy." + hint,
        "Add the id, changing it whenever the policy changes: " + EXAMPLE);
  }

  /** Why a discarded record looks meant for MTA-STS, or empty when it does not. */
  private static Optional<String> lookalikeReason(String record) {
    int start = 0;
    while (start < record.length() && Character.isWhitespace(record.charAt(start))) {
      start++;
    }
    if (start < record.length() && record.charAt(start) == '"' && record.indexOf(VERSION) > 0) {
      return Optional.of("it begins with a quote character; the quotes were published as text");
    }
    boolean tagIgnoringCase = record.regionMatches(true, start, VERSION, 0, VERSION.length());
    int after = start + VERSION.length();
    boolean tagEnds = after >= record.length() || !Character.isLetterOrDigit(record.charAt(after));
    if (tagIgnoringCase && tagEnds) {
      if (start > 0) {
        return Optional.of("it begins with whitespace before `v=STSv1`");
      }
      return Optional.of(
          "it begins with "
              + Excerpt.quote(record.substring(0, VERSION.length()))
              + " but the tag is case-sensitive");
    }
    if (record.indexOf(VERSION) > 0) {
      return Optional.of("it contains `v=STSv1` but does not begin with it");
    }
    return Optional.empty();
  }

  private static Finding lookalikeFinding(int recordNo, String record, String reason) {
    return Finding.at(
        Code.TXT_DISCARDED_LOOKALIKE,
        recordNo,
        1,
        "The record "
            + Excerpt.quote(record)
            + " looks meant for MTA-STS but senders discard it: "
            + reason
            + ".",
        "Make the record begin exactly with `v=STSv1` (case-sensitive, no leading space or"
            + " quotes), e.g. "
            + EXAMPLE);
  }

  private static Finding unrelatedFinding(int count) {
    return Finding.of(
        Code.TXT_UNRELATED_RECORDS,
        "",
        count
            + (count == 1 ? " other TXT record is" : " other TXT records are")
            + " published next to the MTA-STS record. The RFC says to ignore them, but some"
            + " senders (those built on go-mtasts, such as maddy) count every TXT record and then"
            + " see no policy.",
        "Keep only the v=STSv1 record at the _mta-sts name; SPF and verification records belong"
            + " at the domain itself.");
  }

  private static Finding noRecordFinding(List<Finding> soFar) {
    boolean lookalike = soFar.stream().anyMatch(f -> f.code() == Code.TXT_DISCARDED_LOOKALIKE);
    return Finding.of(
        Code.TXT_NO_RECORD,
        "",
        "No TXT record at _mta-sts begins with `v=STSv1`, so senders treat the domain as having"
            + " no MTA-STS policy.",
        lookalike
            ? "Correct the record that looks meant for MTA-STS so it begins exactly with"
                + " `v=STSv1`: "
                + EXAMPLE
            : PUBLISH_ONE);
  }

  private static Finding multipleFinding(int count) {
    return Finding.of(
        Code.TXT_MULTIPLE_RECORDS,
        "",
        count
            + " TXT records begin with `v=STSv1`. Senders require exactly one and otherwise treat"
            + " the domain as having no policy, even when only one of them is broken.",
        "Delete all but one. " + PUBLISH_ONE);
  }

  private static Finding splitFinding(int recordNo, int strings) {
    return Finding.at(
        Code.TXT_SPLIT_STRINGS,
        recordNo,
        1,
        "The MTA-STS record is made of "
            + strings
            + " character-strings; senders join them without adding spaces.",
        "");
  }

  private static Finding duplicateFinding(int recordNo, Field field) {
    return Finding.at(
        Code.TXT_DUPLICATE_FIELD,
        recordNo,
        field.nameColumn(),
        "The field `"
            + field.name()
            + "` appears more than once; the first one counts and "
            + Excerpt.quote(field.name() + "=" + field.value())
            + " is ignored (some senders take the last one instead).",
        "Keep a single `" + field.name() + "=` field.");
  }

  private static StsRecordResult invalid(
      List<String> joined,
      Optional<String> candidate,
      Map<String, String> fields,
      List<Finding> findings) {
    return new StsRecordResult(false, Optional.empty(), joined, candidate, fields, findings);
  }
}
