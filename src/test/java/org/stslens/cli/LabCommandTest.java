package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LabCommandTest {

  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void labListPrintsOneLinePerScenario() {
    assertThat(run("lab", "list")).isZero();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(30);
    assertThat(lines.get(0)).startsWith("good-enforce").contains("two healthy MX");
  }

  @Test
  void labListAsJson() throws Exception {
    assertThat(run("lab", "list", "--format", "json")).isZero();
    JsonNode list = new ObjectMapper().readTree(cli.out());
    assertThat(list.size()).isGreaterThanOrEqualTo(30);
    assertThat(list.get(0).get("id").asText()).isEqualTo("good-enforce");
    assertThat(list.get(0).get("verdict").asText()).isEqualTo("enforced");
  }

  @Test
  void unknownScenarioIsAUsageError() {
    assertThat(run("lab", "serve", "no-such-scenario", "--for-seconds", "1")).isEqualTo(2);
    assertThat(cli.err()).contains("unknown scenario");
  }

  @Test
  void labServeForOneSecondPrintsHowToReachTheWorld() {
    assertThat(run("lab", "serve", "policy-redirect", "--for-seconds", "1")).isZero();
    assertThat(cli.out())
        .contains("Domain:    policy-redirect.lab.example")
        .contains("stslens check policy-redirect.lab.example --dns 127.0.0.1:")
        .contains("--port-map 127.0.0.")
        .contains("dig @127.0.0.1 -p ")
        .contains("curl -v --max-redirs 0 --cacert ")
        .contains("--connect-to mta-sts.policy-redirect.lab.example:443:127.0.0.1:")
        .contains("openssl s_client -starttls smtp -connect 127.0.0.2:");
  }

  @Test
  void theCheckCommandPrintedByServeReachesTheScenario() throws Exception {
    StringWriter served = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    StsLensCommand.commandLine(
                            new PrintWriter(served, true),
                            new PrintWriter(new StringWriter(), true))
                        .execute("lab", "serve", "one-good-one-bad-mx", "--for-seconds", "20")));
    serving.start();
    String command = null;
    for (int i = 0; i < 200 && command == null; i++) {
      command =
          served
              .toString()
              .lines()
              .filter(l -> l.startsWith("  stslens check "))
              .findFirst()
              .orElse(null);
      Thread.sleep(50);
    }
    assertThat(command).as(served.toString()).isNotNull();
    List<String> args = new ArrayList<>(List.of(command.trim().split(" ")));
    args.remove(0);
    args.add("--format");
    args.add("json");
    args.add("--quiet");
    assertThat(run(args.toArray(new String[0]))).as(cli.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(cli.out());
    JsonNode first = report.isArray() ? report.get(0) : report;
    if (first.has("domains")) {
      first = first.get("domains").get(0);
    }
    assertThat(first.toString()).contains("enforced-with-failures").contains("tls.cert-expired");
    serving.interrupt();
    serving.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }
}
