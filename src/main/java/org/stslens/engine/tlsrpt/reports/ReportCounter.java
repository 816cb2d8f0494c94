package org.stslens.engine.tlsrpt.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts an import by the rules of the README: sessions per policy domain; successful and failed
 * totals from each policy's summary; failures per result type, receiving MX and organisation from
 * failure-details; a report seen twice (same organisation and report-id) once; a summary that
 * disagrees with its details kept as it is, with a note.
 */
public final class ReportCounter {

  /** The domain of policies that name none, in the counts. */
  public static final String UNKNOWN_DOMAIN = "(unknown)";

  /** The MX of failure details that name neither host nor address. */
  public static final String UNKNOWN_MX = "(not given)";

  /** The organisation of reports that name none. */
  public static final String UNKNOWN_ORGANIZATION = "(not given)";

  /** The result type of failure details that name none. */
  public static final String UNKNOWN_TYPE = "(not given)";

  private ReportCounter() {}

  /**
   * What makes two reports the same report: organisation and report-id; empty for a report without
   * a report-id, which is never merged.
   */
  static java.util.Optional<String> identity(TlsReport report) {
    return report.reportId().isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(report.organization() + "\u0000" + report.reportId());
  }

  public static ReportSummary count(ImportResult imported) {
    List<String> notes = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Map<String, Tally> tallies = new TreeMap<>();
    int reports = 0;
    for (TlsReport report : imported.reports()) {
      if (identity(report).isPresent()) {
        String first = seen.putIfAbsent(identity(report).get(), report.source());
        if (first != null) {
          notes.add(
              report.source()
                  + ": the same report as "
                  + first
                  + " (organization "
                  + report.organization()
                  + ", report-id "
                  + report.reportId()
                  + "); counted once");
          continue;
        }
      }
      reports++;
      notes.addAll(report.notes());
      for (PolicyResult policy : report.policies()) {
        String domain = policy.domain().isEmpty() ? UNKNOWN_DOMAIN : policy.domain();
        tallies.computeIfAbsent(domain, d -> new Tally()).add(report, policy);
        long detailed = policy.detailedFailures();
        if (detailed != policy.failed()) {
          notes.add(
              report.source()
                  + ": the summary of "
                  + domain
                  + " says "
                  + policy.failed()
                  + " failed sessions, its failure-details add up to "
                  + detailed
                  + "; the totals use the summary, the breakdowns the details");
        }
      }
    }
    List<ReportSummary.Domain> domains = new ArrayList<>();
    tallies.forEach((domain, tally) -> domains.add(tally.domain(domain)));
    return new ReportSummary(reports, imported.skipped(), notes, domains);
  }

  /** The running counts of one domain. */
  private static final class Tally {
    private long successful;
    private long failed;
    private final Map<String, Long> byResultType = new HashMap<>();
    private final Map<String, Long> byMx = new HashMap<>();
    private final Map<String, Long> byOrganization = new HashMap<>();
    private final Map<LocalDate, long[]> days = new TreeMap<>();

    void add(TlsReport report, PolicyResult policy) {
      successful += policy.successful();
      failed += policy.failed();
      String organization =
          report.organization().isEmpty() ? UNKNOWN_ORGANIZATION : report.organization();
      for (FailureDetail failure : policy.failures()) {
        long n = failure.failedSessions();
        String type = failure.resultType().isEmpty() ? UNKNOWN_TYPE : failure.resultType();
        byResultType.merge(type, n, Long::sum);
        byMx.merge(failure.receiver().isEmpty() ? UNKNOWN_MX : failure.receiver(), n, Long::sum);
        byOrganization.merge(organization, n, Long::sum);
      }
      report
          .start()
          .ifPresent(
              start -> {
                long[] day =
                    days.computeIfAbsent(
                        LocalDate.ofInstant(start, ZoneOffset.UTC), d -> new long[2]);
                day[0] += policy.successful();
                day[1] += policy.failed();
              });
    }

    ReportSummary.Domain domain(String name) {
      List<ReportSummary.Day> series = new ArrayList<>();
      days.forEach((date, n) -> series.add(new ReportSummary.Day(date, n[0], n[1])));
      return new ReportSummary.Domain(
          name,
          successful,
          failed,
          largestFirst(byResultType),
          largestFirst(byMx),
          largestFirst(byOrganization),
          series);
    }
  }

  private static Map<String, Long> largestFirst(Map<String, Long> counts) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
