package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.check.TestWorld;

/** {@code stslens check --check-timeout}: a stalling MX ends at the check's limit, reported. */
class CheckTimeLimitCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stallingMxEndsAtTheCheckTimeoutWithAReport() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.stallingMx(0); // accepts and never says a word
      world.standardDns("slow.test", "1", "mx1.slow.test");
      world.policyHost("slow.test", TestWorld.policy("enforce", "mx1.slow.test"));
      List<String> args = new ArrayList<>(List.of("check", "slow.test", "-q", "--format", "json"));
      args.addAll(world.checkArgumentsWithoutCa());
      args.addAll(List.of("--smtp-timeout", "60", "--check-timeout", "2"));

      long start = System.nanoTime();
      int exit =
          StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
              .execute(args.toArray(String[]::new));
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(millis).isLessThan(2_000 + 2_000);
      assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.ERROR_FINDING);
      JsonNode json = new ObjectMapper().readTree(out.toString());
      assertThat(json.get("verdict").asText()).isEqualTo("temporarily-unknown");
      assertThat(json.toString()).contains("check.time-limit").contains("mx mx1.slow.test");
    }
  }

  @Test
  void checkTimeoutMustBePositive() {
    int exit =
        StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("check", "example.com", "--check-timeout", "0");
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--check-timeout");
  }
}
