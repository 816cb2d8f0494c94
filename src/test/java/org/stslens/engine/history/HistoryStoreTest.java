package org.stslens.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.history.HistoryException.Kind;
import org.stslens.engine.report.CheckOrigin;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.TryCommands;
import org.stslens.lab.LabReports;

class HistoryStoreTest {

  @TempDir Path dir;

  /** A real report of a loopback world (the checker stamps it as the real Internet's). */
  private static DomainReport report;

  @BeforeAll
  static void checkOnce() throws InterruptedException {
    report = LabReports.check("good-enforce");
  }

  private static Connection sqlite(Path file) throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Test
  void aNewFileIsMigratedFromEmptyAndKeepsTheFactsOfACheck() throws Exception {
    Path file = dir.resolve("sub/folder").resolve(HistoryStore.FILE_NAME);
    HistoryStore store = HistoryStore.open(file);
    assertThat(store.schemaVersion()).isEqualTo(Migrations.latest()).isEqualTo(4);
    long id = store.save(report);

    StoredCheck stored = store.latest(report.domain()).orElseThrow();
    assertThat(stored.id()).isEqualTo(id);
    CheckFacts fresh = CheckFacts.of(report);
    CheckFacts read = stored.facts();
    assertThat(read.checkedAt())
        .isEqualTo(fresh.checkedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("checkedAt", "certificates")
        .isEqualTo(fresh);
    assertThat(read.policyHash()).hasValueSatisfying(h -> assertThat(h).hasSize(64));
    assertThat(read.mxSet()).isNotEmpty();
    // the nearest certificate of the MX hosts and the policy host's are kept
    assertThat(read.certificates()).extracting(CertExpiry::policyHost).contains(true, false);
    assertThat(read.nearestExpiry()).isEqualTo(fresh.nearestExpiry());
    assertThat(store.reportJson(id).orElseThrow()).contains("\"domain\" : \"" + report.domain());
    // an indexed column any sqlite3 can query
    try (Connection c = sqlite(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT verdict, nearest_cert_expiry FROM checks")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("enforced");
      assertThat(r.getLong(2))
          .isEqualTo(fresh.nearestExpiry().orElseThrow().notAfter().toEpochMilli());
    }
  }

  @Test
  void checksAreListedNewestFirst() throws Exception {
    HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
    DomainReport later = LabReports.check("good-enforce");
    store.save(later);
    store.save(report);
    assertThat(store.checks(report.domain()))
        .extracting(c -> c.facts().checkedAt().toEpochMilli())
        .containsExactly(later.startedAt().toEpochMilli(), report.startedAt().toEpochMilli());
    assertThat(store.latest("other.example")).isEmpty();
  }

  @Test
  void aFileOfThePreviousVersionIsMigratedAndItsChecksKept() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    // schema version 1, written by hand as the first release wrote it
    try (Connection c = sqlite(file);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "CREATE TABLE checks (id INTEGER PRIMARY KEY, domain TEXT NOT NULL, checked_at INTEGER"
              + " NOT NULL, verdict TEXT NOT NULL, txt_found INTEGER NOT NULL, dns_temporary"
              + " INTEGER NOT NULL, txt_id TEXT, policy_applies INTEGER NOT NULL, policy_hash"
              + " TEXT, mode TEXT, max_age INTEGER, policy_mx TEXT NOT NULL, mx_set TEXT NOT NULL,"
              + " report_json TEXT NOT NULL)");
      s.executeUpdate(
          "INSERT INTO checks (domain, checked_at, verdict, txt_found, dns_temporary, txt_id,"
              + " policy_applies, policy_hash, mode, max_age, policy_mx, mx_set, report_json)"
              + " VALUES ('old.example', 1764547200000, 'testing', 1, 0, 'v1', 1, 'abc',"
              + " 'testing', 86400, 'mx1.old.example', 'mx1.old.example\nmx2.old.example', '{}')");
      s.executeUpdate("PRAGMA user_version = 1");
    }
    HistoryStore store = HistoryStore.open(file);
    assertThat(store.schemaVersion()).isEqualTo(4);
    CheckFacts old = store.latest("old.example").orElseThrow().facts();
    assertThat(old.verdict()).isEqualTo("testing");
    assertThat(old.txtId()).contains("v1");
    assertThat(old.mxSet()).containsExactly("mx1.old.example", "mx2.old.example");
    assertThat(old.maxAge()).contains(86400L);
    assertThat(old.certificates()).isEmpty();
    store.save(report); // the new columns are there
    assertThat(store.latest(report.domain()).orElseThrow().facts().certificates()).isNotEmpty();
  }

  @Test
  void aFileOfVersionTwoGainsAnEmptyWatchlistAndKeepsItsChecks() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    // a version-2 file: the first two steps, as the previous release wrote them
    try (Connection c = sqlite(file);
        Statement s = c.createStatement()) {
      for (List<String> step : Migrations.STEPS.subList(0, 2)) {
        for (String sql : step) {
          s.executeUpdate(sql);
        }
      }
      s.executeUpdate("PRAGMA user_version = 2");
    }
    HistoryStore.open(file).save(report);
    try (Connection c = sqlite(file);
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 2");
      s.executeUpdate("DROP TABLE watchlist");
      s.executeUpdate("DROP TABLE tlsrpt_reports"); // step 4, back to what version 2 had
    }
    HistoryStore store = HistoryStore.open(file);
    assertThat(store.schemaVersion()).isEqualTo(4);
    assertThat(store.watchlist()).isEmpty();
    assertThat(store.latest(report.domain())).isPresent();
    store.watch(List.of("b.example", "a.example"), java.time.Instant.ofEpochMilli(1000));
    store.watch(List.of("a.example", "c.example"), java.time.Instant.ofEpochMilli(2000));
    store.unwatch("b.example");
    // a new store on the same file sees the same list, in the order added
    assertThat(HistoryStore.open(file).watchlist()).containsExactly("a.example", "c.example");
  }

  @Test
  void aFileOfANewerVersionIsRefusedAndNeverWritten() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    try (Connection c = sqlite(file);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE future (x)");
      s.executeUpdate("PRAGMA user_version = 7");
    }
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> HistoryStore.open(file))
        .isInstanceOfSatisfying(
            HistoryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NEWER_SCHEMA))
        .hasMessageContaining("newer STS Lens")
        .hasMessageContaining("schema version 7");
    assertThat(Arrays.equals(Files.readAllBytes(file), before)).isTrue();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
        .containsExactly(HistoryStore.FILE_NAME);
  }

  @Test
  void aDamagedFileIsReportedAsDamaged() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    byte[] garbage = new byte[4096];
    Arrays.fill(garbage, (byte) 'x');
    Files.write(file, garbage);
    assertThatThrownBy(() -> HistoryStore.open(file))
        .isInstanceOfSatisfying(
            HistoryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DAMAGED))
        .hasMessageContaining("damaged");
  }

  @Test
  void aFileLockedByAnotherConnectionIsReportedAsLocked() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    HistoryStore store = HistoryStore.open(file);
    try (Connection other = sqlite(file);
        Statement s = other.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      assertThatThrownBy(() -> store.save(report))
          .isInstanceOfSatisfying(
              HistoryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.LOCKED))
          .hasMessageContaining("locked");
      assertThatThrownBy(() -> store.latest(report.domain()))
          .isInstanceOfSatisfying(
              HistoryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.LOCKED));
      s.execute("ROLLBACK");
    }
    store.save(report); // usable again once the other program lets go
    assertThat(store.checks(report.domain())).hasSize(1);
  }

  @Test
  void aLabReportIsNeverStored() throws Exception {
    HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
    DomainReport lab =
        report.withOrigin(CheckOrigin.lab("good-enforce", false, TryCommands.internet()));
    assertThatThrownBy(() -> store.save(lab)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.checks(report.domain())).isEmpty();
  }

  @Test
  void everyMigrationStepIsKept() {
    // a shipped step is never edited: the first is the table, the second the certificate columns
    assertThat(Migrations.STEPS.get(0).get(0)).contains("CREATE TABLE checks");
    assertThat(Migrations.STEPS.get(1)).anyMatch(sql -> sql.contains("nearest_cert_expiry"));
    assertThat(List.copyOf(Migrations.STEPS)).hasSize(Migrations.latest());
  }
}
