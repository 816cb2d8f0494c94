package org.stslens.engine.tlsrpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.dns.TxtFieldList;
import org.stslens.engine.dns.TxtFieldList.Field;
import org.stslens.engine.dns.TxtFieldList.Fields;
import org.stslens.engine.dns.TxtRecords;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Excerpt;
import org.stslens.engine.finding.Finding;

/**
 * TLSRPT discovery from the {@code _smtp._tls.<domain>} TXT RRset (RFC 8460 §3, corpus section E):
 * records are picked as for MTA-STS with the tag {@code v=TLSRPTv1}, the field list follows the
 * same strict grammar, and {@code rua=} must list at least one usable {@code mailto:} or {@code
 * https:} URI. Findings are placed by record number (as the line) and 1-based column. Pure.
 */
public final class TlsRptRecordParser {

  public static final String VERSION = "v=TLSRPTv1";
  private static final String RUA = "rua";
  private static final String EXAMPLE = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com";

  private TlsRptRecordParser() {}

  /**
   * Discovers the reporting URIs.
   *
   * @param rrset the TXT records as the resolver returns them, each as its character-strings
   */
  public static TlsRptResult parse(List<List<String>> rrset) {
    List<String> joined = TxtRecords.joinAll(rrset == null ? List.of() : rrset);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < joined.size(); i++) {
      if (TxtRecords.isCandidate(joined.get(i), VERSION)) {
        candidates.add(i);
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (candidates.isEmpty()) {
      findings.add(
          Finding.of(
              Code.TLSRPT_NO_RECORD,
              "",
              "No TXT record at _smtp._tls begins with `v=TLSRPTv1`, so senders send no TLS"
                  + " reports and delivery failures stay invisible to you.",
              "Publish one record, e.g. " + EXAMPLE));
      return new TlsRptResult(false, List.of(), joined, findings);
    }
    if (candidates.size() > 1) {
      findings.add(
          Finding.of(
              Code.TLSRPT_MULTIPLE_RECORDS,
              "",
              candidates.size()
                  + " TXT records begin with `v=TLSRPTv1`; senders then send no reports at all.",
              "Merge them into one record; several URIs go into one rua= field separated by"
                  + " commas."));
      return new TlsRptResult(false, List.of(), joined, findings);
    }
    int recordNo = candidates.get(0) + 1;
    return parseCandidate(joined, recordNo, findings);
  }

  private static TlsRptResult parseCandidate(
      List<String> joined, int recordNo, List<Finding> findings) {
    String record = joined.get(recordNo - 1);
    Fields parsed = TxtFieldList.parse(record, VERSION.length(), Set.of(RUA));
    if (parsed.error().isPresent()) {
      TxtFieldList.SyntaxError error = parsed.error().get();
      findings.add(
          Finding.at(
              Code.TLSRPT_SYNTAX,
              recordNo,
              error.column(),
              "The TLSRPT record breaks the grammar at column "
                  + error.column()
                  + ": "
                  + error.problem()
                  + ". Senders ignore a malformed record.",
              "Rewrite the record in the form " + EXAMPLE));
      return new TlsRptResult(false, List.of(), joined, findings);
    }
    Optional<Field> rua = parsed.fields().stream().filter(f -> f.name().equals(RUA)).findFirst();
    if (rua.isEmpty()) {
      String hint =
          parsed.fields().stream()
              .filter(f -> f.name().equalsIgnoreCase(RUA))
              .findFirst()
              .map(
                  f -> " There is a field `" + f.name() + "=`, but field names are case-sensitive.")
              .orElse("");
      findings.add(
          Finding.at(
              Code.TLSRPT_MISSING_RUA,
              recordNo,
              1,
              "The TLSRPT record has no `rua=` field, so senders do not know where to send"
                  + " reports."
                  + hint,
              "Add the reporting address: " + EXAMPLE));
      return new TlsRptResult(false, List.of(), joined, findings);
    }
    List<String> usable = readRua(recordNo, rua.get(), findings);
    boolean valid = findings.stream().noneMatch(Finding::isError);
    return new TlsRptResult(valid, valid ? usable : List.of(), joined, findings);
  }

  /** The usable URIs; adds an error for each malformed entry and a warning for each ignored one. */
  private static List<String> readRua(int recordNo, Field rua, List<Finding> findings) {
    String value = rua.value();
    List<String> usable = new ArrayList<>();
    if (value.isEmpty() || TxtFieldList.isWsp(value.charAt(0))) {
      findings.add(
          invalidRua(
              recordNo,
              rua.valueColumn(),
              value.isEmpty() ? "`rua=` is empty" : "there is a space right after `rua=`"));
      return usable;
    }
    int start = 0;
    while (start <= value.length()) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? value.length() : comma;
      int from = start;
      int to = end;
      while (from < to && TxtFieldList.isWsp(value.charAt(from))) {
        from++;
      }
      while (to > from && TxtFieldList.isWsp(value.charAt(to - 1))) {
        to--;
      }
      String entry = value.substring(from, to);
      int column = rua.valueColumn() + from;
      ReportingUri.Verdict verdict = ReportingUri.judge(entry);
      switch (verdict.kind()) {
        case USABLE -> usable.add(entry);
        case OTHER_SCHEME ->
            findings.add(
                Finding.at(
                    Code.TLSRPT_IGNORED_RUA,
                    recordNo,
                    column,
                    "The reporting URI "
                        + Excerpt.quote(entry)
                        + " is ignored: "
                        + verdict.problem(),
                    "Use a mailto: address or an https: URL instead."));
        case MALFORMED ->
            findings.add(
                invalidRua(
                    recordNo,
                    column,
                    "the entry "
                        + Excerpt.quote(entry)
                        + " is not usable: "
                        + verdict.problem()
                        + (from > 0 && !ReportingUri.hasScheme(entry)
                            ? "; it follows a `,`, which separates URIs: a comma inside a URI"
                                + " must be written `%2C`"
                            : "")));
      }
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    boolean malformed = findings.stream().anyMatch(f -> f.code() == Code.TLSRPT_INVALID_RUA);
    if (usable.isEmpty() && !malformed) {
      findings.add(
          invalidRua(recordNo, rua.valueColumn(), "no `mailto:` or `https:` URI is left to use"));
    }
    return usable;
  }

  private static Finding invalidRua(int recordNo, int column, String problem) {
    return Finding.at(
        Code.TLSRPT_INVALID_RUA,
        recordNo,
        column,
        "The rua= field is not valid: " + problem + ". Senders send no reports.",
        "List one or more mailto: or https: URIs separated by commas, e.g. " + EXAMPLE);
  }
}
