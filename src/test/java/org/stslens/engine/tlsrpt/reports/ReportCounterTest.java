package org.stslens.engine.tlsrpt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting rules of the README, on the samples. */
class ReportCounterTest {

  @TempDir Path dir;

  private ReportSummary countAll(String... names) throws IOException {
    for (int i = 0; i < names.length; i++) {
      // a copy in its own folder, so that the same sample can be given twice
      Samples.write(dir, i + "/" + names[i], Samples.bytes(names[i]));
    }
    return ReportCounter.count(ReportImporter.importAll(List.of(dir)));
  }

  private static ReportSummary.Domain domain(ReportSummary summary, String name) {
    return summary.domains().stream()
        .filter(d -> d.domain().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void totalsFromSummariesBreakdownsFromDetailsPerDomain() throws IOException {
    ReportSummary summary = countAll(Samples.NAMES);
    assertThat(summary.reports()).isEqualTo(6);
    assertThat(summary.domains())
        .extracting(ReportSummary.Domain::domain)
        .containsExactly("example.com", "example.net", "example.org");
    ReportSummary.Domain com = domain(summary, "example.com");
    // rfc-complete 100/7, fetch-error 0/3, file-name domain 9/1, disagreeing 20/10
    assertThat(com.successful()).isEqualTo(129);
    assertThat(com.failed()).isEqualTo(21);
    assertThat(com.byResultType())
        .containsExactly(
            Map.entry("certificate-expired", 12L),
            Map.entry("sts-policy-fetch-error", 3L),
            Map.entry("starttls-not-supported", 2L),
            Map.entry("validation-failure", 1L));
    assertThat(com.byMx())
        .containsExactly(
            Map.entry("mx1.example.com", 12L),
            Map.entry("(not given)", 3L),
            Map.entry("mx2.example.com", 3L));
    assertThat(com.byOrganization())
        .containsExactly(
            Map.entry("Sender One", 7L),
            Map.entry("Sloppy Sender", 7L),
            Map.entry("Other Corp", 3L),
            Map.entry("Quiet Sender", 1L));
    assertThat(com.days())
        .containsExactly(
            new ReportSummary.Day(LocalDate.parse("2026-11-01"), 120, 17),
            new ReportSummary.Day(LocalDate.parse("2026-11-02"), 9, 1),
            new ReportSummary.Day(LocalDate.parse("2026-11-03"), 0, 3));
    ReportSummary.Domain org = domain(summary, "example.org");
    assertThat(org.successful()).isEqualTo(40);
    assertThat(org.byResultType()).isEmpty();
  }

  @Test
  void summaryThatDisagreesWithItsDetailsIsKeptAndNoted() throws IOException {
    ReportSummary summary = countAll("disagreeing-totals.json");
    ReportSummary.Domain com = domain(summary, "example.com");
    assertThat(com.failed()).isEqualTo(10);
    assertThat(com.byResultType()).containsExactly(Map.entry("certificate-expired", 7L));
    assertThat(summary.notes())
        .anySatisfy(
            n ->
                assertThat(n).contains("says 10 failed sessions, its failure-details add up to 7"));
  }

  @Test
  void aReportSeenTwiceCountsOnce() throws IOException {
    ReportSummary summary = countAll("rfc-complete.json", "rfc-complete.json");
    assertThat(summary.reports()).isEqualTo(1);
    ReportSummary.Domain com = domain(summary, "example.com");
    assertThat(com.successful()).isEqualTo(100);
    assertThat(com.failed()).isEqualTo(7);
    assertThat(com.byOrganization()).containsExactly(Map.entry("Sender One", 7L));
    assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("counted once"));
  }

  @Test
  void reportsWithoutAnIdAreNeverMerged() throws IOException {
    // tlsa-string-array has an empty report-id: two copies cannot be told apart, so both count
    ReportSummary summary = countAll("tlsa-string-array.json", "tlsa-string-array.json");
    assertThat(summary.reports()).isEqualTo(2);
    assertThat(domain(summary, "example.net").failed()).isEqualTo(8);
  }
}
