package org.stslens.engine.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.engine.tls.ChainVerdict;

/**
 * One domain's line of the batch summary (the CSV of {@code check --from}).
 *
 * @param domain the domain as checked
 * @param verdict the report's verdict word, or {@link #FAILED} when the check broke
 * @param mode the mode of the valid policy, if one was retrieved
 * @param id the TXT record's id, if the record is valid
 * @param mxCount the MX hosts found (0 for none or null MX)
 * @param failingMx the MX hosts a sender refuses or reports (TLS or policy match), in preference
 *     order
 * @param nearestExpiryDays whole days from the check to the earliest end of validity of the
 *     certificates seen (policy host and MX leaves), negative when already expired; empty when no
 *     certificate was seen
 * @param errorCount error-severity findings
 */
public record SummaryRow(
    String domain,
    String verdict,
    Optional<String> mode,
    Optional<String> id,
    int mxCount,
    List<String> failingMx,
    OptionalLong nearestExpiryDays,
    int errorCount) {

  /** The verdict column of a check that broke inside STS Lens (no DomainVerdict has this word). */
  public static final String FAILED = "check-failed";

  public static final List<String> HEADER =
      List.of(
          "domain",
          "verdict",
          "mode",
          "id",
          "mx_count",
          "failing_mx",
          "nearest_expiry_days",
          "error_count");

  public SummaryRow {
    failingMx = List.copyOf(failingMx);
  }

  public static SummaryRow of(DomainReport r) {
    List<String> failing =
        r.mx().stream()
            .filter(m -> m.verdict() == MxVerdict.REFUSE || m.verdict() == MxVerdict.REPORT)
            .map(MxReport::host)
            .toList();
    return new SummaryRow(
        r.domain(),
        r.verdict().word(),
        r.policy().flatMap(ParsedPolicy::policy).map(Policy::mode).map(m -> m.word()),
        r.discovery().policyId(),
        r.mx().size(),
        failing,
        nearestExpiryDays(r),
        (int) r.findings().stream().filter(Finding::isError).count());
  }

  /** The row of a domain whose check broke: only its name and {@link #FAILED}. */
  public static SummaryRow failed(String domain) {
    return new SummaryRow(
        domain, FAILED, Optional.empty(), Optional.empty(), 0, List.of(), OptionalLong.empty(), 0);
  }

  /** The columns in {@link #HEADER} order, empty strings for absent values. */
  public List<String> cells() {
    return List.of(
        domain,
        verdict,
        mode.orElse(""),
        id.orElse(""),
        Integer.toString(mxCount),
        String.join(" ", failingMx),
        nearestExpiryDays.isPresent() ? Long.toString(nearestExpiryDays.getAsLong()) : "",
        Integer.toString(errorCount));
  }

  private static OptionalLong nearestExpiryDays(DomainReport r) {
    Stream<Optional<ChainVerdict>> policyHost = Stream.of(r.fetch().flatMap(f -> f.certificate()));
    Stream<Optional<ChainVerdict>> mxHosts =
        r.mx().stream().flatMap(m -> m.endpoints().stream()).map(EndpointProbe::certificate);
    return Stream.concat(policyHost, mxHosts)
        .flatMap(Optional::stream)
        .map(ChainVerdict::leaf)
        .flatMap(Optional::stream)
        .map(CertificateSummary::notAfter)
        .mapToLong(notAfter -> days(r.startedAt(), notAfter))
        .reduce(Math::min);
  }

  /** Whole days, rounded down: a certificate that ends in 23 hours has 0 days left, -1 if past. */
  static long days(Instant from, Instant to) {
    return Math.floorDiv(Duration.between(from, to).getSeconds(), Duration.ofDays(1).getSeconds());
  }
}
