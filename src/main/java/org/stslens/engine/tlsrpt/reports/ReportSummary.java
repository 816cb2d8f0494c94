package org.stslens.engine.tlsrpt.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The counts of an import, by the rules of the README ("Reading TLS-RPT reports").
 *
 * @param reports distinct reports counted (a report read twice counts once)
 * @param skipped files that were not read, with the reason
 * @param notes what was tolerated or is worth knowing, one line each
 * @param domains one entry per policy domain, by name
 */
public record ReportSummary(
    int reports, List<ImportResult.Skipped> skipped, List<String> notes, List<Domain> domains) {

  public ReportSummary {
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
    domains = List.copyOf(domains);
  }

  /**
   * The sessions of one policy domain.
   *
   * @param successful the sum of the summaries' successful sessions
   * @param failed the sum of the summaries' failed sessions
   * @param byResultType failed sessions per result type, from failure-details, largest first
   * @param byMx failed sessions per receiving MX (or IP), from failure-details, largest first
   * @param byOrganization failed sessions per reporting organisation, from failure-details
   * @param days the sessions per day (UTC) of the reports' date-range start, oldest first
   */
  public record Domain(
      String domain,
      long successful,
      long failed,
      Map<String, Long> byResultType,
      Map<String, Long> byMx,
      Map<String, Long> byOrganization,
      List<Day> days) {

    public Domain {
      byResultType =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byResultType));
      byMx = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byMx));
      byOrganization =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byOrganization));
      days = List.copyOf(days);
    }
  }

  /** The sessions of one domain on one day. */
  public record Day(LocalDate date, long successful, long failed) {}
}
