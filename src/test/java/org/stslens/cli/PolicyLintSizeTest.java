package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy lint} applies the fetch's 64 KiB rule and never parses a cut text. */
class PolicyLintSizeTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private static String head(StringWriter w) {
    String s = w.toString();
    return s.length() > 400 ? s.substring(0, 400) + " …" : s;
  }

  /** A valid policy of at least {@code size} bytes: one mx line per host, all well-formed. */
  private static String bigValidPolicy(int size) {
    StringBuilder s = new StringBuilder("version: STSv1\r\nmode: enforce\r\nmax_age: 604800\r\n");
    for (int i = 0; s.length() < size; i++) {
      s.append(String.format("mx: mx%07d.example.com\r\n", i));
    }
    return s.toString();
  }

  @Test
  void aValidPolicyOf95KbIsRefusedAsSendersRefuseIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(file, bigValidPolicy(95_000), StandardCharsets.US_ASCII);

    int code = run("policy", "lint", file.toString());

    assertThat(code).as(head(out)).isEqualTo(1);
    assertThat(out.toString())
        .contains("Not a valid policy")
        .contains("fetch.too-large")
        .contains(Files.size(file) + " bytes")
        .contains("refuse")
        .doesNotContain("Valid policy");
  }

  @Test
  void aTenMegabyteFileIsNotParsedAndGivesNoPhantomFinding(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.txt");
    try (OutputStream o = Files.newOutputStream(file)) {
      o.write("version: STSv1\r\nmode: enforce\r\nmax_age: 604800\r\n".getBytes());
      byte[] line = "x-padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".getBytes();
      for (int written = 0; written < 10_000_000; written += line.length) {
        o.write(line);
      }
    }

    int code = run("policy", "lint", "--format", "json", file.toString());

    assertThat(code).as(head(out)).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("findings")).as("only the size, no finding of a cut line").hasSize(1);
    assertThat(json.get("findings").get(0).get("code").asText()).isEqualTo("fetch.too-large");
    assertThat(json.get("findings").get(0).get("severity").asText()).isEqualTo("error");
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.path("parsed").asBoolean(true)).isFalse();
    assertThat(json.path("bytes").asLong()).isEqualTo(Files.size(file));
  }

  @Test
  void standardInputIsReadOnlyUpToTheLimit() {
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(bigValidPolicy(200_000).getBytes(StandardCharsets.US_ASCII)));
      assertThat(run("policy", "lint", "-")).isEqualTo(1);
    } finally {
      System.setIn(stdin);
    }
    assertThat(out.toString())
        .contains("larger than the 65536 bytes senders read")
        .contains("Not parsed")
        .contains("fetch.too-large");
  }

  @Test
  void aPolicyOfExactly64KibIsStillParsed(@TempDir Path dir) throws Exception {
    String policy = bigValidPolicy(60_000);
    StringBuilder exact = new StringBuilder(policy);
    String filler = "x-pad: " + "a".repeat(64) + "\r\n";
    while (exact.length() + filler.length() <= 65_536) {
      exact.append(filler);
    }
    int rest = 65_536 - exact.length();
    exact.append("x: ").append("b".repeat(rest - 5)).append("\r\n");
    assertThat(exact.length()).isEqualTo(65_536);
    Path file = dir.resolve("edge.txt");
    Files.writeString(file, exact, StandardCharsets.US_ASCII);

    assertThat(run("policy", "lint", file.toString())).as(head(out)).isZero();
    assertThat(out.toString()).contains("Valid policy").doesNotContain("fetch.too-large");
  }
}
