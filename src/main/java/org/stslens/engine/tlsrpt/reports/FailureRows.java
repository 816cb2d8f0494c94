package org.stslens.engine.tlsrpt.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The failure-details of an import as rows of (domain, result type, receiving MX), by the counting
 * rules of {@link ReportCounter}: a report seen twice counts once.
 */
public final class FailureRows {

  private FailureRows() {}

  /** Every row, largest first. */
  public static List<FailureRow> of(ImportResult imported) {
    Set<String> seen = new HashSet<>();
    Map<List<String>, long[]> sessions = new LinkedHashMap<>();
    Map<List<String>, LocalDate> last = new LinkedHashMap<>();
    for (TlsReport report : imported.reports()) {
      Optional<String> identity = ReportCounter.identity(report);
      if (identity.isPresent() && !seen.add(identity.get())) {
        continue;
      }
      Optional<LocalDate> day = report.start().map(s -> LocalDate.ofInstant(s, ZoneOffset.UTC));
      for (PolicyResult policy : report.policies()) {
        String domain = policy.domain().isEmpty() ? ReportCounter.UNKNOWN_DOMAIN : policy.domain();
        for (FailureDetail failure : policy.failures()) {
          List<String> key =
              List.of(
                  domain,
                  failure.resultType().isEmpty()
                      ? ReportCounter.UNKNOWN_TYPE
                      : failure.resultType(),
                  failure.receiver().isEmpty() ? ReportCounter.UNKNOWN_MX : failure.receiver());
          sessions.computeIfAbsent(key, k -> new long[1])[0] += failure.failedSessions();
          day.ifPresent(d -> last.merge(key, d, (a, b) -> a.isAfter(b) ? a : b));
        }
      }
    }
    List<FailureRow> rows = new ArrayList<>();
    sessions.forEach(
        (key, n) ->
            rows.add(
                new FailureRow(
                    key.get(0), key.get(1), key.get(2), n[0], Optional.ofNullable(last.get(key)))));
    rows.sort(
        Comparator.comparingLong(FailureRow::sessions)
            .reversed()
            .thenComparing(FailureRow::resultType)
            .thenComparing(FailureRow::mx));
    return rows;
  }

  /** The rows of one domain. */
  public static List<FailureRow> of(ImportResult imported, String domain) {
    return of(imported).stream().filter(r -> r.domain().equals(domain)).toList();
  }
}
