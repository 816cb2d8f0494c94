package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/** {@code check --trust-anchor FILE} and {@code --no-dane}. */
class DaneCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(List<String> args) {
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args.toArray(new String[0]));
  }

  private int check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", "-q", "--dns", "127.0.0.1:9"));
    args.addAll(List.of(more));
    return run(args);
  }

  @Test
  void aMissingTrustAnchorFileIsAUsageError() {
    assertThat(check("--trust-anchor", "/nonexistent/root.key", "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("--trust-anchor /nonexistent/root.key");
  }

  @Test
  void aFileWithoutDsOrDnskeyIsAUsageError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.zone"), "example.test. 60 IN A 192.0.2.1\n");
    assertThat(check("--trust-anchor", file.toString(), "example.test")).isEqualTo(2);
    assertThat(err.toString()).contains("--trust-anchor " + file).contains("no DS or DNSKEY");
  }

  @Test
  void theLabsAnchorMakesItsSignedTlsaSecureAndNoDaneLeavesDaneOut(@TempDir Path dir)
      throws Exception {
    try (LabWorld world =
        LabWorld.start(ScenarioCatalog.load().byId("dane-ee-valid").orElseThrow(), false)) {
      Path anchor = Files.writeString(dir.resolve("lab.ds"), world.trustAnchor().orElseThrow());
      List<String> args = new ArrayList<>(List.of("check", "-q", "--format", "json"));
      args.addAll(world.checkArguments(dir.resolve("ca.pem")));
      args.addAll(List.of("--trust-anchor", anchor.toString(), world.domain()));
      run(args);
      JsonNode dane = new ObjectMapper().readTree(out.toString()).findValue("mx").get(0);
      assertThat(dane.get("dane").get("dnssec").asText()).as(err.toString()).isEqualTo("secure");
      assertThat(dane.get("dane").get("verdict").asText()).isEqualTo("pass");

      out.getBuffer().setLength(0);
      List<String> without = new ArrayList<>(args);
      without.add(without.size() - 1, "--no-dane");
      run(without);
      JsonNode mx = new ObjectMapper().readTree(out.toString()).findValue("mx").get(0);
      assertThat(mx.has("dane")).isFalse();
    }
  }
}
