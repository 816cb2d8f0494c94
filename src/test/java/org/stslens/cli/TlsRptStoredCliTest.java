package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stslens tlsrpt summarize --save} and {@code --stored}: the reports of the history file.
 */
class TlsRptStoredCliTest {

  private static final String SAMPLES = "/org/stslens/engine/tlsrpt/reports/";

  @TempDir Path dir;

  private Path sample(String name) throws IOException {
    Files.createDirectories(dir.resolve("in"));
    try (InputStream in = getClass().getResourceAsStream(SAMPLES + name)) {
      return Files.write(dir.resolve("in").resolve(name), in.readAllBytes());
    }
  }

  private Path history() {
    return dir.resolve("data/history.sqlite");
  }

  /** {@code summarize --format json --save} of one report; exit code 0 whether stored or not. */
  private CliRun savedAsJson(Path report) {
    CliRun save = new CliRun();
    assertThat(
            save.run(
                "tlsrpt",
                "summarize",
                "--format",
                "json",
                "--save",
                "--history-file",
                history().toString(),
                report.toString()))
        .as(save.err())
        .isZero();
    return save;
  }

  @Test
  void whatSaveStoredIsSummarizedByStoredWithTheSameCounts() throws IOException {
    sample("rfc-complete.json");
    sample("no-policy-found.json");
    sample("sender.example!example.com!1793577600!1793663999!abc.json");
    CliRun first = new CliRun();
    String in = dir.resolve("in").toString();
    String file = history().toString();
    assertThat(
            first.run(
                "tlsrpt", "summarize", "--format", "json", "--save", "--history-file", file, in))
        .as(first.err())
        .isZero();
    assertThat(first.err()).isEmpty();
    // saved twice: still three reports in the store
    assertThat(new CliRun().run("tlsrpt", "summarize", "--save", "--history-file", file, in))
        .isZero();

    CliRun stored = new CliRun();
    assertThat(
            stored.run(
                "tlsrpt", "summarize", "--stored", "--format", "json", "--history-file", file))
        .as(stored.err())
        .isZero();
    JsonNode before = new ObjectMapper().readTree(first.out());
    JsonNode after = new ObjectMapper().readTree(stored.out());
    assertThat(after.get("reports").asInt()).isEqualTo(3);
    assertThat(after).isEqualTo(before);
  }

  @Test
  void storedTogetherWithFilesCountsAReportInBothOnce() throws IOException {
    Path report = sample("rfc-complete.json");
    String file = history().toString();
    assertThat(
            new CliRun()
                .run("tlsrpt", "summarize", "--save", "--history-file", file, report.toString()))
        .isZero();
    CliRun both = new CliRun();
    assertThat(
            both.run(
                "tlsrpt",
                "summarize",
                "--stored",
                "--format",
                "json",
                "--history-file",
                file,
                report.toString()))
        .isZero();
    JsonNode root = new ObjectMapper().readTree(both.out());
    assertThat(root.get("reports").asInt()).isEqualTo(1);
    assertThat(root.get("domains").get(0).get("successful").asLong()).isEqualTo(100);
  }

  @Test
  void anEmptyStoreSummarizesNothing() throws IOException {
    CliRun cli = new CliRun();
    assertThat(
            cli.run(
                "tlsrpt",
                "summarize",
                "--stored",
                "--format",
                "json",
                "--history-file",
                history().toString()))
        .isZero();
    assertThat(new ObjectMapper().readTree(cli.out()).get("reports").asInt()).isZero();
  }

  @Test
  void aStoreOfANewerVersionIsNamedAndTheFilesAreStillSummarized() throws Exception {
    Files.createDirectories(history().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history());
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 99");
    }
    Path report = sample("rfc-complete.json");
    CliRun save = savedAsJson(report);
    assertThat(save.err())
        .contains("stslens: the reports were not stored: ")
        .contains("newer STS Lens")
        .contains("schema version 99");
    assertThat(new ObjectMapper().readTree(save.out()).get("reports").asInt()).isEqualTo(1);

    CliRun stored = new CliRun();
    assertThat(
            stored.run("tlsrpt", "summarize", "--stored", "--history-file", history().toString()))
        .isEqualTo(ExitCodes.INTERNAL);
    assertThat(stored.err()).contains("newer STS Lens");
    assertThat(stored.out()).isEmpty();
  }

  @Test
  void neitherFilesNorStoredIsAUsageError() {
    CliRun cli = new CliRun();
    assertThat(cli.run("tlsrpt", "summarize", "--save")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("give the report files or folders to read, or --stored");
  }

  @Test
  void aLockedHistoryFileIsSaidOnceAndTheSummaryIsStillGiven() throws Exception {
    Path report = sample("rfc-complete.json");
    String file = history().toString();
    assertThat(new CliRun().run("tlsrpt", "summarize", "--stored", "--history-file", file))
        .isZero(); // creates the store
    try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE");
      CliRun save = savedAsJson(report);
      assertThat(save.err())
          .startsWith("stslens: the reports were not stored: the history file")
          .contains("is locked by another program")
          .doesNotContain("check");
      assertThat(save.err().split("not stored", -1)).hasSize(2);
      assertThat(new ObjectMapper().readTree(save.out()).get("reports").asInt()).isEqualTo(1);
      lock.execute("ROLLBACK");
    }
  }
}
