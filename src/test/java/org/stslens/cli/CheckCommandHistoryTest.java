package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;

/** {@code check --save}, {@code check --history DOMAIN} and {@code --history-file}. */
class CheckCommandHistoryTest {

  private static final String DOMAIN = "hist.test";
  private static final String MX1 = "mx1.hist.test";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("data/history.sqlite");
  }

  /** Checks a world serving {@code mode} under TXT id {@code id}, with {@code more} options. */
  private CliRun checkWorld(String id, String mode, String... more) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, id, MX1);
      world.policyHost(DOMAIN, TestWorld.policy(mode, MX1));
      world.goodMx(0, MX1);
      List<String> args = new ArrayList<>(List.of("check", DOMAIN, "-q"));
      args.addAll(world.checkArguments(Files.createDirectories(dir.resolve("ca"))));
      args.addAll(List.of(more));
      CliRun cli = new CliRun();
      cli.exit = cli.run(args.toArray(new String[0]));
      return cli;
    }
  }

  @Test
  void aSecondSavedCheckShowsWhatChanged() throws Exception {
    String[] save = {"--save", "--history-file", file().toString(), "--format", "json"};
    CliRun first = checkWorld("20260101", "testing", save);
    assertThat(first.exit).isZero();
    JsonNode firstReport = JSON.readTree(first.out());
    assertThat(firstReport.path("changes").path("previous_check").isNull()).isTrue();
    assertThat(firstReport.path("changes").path("codes")).isEmpty();

    // the policy edited to enforce, the TXT id forgotten
    CliRun second = checkWorld("20260101", "enforce", save);
    JsonNode report = JSON.readTree(second.out());
    // stored to the millisecond
    assertThat(java.time.Instant.parse(report.path("changes").path("previous_check").asText()))
        .isEqualTo(
            java.time.Instant.parse(firstReport.path("started_at").asText())
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(report.path("changes").path("codes"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("life.id-not-bumped", "life.mode-raised");
    assertThat(report.path("findings"))
        .extracting(f -> f.path("code").asText())
        .contains("life.id-not-bumped");
    assertThat(second.exit).as("life.id-not-bumped is an error").isEqualTo(1);

    CliRun text = checkWorld("20260102", "enforce", "--save", "--history-file", file().toString());
    assertThat(text.out())
        .contains("What changed since the last check")
        .contains("life.id-bumped-same-policy");
  }

  @Test
  void theHistoryListsTheStoredChecksNewestFirst() throws Exception {
    checkWorld("20260101", "testing", "--save", "--history-file", file().toString());
    checkWorld("20260102", "enforce", "--save", "--history-file", file().toString());

    CliRun text = new CliRun();
    assertThat(text.run("check", "--history", "HIST.test", "--history-file", file().toString()))
        .isZero();
    assertThat(text.out()).contains("History of hist.test: 2 checks");
    String[] lines = text.out().split("\n");
    assertThat(lines[2])
        .contains("enforced")
        .contains("20260102")
        .contains("enforce")
        .contains(MX1);
    assertThat(lines[3]).contains("testing").contains("20260101");

    CliRun json = new CliRun();
    json.run("check", "--history", DOMAIN, "--history-file", file().toString(), "--format", "json");
    JsonNode checks = JSON.readTree(json.out()).path("checks");
    assertThat(checks)
        .extracting(c -> c.path("txt_id").asText())
        .containsExactly("20260102", "20260101");
    assertThat(checks.get(0).path("mode").asText()).isEqualTo("enforce");
    assertThat(checks.get(0).path("mx")).extracting(JsonNode::asText).containsExactly(MX1);
    assertThat(checks.get(0).path("policy_sha256").asText()).hasSize(64);
  }

  @Test
  void withoutSaveNothingIsStoredOrCompared() throws Exception {
    CliRun run =
        checkWorld("20260101", "enforce", "--history-file", file().toString(), "--format", "json");
    assertThat(JSON.readTree(run.out()).has("changes")).isFalse();
    assertThat(file()).doesNotExist();
  }

  @Test
  void aDamagedHistoryIsSaidAndTheCheckStillRuns() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "this is not a database".repeat(200));
    CliRun run =
        checkWorld(
            "20260101",
            "enforce",
            "--save",
            "--history-file",
            file().toString(),
            "--format",
            "json");
    assertThat(run.exit).isZero();
    assertThat(run.err()).contains("not saved: hist.test").contains("damaged");
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.path("verdict").asText()).isEqualTo("enforced");
    assertThat(report.has("changes")).isFalse();
  }

  @Test
  void aHistoryOfANewerVersionIsRefusedUntouched() throws Exception {
    Files.createDirectories(file().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 9");
    }
    byte[] before = Files.readAllBytes(file());
    CliRun run = new CliRun();
    assertThat(run.run("check", "--history", DOMAIN, "--history-file", file().toString()))
        .isEqualTo(3);
    assertThat(run.err()).contains("newer STS Lens");
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void historyTakesNoDomainToCheckAndOnlyTextOrJson() {
    CliRun both = new CliRun();
    assertThat(both.run("check", "a.example", "--history", DOMAIN)).isEqualTo(2);
    assertThat(both.err()).contains("--history lists stored checks");
    CliRun md = new CliRun();
    assertThat(md.run("check", "--history", DOMAIN, "--format", "md")).isEqualTo(2);
    assertThat(md.err()).contains("text or json");
    CliRun none = new CliRun();
    assertThat(none.run("check")).isEqualTo(2);
    assertThat(none.err()).contains("--history DOMAIN");
  }
}
