package org.stslens.engine.tlsrpt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of every container and every real-world variant of the issue, and every bad file kind. */
class ReportImporterTest {

  @TempDir Path dir;

  private ImportResult importOne(String name, byte[] content) throws IOException {
    return ReportImporter.importAll(List.of(Samples.write(dir, name, content)));
  }

  private TlsReport onlyReport(ImportResult result) {
    assertThat(result.skipped()).isEmpty();
    assertThat(result.reports()).hasSize(1);
    return result.reports().get(0);
  }

  @Test
  void readsEveryFieldOfTheRfc() throws IOException {
    TlsReport report =
        onlyReport(importOne("rfc-complete.json", Samples.bytes("rfc-complete.json")));
    assertThat(report.organization()).isEqualTo("Sender One");
    assertThat(report.contactInfo()).isEqualTo("tlsrpt@sender-one.example");
    assertThat(report.reportId()).isEqualTo("2026-11-01T00:00:00Z_example.com");
    assertThat(report.start()).contains(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(report.notes()).isEmpty();
    PolicyResult policy = report.policies().get(0);
    assertThat(policy.domain()).isEqualTo("example.com");
    assertThat(policy.policyType()).isEqualTo("sts");
    assertThat(policy.policyStrings()).hasSize(5).contains("mode: enforce");
    assertThat(policy.mxHosts()).containsExactly("mx1.example.com", "mx2.example.com");
    assertThat(policy.successful()).isEqualTo(100);
    assertThat(policy.failed()).isEqualTo(7);
    assertThat(policy.failures())
        .containsExactly(
            new FailureDetail(
                "certificate-expired",
                "192.0.2.1",
                "mx1.example.com",
                "mx1.example.com",
                "198.51.100.1",
                5,
                "X509_V_ERR_CERT_HAS_EXPIRED"),
            new FailureDetail(
                "starttls-not-supported",
                "192.0.2.1",
                "mx2.example.com",
                "",
                "198.51.100.2",
                2,
                ""));
  }

  @Test
  void noPolicyFoundWithoutPolicyStringOrFailureDetailsIsAReport() throws IOException {
    TlsReport report =
        onlyReport(importOne("no-policy-found.json", Samples.bytes("no-policy-found.json")));
    PolicyResult policy = report.policies().get(0);
    assertThat(policy.policyType()).isEqualTo("no-policy-found");
    assertThat(policy.policyStrings()).isEmpty();
    assertThat(policy.failures()).isEmpty();
    assertThat(policy.successful()).isEqualTo(40);
    assertThat(report.contactInfo()).isEmpty();
  }

  @Test
  void fetchErrorWithoutAddressesNullContactZonelessDatesAndOneMxString() throws IOException {
    TlsReport report =
        onlyReport(importOne("fetch-error-no-ip.json", Samples.bytes("fetch-error-no-ip.json")));
    assertThat(report.contactInfo()).isEmpty();
    assertThat(report.start()).contains(Instant.parse("2026-11-03T00:00:00Z"));
    assertThat(report.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("start-datetime 2026-11-03T00:00:00 has no time zone; read as UTC"))
        .anySatisfy(n -> assertThat(n).contains("mx-host was one string"));
    PolicyResult policy = report.policies().get(0);
    assertThat(policy.mxHosts()).containsExactly("*.example.com");
    FailureDetail failure = policy.failures().get(0);
    assertThat(failure.resultType()).isEqualTo("sts-policy-fetch-error");
    assertThat(failure.sendingMtaIp()).isEmpty();
    assertThat(failure.receiver()).isEmpty();
    assertThat(failure.failedSessions()).isEqualTo(3);
  }

  @Test
  void tlsaPolicyStringHoldingAJsonArrayIsUnpackedAndEmptyStringsAreAbsent() throws IOException {
    TlsReport report =
        onlyReport(importOne("tlsa-string-array.json", Samples.bytes("tlsa-string-array.json")));
    PolicyResult policy = report.policies().get(0);
    assertThat(policy.policyStrings()).containsExactly("3 1 1 0123abcd", "3 1 1 4567ef01");
    assertThat(policy.mxHosts()).isEmpty();
    assertThat(policy.successful()).isEqualTo(12);
    assertThat(report.start()).contains(Instant.parse("2026-11-02T23:00:00Z"));
    FailureDetail failure = policy.failures().get(0);
    assertThat(failure.receiver()).isEqualTo("203.0.113.9");
    assertThat(failure.reasonCode())
        .isEqualTo("the TLSA records did not match the certificate chain (depth 0)");
    assertThat(report.notes())
        .anySatisfy(n -> assertThat(n).contains("one string holding a JSON array"))
        .anySatisfy(n -> assertThat(n).contains("written as a string (\"12\")"));
  }

  @Test
  void domainWithoutPolicyDomainComesFromTheFileName() throws IOException {
    String name = "sender.example!example.com!1793577600!1793663999!abc.json";
    TlsReport report = onlyReport(importOne(name + ".gz", Samples.gzip(Samples.bytes(name))));
    assertThat(report.policies().get(0).domain()).isEqualTo("example.com");
    assertThat(report.notes())
        .anySatisfy(n -> assertThat(n).contains("taken from the mail or file name"));
  }

  @Test
  void domainWithoutPolicyDomainComesFromTheMailHeader() throws IOException {
    byte[] report = Samples.bytes("sender.example!example.com!1793577600!1793663999!abc.json");
    byte[] mail = Samples.mail("mail.example", "report.json.gz", report, true);
    TlsReport read = onlyReport(importOne("report.eml", mail));
    assertThat(read.policies().get(0).domain()).isEqualTo("mail.example");
    assertThat(read.source()).endsWith("report.eml!report.json.gz");
  }

  @Test
  void mailWithAPlainBase64Attachment() throws IOException {
    byte[] mail = Samples.mail("example.com", "r.json", Samples.bytes("rfc-complete.json"), false);
    TlsReport read = onlyReport(importOne("plain.eml", mail));
    assertThat(read.organization()).isEqualTo("Sender One");
    assertThat(read.policies().get(0).failed()).isEqualTo(7);
  }

  @Test
  void mboxOfSeveralMails() throws IOException {
    byte[] one = Samples.mail("example.com", "a.json.gz", Samples.bytes("rfc-complete.json"), true);
    byte[] two =
        Samples.mail("example.org", "b.json", Samples.bytes("no-policy-found.json"), false);
    String mbox =
        "From tlsrpt@sender.example Sun Nov  1 00:00:00 2026\n"
            + new String(one, StandardCharsets.US_ASCII)
            + "\nFrom tlsrpt@big.example Mon Nov  2 00:00:00 2026\n"
            + new String(two, StandardCharsets.US_ASCII);
    ImportResult result = importOne("inbox.mbox", mbox.getBytes(StandardCharsets.US_ASCII));
    assertThat(result.skipped()).isEmpty();
    assertThat(result.reports())
        .extracting(TlsReport::organization)
        .containsExactly("Sender One", "Big Mail");
  }

  @Test
  void zipAndFoldersRecursively() throws IOException {
    byte[] zip =
        Samples.zip(
            new String[] {"a/rfc-complete.json", "b.json.gz"},
            new byte[][] {
              Samples.bytes("rfc-complete.json"),
              Samples.gzip(Samples.bytes("no-policy-found.json"))
            });
    Samples.write(dir, "deep/er/reports.zip", zip);
    Samples.write(dir, "deep/tlsa.json", Samples.bytes("tlsa-string-array.json"));
    ImportResult result = ReportImporter.importAll(List.of(dir));
    assertThat(result.skipped()).isEmpty();
    assertThat(result.reports())
        .extracting(TlsReport::organization)
        .containsExactlyInAnyOrder("Sender One", "Big Mail", "Dane Sender");
  }

  @Test
  void everyBadFileIsSkippedWithItsReasonAndTheRestIsImported() throws IOException {
    Samples.write(dir, "good.json", Samples.bytes("rfc-complete.json"));
    Samples.write(dir, "not-gzip.json.gz", Samples.bytes("rfc-complete.json"));
    String full = Samples.text("no-policy-found.json");
    Samples.write(
        dir,
        "truncated.json",
        full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8));
    Samples.write(dir, "other.json", "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
    Samples.write(dir, "bomb.json.gz", Samples.gzipBomb(64L << 20));
    Samples.write(dir, "bomb.zip", Samples.zipBomb(64L << 20));
    Samples.write(
        dir,
        "truncated.json.gz",
        java.util.Arrays.copyOf(Samples.gzip(Samples.bytes("rfc-complete.json")), 60));
    Samples.write(dir, "notes.txt", "just some notes\n".getBytes(StandardCharsets.UTF_8));
    Samples.write(
        dir,
        "no-attachment.eml",
        "From: a@b.example\r\nSubject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));

    ImportResult result = ReportImporter.importAll(List.of(dir, dir.resolve("missing.json")));

    assertThat(result.reports()).extracting(TlsReport::organization).containsExactly("Sender One");
    assertThat(result.skipped())
        .extracting(
            s -> Path.of(s.file()).getFileName().toString().replaceAll("!.*", ""),
            ImportResult.Skipped::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "bomb.json.gz", "too large after decompression: more than 20 MiB; refused"),
            org.assertj.core.groups.Tuple.tuple(
                "bomb.zip", "too large after decompression: more than 20 MiB; refused"),
            org.assertj.core.groups.Tuple.tuple("missing.json", "no such file"),
            org.assertj.core.groups.Tuple.tuple(
                "no-attachment.eml",
                "not a TLS-RPT report: the mail has no report attachment"
                    + " (application/tlsrpt+gzip or application/tlsrpt+json)"),
            org.assertj.core.groups.Tuple.tuple(
                "not-gzip.json.gz",
                "not gzip: the name ends in .gz but the content is not gzip data"),
            org.assertj.core.groups.Tuple.tuple(
                "notes.txt", "not a TLS-RPT report: neither JSON, gzip, zip nor a mail"),
            org.assertj.core.groups.Tuple.tuple(
                "other.json", "not a TLS-RPT report: no \"policies\" list (RFC 8460 §4.3)"),
            org.assertj.core.groups.Tuple.tuple(
                "truncated.json", "truncated JSON: the text ends inside a value"),
            org.assertj.core.groups.Tuple.tuple(
                "truncated.json.gz", "truncated gzip: the compressed data ends early"));
  }

  @Test
  void aDeviceIsRefusedWithoutBeingRead() {
    ImportResult result = ReportImporter.importAll(List.of(Path.of("/dev/null")));
    assertThat(result.skipped()).hasSize(1);
    assertThat(result.skipped().get(0).reason()).contains("not a regular file");
  }

  @Test
  void countsOutsideTheRangeOfASessionCountAreZeroWithANote() throws IOException {
    String json =
        Samples.text("no-policy-found.json")
            .replace(
                "\"total-successful-session-count\": 40",
                "\"total-successful-session-count\": 100000000000000000000")
            .replace("\"total-failure-session-count\": 0", "\"total-failure-session-count\": -3");
    TlsReport report = onlyReport(importOne("huge.json", json.getBytes(StandardCharsets.UTF_8)));
    assertThat(report.policies().get(0).successful()).isZero();
    assertThat(report.policies().get(0).failed()).isZero();
    assertThat(report.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains(
                        "total-successful-session-count 100000000000000000000 is not a session count"))
        .anySatisfy(
            n -> assertThat(n).contains("total-failure-session-count -3 is not a session count"));
  }

  @Test
  void anInterruptedImportStopsBetweenFilesAndProgressIsTold() throws IOException {
    Path folder = Samples.write(dir, "f/a.json", Samples.bytes("rfc-complete.json")).getParent();
    Samples.write(folder, "b.json", Samples.bytes("no-policy-found.json"));
    List<String> heard = new java.util.ArrayList<>();
    ReportImporter.importAll(List.of(folder), (done, total, next) -> heard.add(done + "/" + total));
    assertThat(heard).containsExactly("0/2", "1/2", "2/2");

    Thread.currentThread().interrupt();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ReportImporter.importAll(List.of(folder)))
          .isInstanceOf(java.util.concurrent.CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
