package org.stslens.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.history.HistoryException.Kind;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportCounter;
import org.stslens.engine.tlsrpt.reports.ReportImporter;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import org.stslens.engine.tlsrpt.reports.ReportWriter;
import org.stslens.engine.tlsrpt.reports.TlsReport;

/** The TLS-RPT reports of the history file (migration 4): round trip, dedupe, forget, migrate. */
class HistoryStoreReportsTest {

  private static final String SAMPLES = "/org/stslens/engine/tlsrpt/reports/";
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  @TempDir Path dir;

  private Path sample(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(SAMPLES + name)) {
      Files.createDirectories(dir.resolve("in"));
      return Files.write(dir.resolve("in").resolve(name), in.readAllBytes());
    }
  }

  /** Every variant the samples hold, including one whose domain comes from its file name. */
  private ImportResult samples() throws IOException {
    for (String name :
        List.of(
            "rfc-complete.json",
            "no-policy-found.json",
            "tlsa-string-array.json",
            "disagreeing-totals.json",
            "fetch-error-no-ip.json",
            "sender.example!example.com!1793577600!1793663999!abc.json")) {
      sample(name);
    }
    ImportResult read = ReportImporter.importAll(List.of(dir.resolve("in")));
    assertThat(read.skipped()).isEmpty();
    return read;
  }

  @Test
  void storedReportsReadBackAsTheyWereImportedAndCountTheSame() throws Exception {
    ImportResult read = samples();
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    assertThat(HistoryStore.open(file).saveReports(read.reports(), NOW))
        .isEqualTo(read.reports().size());

    // a new store on the same file: what a second start of the app sees
    ImportResult stored = HistoryStore.open(file).storedReports();
    assertThat(stored.skipped()).isEmpty();
    assertThat(stored.reports())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(read.reports());
    ReportSummary before = ReportCounter.count(read);
    ReportSummary after = ReportCounter.count(stored);
    assertThat(after).usingRecursiveComparison().isEqualTo(before);
    // the domain that only the file name gave is kept for the next reading
    assertThat(after.domains()).extracting(ReportSummary.Domain::domain).contains("example.com");
    assertThat(stored.reports())
        .filteredOn(r -> r.reportId().equals("quiet-1"))
        .singleElement()
        .satisfies(r -> assertThat(r.policies().get(0).domain()).isEqualTo("example.com"));
  }

  @Test
  void aReportSavedTwiceIsStoredOnce() throws Exception {
    ImportResult read = samples();
    HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
    int first = store.saveReports(read.reports(), NOW);
    assertThat(store.saveReports(read.reports(), NOW.plusSeconds(60))).isZero();
    // the same organisation and report-id in another file (another copy of the mail): ignored
    Path copy =
        ReportWriter.write(
            dir.resolve("copy"),
            "copy.json",
            ReportWriter.json(
                "Sender Two", "r-2", LocalDate.of(2026, 11, 1), "a.example", 1, List.of()));
    Path other =
        ReportWriter.write(
            dir.resolve("copy"),
            "other.json",
            ReportWriter.json(
                "Sender Two", "r-3", LocalDate.of(2026, 11, 1), "a.example", 1, List.of()));
    List<TlsReport> twoSenders = ReportImporter.importAll(List.of(copy, other)).reports();
    assertThat(store.saveReports(twoSenders.subList(0, 1), NOW)).isOne();
    assertThat(store.saveReports(twoSenders, NOW)).isOne();
    assertThat(store.storedReports().reports()).hasSize(first + 2);
  }

  @Test
  void reportsWithoutAReportIdAreKeptOncePerText() throws Exception {
    String a =
        ReportWriter.json("Sender", "", LocalDate.of(2026, 11, 1), "a.example", 1, List.of());
    String b =
        ReportWriter.json("Sender", "", LocalDate.of(2026, 11, 2), "a.example", 2, List.of());
    List<TlsReport> read =
        ReportImporter.importAll(
                List.of(
                    ReportWriter.write(dir, "a.json", a),
                    ReportWriter.write(dir, "b.json", b),
                    ReportWriter.write(dir.resolve("again"), "a.json", a)))
            .reports();
    HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
    assertThat(store.saveReports(read, NOW)).isEqualTo(2);
    assertThat(store.storedReports().reports())
        .extracting(r -> r.policies().get(0).successful())
        .containsExactly(1L, 2L);
  }

  @Test
  void reportsAreLoadedPerDomainAndForgotten() throws Exception {
    ImportResult read = samples();
    HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
    store.saveReports(read.reports(), NOW);
    ImportResult org = store.storedReports("example.org");
    assertThat(org.reports()).isNotEmpty();
    assertThat(org.reports())
        .allSatisfy(
            r ->
                assertThat(r.policies())
                    .anySatisfy(p -> assertThat(p.domain()).isEqualTo("example.org")));
    // a domain is matched whole, not as a part of another name
    assertThat(store.storedReports("example.or").reports()).isEmpty();
    assertThat(store.storedReports("ample.org").reports()).isEmpty();

    assertThat(store.forgetReports()).isEqualTo(read.reports().size());
    assertThat(HistoryStore.open(store.file()).storedReports().reports()).isEmpty();
  }

  @Test
  void aFileOfVersionThreeGainsTheReportsTableAndKeepsItsChecksAndWatchlist() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    // a version-3 file: the first three steps, as the previous release wrote them, with a check
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (List<String> step : Migrations.STEPS.subList(0, 3)) {
        for (String sql : step) {
          s.executeUpdate(sql);
        }
      }
      s.executeUpdate(
          "INSERT INTO checks (domain, checked_at, verdict, txt_found, dns_temporary,"
              + " policy_applies, policy_mx, mx_set, report_json)"
              + " VALUES ('a.example', 1000, 'PASS', 1, 0, 1, 'mx.a.example', 'mx.a.example', '{}')");
      s.executeUpdate("INSERT INTO watchlist (domain, added_at) VALUES ('a.example', 1000)");
      s.executeUpdate("PRAGMA user_version = 3");
    }
    HistoryStore store = HistoryStore.open(file);
    assertThat(store.schemaVersion()).isEqualTo(4);
    assertThat(store.latest("a.example")).isPresent();
    assertThat(store.watchlist()).containsExactly("a.example");
    assertThat(store.storedReports().reports()).isEmpty();
    ImportResult read = samples();
    assertThat(store.saveReports(read.reports(), NOW)).isEqualTo(read.reports().size());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT organization, report_id, policy_domains, start_at, imported_at"
                    + " FROM tlsrpt_reports WHERE report_id = 'quiet-1'")) {
      // the columns a consultant reads with a sqlite3 shell
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("Quiet Sender");
      assertThat(r.getString(3)).isEqualTo("example.com");
      assertThat(r.getLong(4)).isEqualTo(Instant.parse("2026-11-02T00:00:00Z").toEpochMilli());
      assertThat(r.getLong(5)).isEqualTo(NOW.toEpochMilli());
    }
  }

  @Test
  void aLockedFileSaysTheReportsWereNotStored() throws Exception {
    ImportResult read = samples();
    HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = other.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      assertThatThrownBy(() -> store.saveReports(read.reports(), NOW))
          .isInstanceOfSatisfying(
              HistoryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.LOCKED))
          .hasMessageContaining("is locked by another program")
          .hasMessageNotContaining("check");
      s.execute("ROLLBACK");
    }
    assertThat(store.storedReports().reports()).isEmpty();
  }
}
