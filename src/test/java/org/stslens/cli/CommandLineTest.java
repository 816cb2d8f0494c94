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

class CommandLineTest {

  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void withoutArgumentsPrintsHelpAndSucceeds() {
    assertThat(run()).isZero();
    assertThat(cli.out()).contains("Usage: stslens").contains("check").contains("policy");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("check", "--bogus", "example.com")).isEqualTo(2);
    assertThat(cli.err()).contains("--bogus");
  }

  @Test
  void notADomainIsAUsageError() {
    assertThat(run("check", "not a domain")).isEqualTo(2);
    assertThat(cli.err()).contains("not a domain name");
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertThat(run("txt", "lint", "--format", "yaml", "v=STSv1; id=1")).isEqualTo(2);
  }

  @Test
  void validTxtRecordExitsZero() {
    assertThat(run("txt", "lint", "v=STSv1; id=20261128T1200")).isZero();
    assertThat(cli.out()).contains("Valid").contains("id=20261128T1200");
  }

  @Test
  void invalidTxtRecordExitsOneWithTheCode() {
    assertThat(run("txt", "lint", "v=STSv1; id=2026-11-28")).isEqualTo(1);
    assertThat(cli.out()).contains("txt.invalid-id");
  }

  @Test
  void tlsRptRecordIsRecognisedAndJudged() throws Exception {
    assertThat(run("txt", "lint", "--format", "json", "v=TLSRPTv1; rua=http://example.com/r"))
        .isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("findings").toString()).contains("tlsrpt.");
  }

  @Test
  void policyLintReportsLineAndColumnAndMxCoverage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(
        file, "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n");
    int code = run("policy", "lint", file.toString(), "--mx", "mail.example.com,a.b.example.com");
    assertThat(code).isEqualTo(1);
    assertThat(cli.out())
        .contains("mail.example.com: covered by *.example.com")
        .contains("a.b.example.com: NOT covered")
        .contains("mx.wildcard-depth");
  }

  @Test
  void policyLintJsonCarriesPositions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.txt");
    Files.writeString(file, "version: STSv1\nMode: enforce\nmx: a.example.com\nmax_age: 1\n");
    assertThat(run("policy", "lint", "--format", "json", file.toString())).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(cli.out());
    JsonNode typo = null;
    for (JsonNode f : json.get("findings")) {
      if (f.get("code").asText().equals("policy.likely-typo")) {
        typo = f;
      }
    }
    assertThat(typo).isNotNull();
    assertThat(typo.get("line").asInt()).isEqualTo(2);
    assertThat(typo.get("column").asInt()).isEqualTo(1);
    assertThat(json.get("quick_fixes").toString()).contains("line 2: Change `Mode` to `mode`");
  }

  @Test
  void policyLintOffersTheEditorsQuickFixes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.txt");
    Files.writeString(
        file, "version: STSv1\nmode: enforce\nmx: a.example.com, b.example.com\nmax_age: 7d\n");
    assertThat(run("policy", "lint", file.toString())).isEqualTo(1);
    assertThat(cli.out())
        .contains("Quick fixes")
        .contains("line 3: Split into 2 `mx:` lines")
        .contains("line 4: Write `max_age: 604800`")
        .doesNotContain("Use one week");
  }

  @Test
  void missingPolicyFileIsAUsageError() {
    assertThat(run("policy", "lint", "/nonexistent/mta-sts.txt")).isEqualTo(2);
  }

  @Test
  void checkAgainstLoopbackWorldPrintsWalkthroughAndJson(@TempDir Path dir) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("cli.test", "20261128", "mx1.cli.test");
      world.policyHost("cli.test", TestWorld.policy("enforce", "mx1.cli.test"));
      world.goodMx(0, "mx1.cli.test");
      List<String> args = new ArrayList<>(List.of("check", "cli.test", "-q"));
      args.addAll(world.checkArguments(dir));

      assertThat(run(args.toArray(new String[0]))).as(cli.err()).isZero();
      assertThat(cli.out())
          .contains("Verdict: ENFORCED")
          .contains("1 · Discovery (DNS)")
          .contains("_mta-sts.cli.test")
          .contains("S: 220")
          .contains("C: STARTTLS");

      cli.clearOut();
      args.addAll(List.of("--format", "json"));
      assertThat(run(args.toArray(new String[0]))).isZero();
      JsonNode json = new ObjectMapper().readTree(cli.out());
      assertThat(json.get("verdict").asText()).isEqualTo("enforced");
      assertThat(json.get("mx").get(0).get("host").asText()).isEqualTo("mx1.cli.test");
    }
  }

  @Test
  void checkWithoutTheLabCaReportsUntrustedCertificatesAndExitsOne() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("untrusted.test", "1", "mx1.untrusted.test");
      world.policyHost("untrusted.test", TestWorld.policy("enforce", "mx1.untrusted.test"));
      world.goodMx(0, "mx1.untrusted.test");
      List<String> args =
          new ArrayList<>(List.of("check", "untrusted.test", "-q", "--format", "json"));
      args.addAll(world.checkArgumentsWithoutCa());
      assertThat(run(args.toArray(new String[0]))).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(cli.out());
      assertThat(json.get("verdict").asText()).isEqualTo("no-policy");
      assertThat(json.get("findings").toString())
          .contains("fetch.cert-untrusted")
          .contains("tls.cert-untrusted");
    }
  }

  /** {@code stslens check --format json} of a lab scenario's world; returns the exit code. */
  private int checkLab(String id, boolean fixed, Path dir) throws Exception {
    try (org.stslens.lab.LabWorld world =
        org.stslens.lab.LabWorld.start(
            org.stslens.lab.ScenarioCatalog.load().byId(id).orElseThrow(), fixed)) {
      List<String> args =
          new ArrayList<>(List.of("check", world.domain(), "-q", "--format", "json"));
      args.addAll(world.checkArguments(dir.resolve(id + ".pem")));
      return run(args.toArray(new String[0]));
    }
  }

  @Test
  void nullMxIsNoMailAndNotAFailureOfTheCheck(@TempDir Path dir) throws Exception {
    assertThat(checkLab("null-mx-enforce", false, dir)).as(cli.err()).isZero();

    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.get("verdict").asText()).isEqualTo("no-mail");
    assertThat(json.get("mx")).isEmpty();
  }

  @Test
  void hostBeyondTheProbeLimitIsNotProbedInTheJson(@TempDir Path dir) throws Exception {
    assertThat(checkLab("many-mx-last-not-covered", true, dir)).as(cli.err()).isZero();

    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.get("verdict").asText()).isEqualTo("enforced");
    JsonNode last = json.get("mx").get(16);
    assertThat(last.get("host").asText()).startsWith("mx17.");
    assertThat(last.get("verdict").asText()).isEqualTo("not-probed");
    assertThat(last.get("probed").asBoolean()).isFalse();
    assertThat(json.get("mx").get(0).get("probed").asBoolean()).isTrue();
  }

  @Test
  void portMapRefusesNonLoopbackAddresses() {
    assertThat(run("check", "example.com", "--port-map", "192.0.2.1:25=2525")).isEqualTo(2);
    assertThat(cli.err()).contains("loopback");
  }
}
