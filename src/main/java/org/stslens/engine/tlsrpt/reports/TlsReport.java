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
 * @param domainHint the domain a {@code TLS-Report-Domain} header or the file name gave (used for
 *     policies without {@code policy-domain}), or empty
 * @param json the report's own JSON text, as the sender wrote it (at most {@link
 *     ReportImporter#MAX_BYTES}): what the history store keeps, so that a later build reads it
 *     again with its own rules
 */
public record TlsReport(
    String organization,
    String contactInfo,
    String reportId,
    Optional<Instant> start,
    Optional<Instant> end,
    List<PolicyResult> policies,
    String source,
    List<String> notes,
    String domainHint,
    String json) {

  public TlsReport {
    policies = List.copyOf(policies);
    notes = List.copyOf(notes);
  }
}
