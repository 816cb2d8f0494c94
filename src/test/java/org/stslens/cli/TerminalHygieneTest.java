package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.lab.LabWorld;
import org.stslens.lab.Scenario;
import org.stslens.lab.ScenarioCatalog;

/** Server text reaches the terminal with every control shown as a mark, never raw. */
class TerminalHygieneTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private static Scenario scenario(String id) {
    return ScenarioCatalog.load().byId(id).orElseThrow();
  }

  /** {@code stslens check} of a lab scenario's world in a format; returns the exit code. */
  private int checkLab(String id, String format, Path dir) throws Exception {
    try (LabWorld world = LabWorld.start(scenario(id), false)) {
      List<String> args = new ArrayList<>(List.of("check", world.domain(), "--format", format));
      args.addAll(world.checkArguments(dir.resolve(id + ".pem")));
      return run(args.toArray(new String[0]));
    }
  }

  /**
   * Fails on any byte a terminal acts on: C0 but the line feed, DEL, C1 (UTF-8 C2 80..9F), the
   * bidirectional embeddings, overrides and isolates (E2 80 AA..AE, E2 81 A6..A9) and marks (E2 80
   * 8E/8F, D8 9C).
   */
  static void assertNoRawControl(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      int x = b[i] & 0xff;
      int next = i + 1 < b.length ? b[i + 1] & 0xff : -1;
      int third = i + 2 < b.length ? b[i + 2] & 0xff : -1;
      assertThat(x < 0x20 && x != 0x0a).as("C0 control 0x%02X at %d", x, i).isFalse();
      assertThat(x == 0x7f).as("DEL at %d", i).isFalse();
      assertThat(x == 0xc2 && next >= 0x80 && next <= 0x9f).as("C1 control at %d", i).isFalse();
      assertThat(x == 0xe2 && next == 0x80 && (third >= 0xaa && third <= 0xae))
          .as("bidi embedding/override at %d", i)
          .isFalse();
      assertThat(x == 0xe2 && next == 0x81 && (third >= 0xa6 && third <= 0xa9))
          .as("bidi isolate at %d", i)
          .isFalse();
      assertThat(x == 0xe2 && next == 0x80 && (third == 0x8e || third == 0x8f))
          .as("bidi mark at %d", i)
          .isFalse();
      assertThat(x == 0xd8 && next == 0x9c).as("Arabic letter mark at %d", i).isFalse();
    }
  }

  @Test
  void escapesInHeadersAndContentTypeAreMarksInTheTextReport(@TempDir Path dir) throws Exception {
    assertThat(checkLab("policy-headers-escapes", "text", dir)).as(err.toString()).isZero();

    assertNoRawControl(out.toString());
    assertNoRawControl(err.toString());
    assertThat(out.toString())
        .contains("X-Note: <ESC>[31mred<ESC>[0m")
        .contains("<ESC>]0;pwned\\x07")
        .contains("Verdict: ENFORCED");
  }

  @Test
  void escapesInTheReasonPhraseAreMarksInTheTextReport(@TempDir Path dir) throws Exception {
    assertThat(checkLab("policy-reason-escapes", "text", dir)).as(err.toString()).isZero();

    assertNoRawControl(out.toString());
    assertThat(out.toString()).contains("200 OK <ESC>]0;pwned\\x07<ESC>[1A<ESC>[2K");
  }

  @Test
  void escapesAreMarksInTheMarkdownReport(@TempDir Path dir) throws Exception {
    assertThat(checkLab("policy-headers-escapes", "md", dir)).as(err.toString()).isZero();
    assertNoRawControl(out.toString());
    assertThat(out.toString()).contains("<ESC>[31mred");

    out.getBuffer().setLength(0);
    assertThat(checkLab("policy-reason-escapes", "md", dir)).as(err.toString()).isZero();
    assertNoRawControl(out.toString());
  }

  @Test
  void escapesAreMarksInTheHtmlReport(@TempDir Path dir) throws Exception {
    assertThat(checkLab("policy-headers-escapes", "html", dir)).as(err.toString()).isZero();

    assertNoRawControl(out.toString());
    assertThat(out.toString()).contains("&lt;ESC&gt;[31mred");
  }

  @Test
  void jsonKeepsTheRawValueEscaped(@TempDir Path dir) throws Exception {
    assertThat(checkLab("policy-headers-escapes", "json", dir)).as(err.toString()).isZero();

    assertNoRawControl(out.toString());
    // The server sent the value in UTF-8; HTTP header bytes are read as ISO-8859-1.
    String sent = scenario("policy-headers-escapes").policyHost().headers().get("X-Note");
    String asRead = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.findValuesAsText("value")).contains(asRead);
  }

  @Test
  void jsonKeepsTheRawReasonPhrase(@TempDir Path dir) throws Exception {
    assertThat(checkLab("policy-reason-escapes", "json", dir)).as(err.toString()).isZero();

    assertNoRawControl(out.toString());
    String sent = scenario("policy-reason-escapes").policyHost().reason();
    String asRead = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.findValuesAsText("status_line")).contains("HTTP/1.1 200 " + asRead);
  }

  @Test
  void policyLintShowsControlsOfTheFileAsMarks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(
        file,
        "version: STSv1\nmode = enforce\u001b]0;pwned\u0007\u202e\nmx: mail.example.com\n"
            + "max_age: 604800\n",
        StandardCharsets.UTF_8);
    run("policy", "lint", file.toString(), "--mx", "mail.example.com");

    assertNoRawControl(out.toString());
    assertNoRawControl(err.toString());
    // The line is quoted with its controls visible; no rewrite is offered, because the value is
    // not a mode (a quick fix never turns an ignored line into an invalid field).
    assertThat(out.toString())
        .contains("pwned")
        .contains("line 2: Remove line 2")
        .doesNotContain("Rewrite as `mode:");
  }

  @Test
  void aDomainArgumentIsEchoedWithMarks() {
    assertThat(run("check", "exa\u001b[2Jmple\u202e.com")).isEqualTo(2);

    assertNoRawControl(err.toString());
    assertThat(err.toString()).contains("exa<ESC>[2Jmple<U+202E>.com");
  }
}
