package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong arguments get a usage error that says what is wrong, never an internal error. */
class CliErrorsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** {@code check} with a dead loopback resolver, so nothing leaves the machine even if run. */
  private int check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", "-q", "--dns", "127.0.0.1:9"));
    args.addAll(List.of(more));
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args.toArray(new String[0]));
  }

  @Test
  void aTimeoutTooShortForAnyStepIsAUsageError() {
    for (String option : List.of("--timeout", "--smtp-timeout", "--dns-timeout")) {
      err.getBuffer().setLength(0);
      assertThat(check(option, "0.0001", "example.test")).as(option + ": " + err).isEqualTo(2);
      assertThat(err.toString())
          .contains(option + " must be from 0.1 to 3600 seconds, not 1.0E-4")
          .doesNotContain("internal error");
    }
  }

  @Test
  void zeroIsRefusedWithTheRangeThatIsAccepted() {
    assertThat(check("--timeout", "0", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("from 0.1 to 3600").doesNotContain("between 0 and");
  }

  @Test
  void aMissingTrustFileIsSaidInWords() {
    assertThat(check("--trust", "/nonexistent/x.pem", "example.test")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--trust /nonexistent/x.pem: no such file")
        .doesNotContain("x.pem: /nonexistent");
  }

  @Test
  void aDomainStartingWithAHyphenIsExplained() {
    assertThat(check("-lead.com")).isEqualTo(2);
    assertThat(err.toString())
        .contains("'-lead.com' starts with '-', so it was read as an option")
        .contains("a label starts with a hyphen")
        .doesNotContain("Missing required parameter");
  }

  @Test
  void anUnknownOptionStaysAnUnknownOption() {
    assertThat(check("--bogus", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }

  @Test
  void aPortMapEntryWithoutItsPortSaysTheExpectedForm() {
    assertThat(check("--port-map", "127.0.0.2:25", "example.test")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--port-map 127.0.0.2:25: expected IP:STANDARD_PORT=PORT")
        .doesNotContain("out of bounds");
  }

  @Test
  void portMapPortsMustBePorts() {
    assertThat(check("--port-map", "127.0.0.2:25=70000", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("port 70000 is not from 1 to 65535");

    err.getBuffer().setLength(0);
    assertThat(check("--port-map", "127.0.0.2:0=2525", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("port 0 is not from 1 to 65535");

    err.getBuffer().setLength(0);
    assertThat(check("--port-map", "127.0.0.2=2525", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("expected IP:STANDARD_PORT=PORT");

    err.getBuffer().setLength(0);
    assertThat(check("--port-map", "localhost:25=2525", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("expected IP:STANDARD_PORT=PORT");
  }
}
