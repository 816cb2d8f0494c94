package org.stslens.engine.tlsrpt.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One aggregate TLS-RPT report as a sender wrote it (RFC 8460 §4.3).
 *
 * @param organization {@code organization-name}; empty when the sender left it out
 * @param contactInfo {@code contact-info}; empty when null or missing
 * @param reportId {@code report-id}; empty when missing
 * @param start the {@code date-range} start, when given and readable
 * @param end the {@code date-range} end, when given and readable
 * @param policies one entry per policy the sender applied
 * @param source where it came from: a file, an archive entry or a message of an mbox
 * @param notes what was tolerated while reading it, one line each
 */
public record TlsReport(
    String organization,
    String contactInfo,
    String reportId,
    Optional<Instant> start,
    Optional<Instant> end,
    List<PolicyResult> policies,
    String source,
    List<String> notes) {

  public TlsReport {
    policies = List.copyOf(policies);
    notes = List.copyOf(notes);
  }
}
