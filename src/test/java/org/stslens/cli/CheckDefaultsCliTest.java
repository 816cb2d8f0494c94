package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.CheckOptions;

/** The command line's time limits default to the engine's, and its help says which they are. */
class CheckDefaultsCliTest {

  @Test
  void theHelpShowsTheEngineDefaults() {
    StringWriter out = new StringWriter();
    int code =
        StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter()))
            .execute("check", "--help");

    assertThat(code).isZero();
    String help = out.toString().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("policy fetch (default: " + seconds(CheckOptions.DEFAULT_FETCH_TIMEOUT) + ")")
        .contains("SMTP step (default: " + seconds(CheckOptions.DEFAULT_SMTP_STEP_TIMEOUT) + ")")
        .contains("DNS query (default: " + seconds(CheckOptions.DEFAULT_DNS_TIMEOUT) + ")")
        .contains("report (default: " + seconds(CheckOptions.DEFAULT_CHECK_TIMEOUT) + ")");
  }

  @Test
  void theDefaultProviderAnswersOnlyTheTimeLimits() {
    var spec =
        StsLensCommand.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .getSubcommands()
            .get("check")
            .getCommandSpec();
    var defaults = new CheckCommand.EngineDefaults();

    assertThat(defaults.defaultValue(spec.findOption("--timeout"))).isEqualTo("60");
    assertThat(defaults.defaultValue(spec.findOption("--check-timeout"))).isEqualTo("180");
    assertThat(defaults.defaultValue(spec.findOption("--format"))).isNull();
  }

  @Test
  void limitsAreWrittenAsTheShortestDecimalOfTheirSeconds() {
    for (long millis = 0; millis <= 4000; millis++) {
      Duration d = Duration.ofMillis(millis);
      assertThat(CheckCommand.EngineDefaults.seconds(d))
          .as("%d ms", millis)
          .isEqualTo(java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString());
    }
    assertThat(CheckCommand.EngineDefaults.seconds(Duration.ofMillis(500))).isEqualTo("0.5");
    assertThat(CheckCommand.EngineDefaults.seconds(Duration.ofMillis(1250))).isEqualTo("1.25");
    assertThat(CheckCommand.EngineDefaults.seconds(Duration.ofHours(1))).isEqualTo("3600");
  }

  private static String seconds(Duration d) {
    return Long.toString(d.toSeconds());
  }
}
