package org.stslens.engine.tlsrpt.reports;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The failed sessions of one result type at one receiving MX of one policy domain, summed over
 * distinct reports.
 *
 * @param resultType as the reports wrote it
 * @param mx the receiving MX host (or IP), or {@link ReportCounter#UNKNOWN_MX}
 * @param lastReported the UTC day of the latest report that had it, when its date is known
 */
public record FailureRow(
    String domain, String resultType, String mx, long sessions, Optional<LocalDate> lastReported) {}
