package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;

/** {@code check --history DOMAIN --compare [OLDER_ID NEWER_ID]}. */
class CheckCommandCompareTest {

  private static final String DOMAIN = "cmp.test";
  private static final String MX1 = "mx1.cmp.test";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("history.sqlite");
  }

  /** Checks and saves a world serving {@code mode} under TXT id {@code id}. */
  private void saved(String id, String mode) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, id, MX1);
      world.policyHost(DOMAIN, TestWorld.policy(mode, MX1));
      world.goodMx(0, MX1);
      List<String> args = new ArrayList<>(List.of("check", DOMAIN, "-q", "--save"));
      args.addAll(List.of("--history-file", file().toString()));
      args.addAll(world.checkArguments(Files.createDirectories(dir.resolve("ca"))));
      new CliRun().run(args.toArray(new String[0]));
    }
  }

  private CliRun compare(String... more) {
    List<String> args =
        new ArrayList<>(List.of("check", "--history", DOMAIN, "--history-file", file().toString()));
    args.addAll(List.of(more));
    CliRun cli = new CliRun();
    cli.exit = cli.run(args.toArray(new String[0]));
    return cli;
  }

  private List<Long> ids() throws Exception {
    List<Long> ids = new ArrayList<>();
    JSON.readTree(compare("--format", "json").out())
        .path("checks")
        .forEach(c -> ids.add(c.path("id").asLong()));
    return ids; // newest first
  }

  @Test
  void fewerThanTwoChecksIsAUsageError() throws Exception {
    CliRun none = compare("--compare");
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err()).contains("needs two stored checks of " + DOMAIN).contains("none is");
    saved("20260101", "testing");
    CliRun one = compare("--compare");
    assertThat(one.exit).isEqualTo(2);
    assertThat(one.err()).contains("only one is");
    assertThat(one.out()).isEmpty();
  }

  @Test
  void theLastTwoChecksAreComparedByDefaultAndIdsInEitherOrder() throws Exception {
    saved("20260101", "testing");
    saved("20260102", "enforce");
    saved("20260103", "enforce");
    List<Long> ids = ids();
    assertThat(ids).hasSize(3);

    CliRun last = compare("--compare");
    assertThat(last.exit).isZero();
    assertThat(last.out())
        .startsWith("Comparison of " + DOMAIN + ": check " + ids.get(1))
        .contains("- id: 20260102")
        .contains("+ id: 20260103")
        .contains("Policy (same)");

    // first and last, given newest first: the older is still on the left
    CliRun text = compare("--compare", ids.get(0).toString(), ids.get(2).toString());
    assertThat(text.exit).isZero();
    assertThat(text.out())
        .contains(": check " + ids.get(2) + " (")
        .contains("- mode: testing")
        .contains("+ mode: enforce")
        .contains("- domain: testing")
        .contains("+ domain: enforced");

    CliRun json =
        compare("--compare", ids.get(2).toString(), ids.get(0).toString(), "--format", "json");
    assertThat(json.exit).isZero();
    JsonNode d = JSON.readTree(json.out());
    assertThat(d.path("domain").asText()).isEqualTo(DOMAIN);
    assertThat(d.path("older").path("id").asLong()).isEqualTo(ids.get(2));
    assertThat(d.path("newer").path("id").asLong()).isEqualTo(ids.get(0));
    assertThat(d.path("txt").path("older_id").asText()).isEqualTo("20260101");
    assertThat(d.path("txt").path("newer_id").asText()).isEqualTo("20260103");
    assertThat(d.path("verdict").path("changed").asBoolean()).isTrue();
    assertThat(d.path("policy_lines"))
        .anySatisfy(
            l -> {
              assertThat(l.path("change").asText()).isEqualTo("added");
              assertThat(l.path("text").asText()).startsWith("mode: enforce");
            });
  }

  @Test
  void anUnknownIdOrOneIdIsAUsageError() throws Exception {
    saved("20260101", "testing");
    saved("20260102", "enforce");
    List<Long> ids = ids();
    CliRun unknown = compare("--compare", ids.get(0).toString(), "999");
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err()).contains("no stored check 999 of " + DOMAIN);
    assertThat(compare("--compare", ids.get(0).toString()).exit).isEqualTo(2);
    CliRun noHistory = new CliRun();
    assertThat(noHistory.run("check", DOMAIN, "--compare")).isEqualTo(2);
    assertThat(noHistory.err()).contains("give --history DOMAIN");
  }

  @Test
  void theTextListingNamesEachCheckByTheIdCompareTakes() throws Exception {
    saved("20260101", "testing");
    List<Long> ids = ids();
    String[] lines = compare().out().split("\n");
    assertThat(lines[1]).contains("check").contains("checked at");
    assertThat(lines[2].strip()).startsWith(ids.get(0) + "  ");
  }
}
