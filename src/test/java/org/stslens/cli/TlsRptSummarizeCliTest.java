package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stslens tlsrpt summarize}: the JSON contract of issue 16, formats and exit codes. */
class TlsRptSummarizeCliTest {

  private static final String SAMPLES = "/org/stslens/engine/tlsrpt/reports/";

  @TempDir Path dir;
  private final CliRun cli = new CliRun();

  private Path sample(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(SAMPLES + name)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  @Test
  void jsonContractAndExitZeroWhenEverythingWasRead() throws IOException {
    sample("rfc-complete.json");
    sample("no-policy-found.json");
    int code = cli.run("tlsrpt", "summarize", "--format", "json", dir.toString());
    assertThat(code).as(cli.err()).isEqualTo(0);
    JsonNode root = new ObjectMapper().readTree(cli.out());
    assertThat(root.get("reports").asInt()).isEqualTo(2);
    assertThat(root.get("skipped")).isEmpty();
    assertThat(root.get("notes").isArray()).isTrue();
    JsonNode com = root.get("domains").get(0);
    assertThat(com.get("domain").asText()).isEqualTo("example.com");
    assertThat(com.get("successful").asLong()).isEqualTo(100);
    assertThat(com.get("failed").asLong()).isEqualTo(7);
    assertThat(com.get("by_result_type").get("certificate-expired").asLong()).isEqualTo(5);
    assertThat(com.get("by_mx").get("mx2.example.com").asLong()).isEqualTo(2);
    assertThat(com.get("by_organization").get("Sender One").asLong()).isEqualTo(7);
    JsonNode day = com.get("days").get(0);
    assertThat(day.get("date").asText()).isEqualTo("2026-11-01");
    assertThat(day.get("successful").asLong()).isEqualTo(100);
    assertThat(day.get("failed").asLong()).isEqualTo(7);
    assertThat(root.get("domains").get(1).get("domain").asText()).isEqualTo("example.org");
  }

  @Test
  void exitOneAndTheReasonWhenAFileIsSkipped() throws IOException {
    Path good = sample("rfc-complete.json");
    Path bad = Files.writeString(dir.resolve("bad.json.gz"), "plain text");
    int code = cli.run("tlsrpt", "summarize", "--format", "json", good.toString(), bad.toString());
    assertThat(code).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(cli.out());
    assertThat(root.get("reports").asInt()).isEqualTo(1);
    assertThat(root.get("skipped").get(0).get("file").asText()).isEqualTo(bad.toString());
    assertThat(root.get("skipped").get(0).get("reason").asText()).startsWith("not gzip");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(cli.run("tlsrpt", "summarize")).isEqualTo(2);
    assertThat(cli.run("tlsrpt", "summarize", "--format", "pdf", dir.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("unknown format 'pdf' (text, json, md, html)");
  }

  @Test
  void aMissingFileOrFolderIsAUsageError() throws IOException {
    Path good = sample("rfc-complete.json");
    Path missing = dir.resolve("no-such-folder");
    assertThat(cli.run("tlsrpt", "summarize", good.toString(), missing.toString())).isEqualTo(2);
    assertThat(cli.err()).contains(missing + ": no such file or folder");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void textShowsControlsFromTheReportAsMarks() throws IOException {
    String report =
        new String(
                getClass().getResourceAsStream(SAMPLES + "rfc-complete.json").readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("Sender One", "Evil\\u001b[2J\\u202eSender");
    Files.writeString(dir.resolve("evil.json"), report);
    assertThat(cli.run("tlsrpt", "summarize", dir.toString())).isEqualTo(0);
    TerminalHygieneTest.assertNoRawControl(cli.out());
    assertThat(cli.out())
        .contains("example.com")
        .contains("sessions: 100 successful, 7 failed")
        .contains("certificate-expired: 5")
        .contains("Evil<ESC>[2J");
  }

  @Test
  void markdownAndHtmlToAFile() throws IOException {
    sample("rfc-complete.json");
    Path md = dir.resolve("out/summary.md");
    Files.createDirectories(md.getParent());
    assertThat(
            cli.run(
                "tlsrpt",
                "summarize",
                "--format",
                "md",
                "-o",
                md.toString(),
                dir.resolve("rfc-complete.json").toString()))
        .isEqualTo(0);
    assertThat(Files.readString(md))
        .contains("## example.com")
        .contains("| certificate-expired | 5 |");
    Path html = dir.resolve("out/summary.html");
    assertThat(
            cli.run(
                "tlsrpt",
                "summarize",
                "--format",
                "html",
                "-o",
                html.toString(),
                dir.resolve("rfc-complete.json").toString()))
        .isEqualTo(0);
    assertThat(Files.readString(html))
        .contains("<h2>example.com</h2>")
        .contains("<td>certificate-expired</td><td>5</td>");
  }
}
