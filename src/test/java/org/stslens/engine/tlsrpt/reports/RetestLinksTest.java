package org.stslens.engine.tlsrpt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.finding.Code;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/**
 * Report failures × today's findings, with real reports imported from files and real checks of lab
 * worlds on loopback.
 */
class RetestLinksTest {

  private static final String DOMAIN = "one-good-one-bad-mx.lab.example";
  private static final String MX1 = "mx1." + DOMAIN;
  private static final String MX2 = "mx2." + DOMAIN;

  private static DomainReport broken;
  private static DomainReport fixed;

  @BeforeAll
  static void checkTheLabWorld() throws InterruptedException {
    broken = LabReports.check("one-good-one-bad-mx");
    fixed = LabReports.check("one-good-one-bad-mx", true);
  }

  private static RetestLinks.Today today(DomainReport r) {
    return new RetestLinks.Today(r.domain(), r.startedAt(), r.findings(), r.mx());
  }

  private static LocalDate daysBefore(DomainReport report, int days) {
    return LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC).minusDays(days);
  }

  private static List<FailureRow> rows(Path dir, String domain, LocalDate day) throws IOException {
    ReportWriter.write(
        dir,
        "a.json",
        ReportWriter.json(
            "Sender One",
            "r-1",
            day,
            domain,
            90,
            List.of(
                new ReportWriter.Failure("certificate-expired", "mx2." + domain, 5),
                new ReportWriter.Failure("certificate-expired", "mx1." + domain, 1),
                new ReportWriter.Failure("starttls-not-supported", "mx9." + domain, 2),
                new ReportWriter.Failure("tlsa-invalid", "mx1." + domain, 1),
                new ReportWriter.Failure("sts-policy-fetch-error", "", 3),
                new ReportWriter.Failure("made-up-type", "mx1." + domain, 1))));
    // the same report mailed twice counts once
    ReportWriter.write(
        dir.resolve("copy"),
        "a.json",
        ReportWriter.json(
            "Sender One",
            "r-1",
            day,
            domain,
            90,
            List.of(new ReportWriter.Failure("certificate-expired", "mx2." + domain, 5))));
    return FailureRows.of(ReportImporter.importAll(List.of(dir)), domain);
  }

  private static RetestLink linkOf(List<RetestLink> links, String type, String mx) {
    return links.stream()
        .filter(l -> l.row().resultType().equals(type) && l.row().mx().equals(mx))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " on " + mx + " in " + links));
  }

  @Test
  void anExpiredCertificateStillPresentedIsStillSeenAtThatMxOnly(@TempDir Path dir)
      throws IOException {
    List<RetestLink> links =
        RetestLinks.link(rows(dir, DOMAIN, daysBefore(broken, 12)), today(broken));

    RetestLink mx2 = linkOf(links, "certificate-expired", MX2);
    assertThat(mx2.row().sessions()).as("the copy is not counted twice").isEqualTo(5);
    assertThat(mx2.outcome()).isEqualTo(RetestLink.Outcome.STILL_SEEN);
    assertThat(mx2.causes()).extracting(f -> f.code()).containsOnly(Code.TLS_CERT_EXPIRED);
    assertThat(mx2.words())
        .isEqualTo(
            "certificate-expired on "
                + MX2
                + ": still expired (tls.cert-expired), last reported 12 days ago");

    RetestLink mx1 = linkOf(links, "certificate-expired", MX1);
    assertThat(mx1.outcome()).isEqualTo(RetestLink.Outcome.NOT_SEEN);
    assertThat(mx1.words()).contains(MX1 + ": not seen today: fixed, or intermittent");
  }

  @Test
  void otherMxHostsTypesAndThePolicyAreToldApart(@TempDir Path dir) throws IOException {
    List<RetestLink> links =
        RetestLinks.link(rows(dir, DOMAIN, daysBefore(broken, 1)), today(broken));

    assertThat(linkOf(links, "starttls-not-supported", "mx9." + DOMAIN).outcome())
        .isEqualTo(RetestLink.Outcome.MX_GONE);
    // DANE was checked: this MX has no TLSA records, so no TLSA can be invalid today
    RetestLink dane = linkOf(links, "tlsa-invalid", MX1);
    assertThat(dane.outcome()).isEqualTo(RetestLink.Outcome.NOT_SEEN);
    assertThat(dane.words()).endsWith("last reported 1 day ago");
    assertThat(linkOf(links, "made-up-type", MX1).outcome())
        .isEqualTo(RetestLink.Outcome.CANNOT_TELL);
    // the policy was fetched today: a fetch error of the reports (no MX name: by IP) is not seen
    RetestLink fetch = linkOf(links, "sts-policy-fetch-error", "198.51.100.9");
    assertThat(fetch.outcome()).isEqualTo(RetestLink.Outcome.NOT_SEEN);
  }

  @Test
  void theFixedWorldNoLongerShowsTheExpiredCertificate(@TempDir Path dir) throws IOException {
    List<RetestLink> links =
        RetestLinks.link(rows(dir, DOMAIN, daysBefore(fixed, 0)), today(fixed));
    RetestLink mx2 = linkOf(links, "certificate-expired", MX2);
    assertThat(mx2.outcome()).isEqualTo(RetestLink.Outcome.NOT_SEEN);
    assertThat(mx2.words()).endsWith("not seen today: fixed, or intermittent, last reported today");
  }

  @Test
  void aPolicyThatCannotBeFetchedTodayLinksTheFetchError(@TempDir Path dir)
      throws IOException, InterruptedException {
    DomainReport notFound = LabReports.check("policy-not-found");
    List<RetestLink> links =
        RetestLinks.link(rows(dir, notFound.domain(), daysBefore(notFound, 3)), today(notFound));
    RetestLink fetch = linkOf(links, "sts-policy-fetch-error", "198.51.100.9");
    assertThat(fetch.outcome()).isEqualTo(RetestLink.Outcome.STILL_SEEN);
    assertThat(fetch.words())
        .isEqualTo(
            "sts-policy-fetch-error: the policy still cannot be fetched (fetch.http-status),"
                + " last reported 3 days ago");
  }

  @Test
  void aTlsaRecordLeftBehindByARolloverIsStillSeenInTheMxsDaneResult(@TempDir Path dir)
      throws Exception {
    DomainReport rolled = org.stslens.lab.LabReports.check("dane-rollover-mismatch");
    String domain = rolled.domain();
    String mx1 = "mx1." + domain;
    LocalDate day = daysBefore(rolled, 2);
    ReportWriter.write(
        dir,
        "r.json",
        ReportWriter.json(
            "Sender One",
            "r-9",
            day,
            domain,
            10,
            List.of(new ReportWriter.Failure("tlsa-invalid", mx1, 4))));
    List<RetestLink> links =
        RetestLinks.link(
            FailureRows.of(ReportImporter.importAll(List.of(dir)), domain), today(rolled));
    RetestLink link = linkOf(links, "tlsa-invalid", mx1);
    assertThat(link.outcome()).isEqualTo(RetestLink.Outcome.STILL_SEEN);
    assertThat(link.causes()).extracting(f -> f.code()).contains(Code.DANE_TLSA_MISMATCH);
    assertThat(link.words()).contains("dane.tlsa-mismatch");
  }
}
