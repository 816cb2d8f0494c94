package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;

/** {@code check --from FILE --save}: each domain of the batch stored, with what changed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckFromSaveCliTest {

  private static final String DOMAIN = "batch.test";
  private static final String MX1 = "mx1.batch.test";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("data/history.sqlite");
  }

  /**
   * Runs {@code --from} over batch.test (serving {@code mode} under TXT id {@code id}) and
   * none.test (no records), as ndjson.
   */
  private CliRun batch(String id, String mode, String... more) throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), DOMAIN + "\nnone.test\n");
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, id, MX1);
      world.policyHost(DOMAIN, TestWorld.policy(mode, MX1));
      world.goodMx(0, MX1);
      List<String> args =
          new ArrayList<>(
              List.of("check", "--from", list.toString(), "--format", "ndjson", "--parallel", "2"));
      args.addAll(world.checkArguments(Files.createDirectories(dir.resolve("ca"))));
      args.addAll(List.of(more));
      CliRun cli = new CliRun();
      cli.exit = cli.run(args.toArray(new String[0]));
      return cli;
    }
  }

  private static Map<String, JsonNode> lines(CliRun run) throws Exception {
    Map<String, JsonNode> byDomain = new HashMap<>();
    for (String line : run.out().split("\n")) {
      JsonNode report = JSON.readTree(line);
      byDomain.put(report.path("domain").asText(), report);
    }
    return byDomain;
  }

  private long rows() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM checks")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void eachDomainIsSavedAndASecondRunShowsWhatChanged() throws Exception {
    String[] save = {"--save", "--history-file", file().toString()};
    CliRun first = batch("20260101", "testing", save);
    assertThat(first.err()).isEmpty();
    assertThat(rows()).isEqualTo(2);
    Map<String, JsonNode> before = lines(first);
    assertThat(before.get(DOMAIN).path("changes").path("previous_check").isNull()).isTrue();
    assertThat(before.get("none.test").has("changes")).isTrue();

    // the policy edited to enforce, the TXT id forgotten
    CliRun second = batch("20260101", "enforce", save);
    assertThat(rows()).isEqualTo(4);
    Map<String, JsonNode> after = lines(second);
    assertThat(after.get(DOMAIN).path("changes").path("codes"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("life.id-not-bumped", "life.mode-raised");
    assertThat(after.get("none.test").path("changes").path("previous_check").isTextual()).isTrue();
    assertThat(second.exit).as("life.id-not-bumped is an error").isEqualTo(ExitCodes.ERROR_FINDING);
  }

  @Test
  void aDamagedStoreIsToldOnceAndTheBatchStillRuns() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "this is not a database".repeat(200));

    CliRun run = batch("20260101", "enforce", "--save", "--history-file", file().toString());

    Map<String, JsonNode> out = lines(run);
    assertThat(out).containsOnlyKeys(DOMAIN, "none.test");
    assertThat(out.get(DOMAIN).has("changes")).isFalse();
    assertThat(run.err().split("damaged", -1)).as("told once").hasSize(2);
    assertThat(run.err()).contains("2 checks in all were not saved");
    assertThat(run.exit).as("the checks' own exit code").isEqualTo(ExitCodes.ERROR_FINDING);
  }

  @Test
  void withoutSaveTheBatchStoresNothing() throws Exception {
    batch("20260101", "enforce", "--history-file", file().toString());
    assertThat(file()).doesNotExist();
  }
}
