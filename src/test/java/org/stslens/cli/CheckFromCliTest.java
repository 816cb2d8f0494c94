package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;
import org.stslens.lab.LabHttpsServer;

/**
 * {@code stslens check --from FILE}: several loopback domains behind one DNS server, checked in a
 * batch and written as ndjson, csv or text as each finishes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckFromCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestWorld world;
  @TempDir static Path dir;

  private final CliRun cli = new CliRun();

  /**
   * good.test (enforce, good MX), testing.test (testing, its MX shows another name's certificate),
   * slow.test (its MX never speaks), none.test (no records at all).
   */
  @BeforeAll
  static void startWorld() throws Exception {
    world = new TestWorld();
    world.standardDns("good.test", "20260101", "mx1.good.test");
    world.policyHost("good.test", TestWorld.policy("enforce", "mx1.good.test"));
    world.goodMx(0, "mx1.good.test");

    world.dns.txt("_mta-sts.testing.test", "v=STSv1; id=2");
    world.dns.a("mta-sts.testing.test", "127.0.0.20");
    world.dns.mx("testing.test", 10, "mx.testing.test");
    world.dns.a("mx.testing.test", TestWorld.mxAddress(0));
    world.add(
        LabHttpsServer.builder(world.ca.issue("mta-sts.testing.test"))
            .bind(java.net.InetAddress.getByName("127.0.0.20"))
            .route("/.well-known/mta-sts.txt", TestWorld.policy("testing", "mx.testing.test"))
            .start());

    world.dns.txt("_mta-sts.slow.test", "v=STSv1; id=3");
    world.dns.a("mta-sts.slow.test", TestWorld.POLICY_ADDRESS);
    world.dns.mx("slow.test", 10, "mx.slow.test");
    world.dns.a("mx.slow.test", TestWorld.mxAddress(1));
    world.stallingMx(1);
  }

  @AfterAll
  static void stopWorld() {
    world.close();
  }

  private int check(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(Arrays.asList(args));
    all.addAll(world.checkArguments(dir));
    // long enough for a loaded machine to finish the quick domains, short for slow.test
    all.addAll(List.of("--check-timeout", "6"));
    return cli.run(all.toArray(String[]::new));
  }

  private static Path list(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** domain → verdict of each ndjson line, in output order; each line must be one JSON report. */
  private Map<String, String> verdicts() throws Exception {
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String line : cli.out().split("\n")) {
      JsonNode report = JSON.readTree(line);
      assertThat(report.get("schema_version").asInt()).isEqualTo(1);
      assertThat(report.has("stages")).isTrue();
      verdicts.put(report.get("domain").asText(), report.get("verdict").asText());
    }
    return verdicts;
  }

  @Test
  void ndjsonWritesOneReportPerLineAndSkipsCommentsAndBadLines() throws Exception {
    Path file =
        list(
            "list.txt",
            "# customers\n\ngood.test\nnot a domain\ntesting.test  # trial\nnone.test\n");

    int exit = check("--from", file.toString(), "--format", "ndjson");

    assertThat(verdicts())
        .containsOnly(
            Map.entry("good.test", "enforced"),
            Map.entry("testing.test", "testing"),
            Map.entry("none.test", "no-policy"));
    assertThat(cli.out()).doesNotContain("\n\n").endsWith("}\n");
    assertThat(cli.err()).contains(file + ":4: not a domain name, skipped: 'not a domain'");
    assertThat(exit).as("a skipped line is the worst outcome here").isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void ndjsonLineIsTheJsonReportOnOneLine() throws Exception {
    assertThat(check("good.test", "--format", "json", "-q")).isZero();
    JsonNode json = JSON.readTree(cli.out());
    cli.clearOut();

    assertThat(check("good.test", "--format", "ndjson")).isZero();

    assertThat(cli.out().lines()).hasSize(1);
    JsonNode line = JSON.readTree(cli.out());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    List<String> lineFields = new ArrayList<>();
    line.fieldNames().forEachRemaining(lineFields::add);
    assertThat(lineFields).isEqualTo(fields);
    assertThat(line.get("policy")).isEqualTo(json.get("policy"));
    assertThat(line.get("mx").get(0).get("verdict"))
        .isEqualTo(json.get("mx").get(0).get("verdict"));
  }

  @Test
  void csvHasAHeaderAndOneRowPerDomain() throws Exception {
    Path file = list("csv.txt", "good.test\ntesting.test\nnone.test\n");

    int exit = check("--from", file.toString(), "--format", "csv", "--parallel", "2");

    List<String> rows = List.of(cli.out().split("\r\n"));
    assertThat(rows.get(0))
        .isEqualTo("domain,verdict,mode,id,mx_count,failing_mx,nearest_expiry_days,error_count");
    assertThat(rows).hasSize(4);
    assertThat(rows)
        .anySatisfy(
            r -> assertThat(r).matches("good\\.test,enforced,enforce,20260101,1,,(89|90),0"));
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .matches(
                        "testing\\.test,testing,testing,2,1,mx\\.testing\\.test,(89|90),[1-9]\\d*"));
    assertThat(rows).anySatisfy(r -> assertThat(r).matches("none\\.test,no-policy,,,0,,,[0-9]+"));
    assertThat(cli.out()).endsWith("\r\n");
    assertThat(exit).isEqualTo(ExitCodes.ERROR_FINDING);
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void aSlowDomainComesLastWithoutHoldingUpTheOthers() throws Exception {
    Path file = list("slow.txt", "slow.test\ngood.test\ntesting.test\nnone.test\n");

    check("--from", file.toString(), "--format", "ndjson", "--parallel", "2");

    Map<String, String> verdicts = verdicts();
    assertThat(verdicts.keySet())
        .containsExactlyInAnyOrder("slow.test", "good.test", "testing.test", "none.test");
    assertThat(List.copyOf(verdicts.keySet()).get(3)).isEqualTo("slow.test");
    assertThat(verdicts.get("slow.test")).isEqualTo("temporarily-unknown");
  }

  @Test
  void dashReadsTheListFromStandardInput() throws Exception {
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              "good.test\n# done\nnone.test\n".getBytes(StandardCharsets.UTF_8)));
      check("--from", "-", "--format", "ndjson");
    } finally {
      System.setIn(stdin);
    }

    assertThat(verdicts())
        .containsOnly(Map.entry("good.test", "enforced"), Map.entry("none.test", "no-policy"));
  }

  @Test
  void aLineThatIsNotUtf8IsSkippedNotFatal() throws Exception {
    Path file = dir.resolve("latin1.txt");
    Files.write(
        file, "caf\u00e9.test\ngood.test\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    int exit = check("--from", file.toString(), "--format", "ndjson");

    assertThat(verdicts()).containsOnly(Map.entry("good.test", "enforced"));
    assertThat(cli.err()).contains(file + ":1: not a domain name");
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
  }

  /** Remembers what had been written at each flush. */
  private static final class FlushRecorder extends java.io.Writer {
    final StringBuilder written = new StringBuilder();
    final List<String> atFlush = new ArrayList<>();

    @Override
    public void write(char[] buffer, int off, int len) {
      written.append(buffer, off, len);
    }

    @Override
    public void flush() {
      atFlush.add(written.toString());
    }

    @Override
    public void close() {}
  }

  @Test
  void eachRecordIsFlushedWholeAsItIsWritten() throws Exception {
    Path file = list("flush.txt", "good.test\nnone.test\ntesting.test\n");
    FlushRecorder out = new FlushRecorder();
    List<String> args =
        new ArrayList<>(List.of("check", "--from", file.toString(), "--format", "csv"));
    args.addAll(world.checkArguments(dir));

    StsLensCommand.commandLine(
            new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()))
        .execute(args.toArray(String[]::new));

    // header, then each row: every record reached the output before the next was written
    List<Integer> records =
        out.atFlush.stream().map(t -> t.split("\r\n", -1).length - 1).distinct().toList();
    assertThat(records).containsSubsequence(1, 2, 3, 4);
    assertThat(out.atFlush).allMatch(t -> t.isEmpty() || t.endsWith("\r\n"));
  }

  @Test
  void textWritesOneBlockPerDomain() throws Exception {
    Path file = list("text.txt", "good.test\nnone.test\n");

    check("--from", file.toString());

    assertThat(cli.out()).contains("good.test").contains("none.test");
    assertThat(cli.err()).as("no per-stage progress lines in a batch").isEmpty();
  }

  @Test
  void outputFileGetsTheStream() throws Exception {
    Path file = list("o.txt", "good.test\n");
    Path out = dir.resolve("out.csv");

    assertThat(check("--from", file.toString(), "--format", "csv", "-o", out.toString())).isZero();

    assertThat(Files.readString(out)).startsWith("domain,").contains("good.test,enforced");
    assertThat(cli.out()).isEmpty();
    assertThat(check("--from", file.toString(), "--format", "csv", "-o", out.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--force");
  }

  @Test
  void jsonAndWholeDocumentFormatsAreRefusedWithFrom() throws Exception {
    Path file = list("refused.txt", "good.test\n");

    assertThat(cli.run("check", "--from", file.toString(), "--format", "json"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("ndjson");
    assertThat(cli.run("check", "--from", file.toString(), "--format", "html"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void usageErrors() throws Exception {
    Path file = list("usage.txt", "good.test\n");

    assertThat(cli.run("check", "--from", file.toString(), "--parallel", "0"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("check", "--from", file.toString(), "--parallel", "65"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--parallel must be from 1 to 64");
    assertThat(cli.run("check", "--from", file.toString(), "good.test")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("check", "--from", dir.resolve("missing.txt").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("check")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--from FILE");
    assertThat(cli.out()).isEmpty();
  }
}
