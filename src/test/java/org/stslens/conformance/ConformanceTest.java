package org.stslens.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stslens.engine.dns.StsRecordParser;
import org.stslens.engine.dns.StsRecordResult;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.tls.CertificateNames;
import org.stslens.engine.tlsrpt.TlsRptRecordParser;
import org.stslens.engine.tlsrpt.TlsRptResult;

/**
 * Runs every case of every file of the conformance corpus (../shared/corpus, or the folder named by
 * the system property {@code stslens.corpus}) as a test of its own, named after the case id, and
 * judges it as the corpus README says. A missing folder, a missing or unknown file, a file without
 * cases or an expectation this test does not know how to judge all fail: nothing passes silently.
 */
class ConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The files of the corpus and how each case of them is judged. */
  private static final Map<String, Consumer<JsonNode>> RUNNERS =
      Map.of(
          "txt-records.json", ConformanceTest::judgeTxtRecord,
          "policies.json", ConformanceTest::judgePolicy,
          "mx-matching.json", ConformanceTest::judgeMxMatching,
          "cert-names.json", ConformanceTest::judgeCertNames,
          "tlsrpt-records.json", ConformanceTest::judgeTlsRpt);

  static Path corpusFolder() {
    return CorpusFolder.resolve();
  }

  @TestFactory
  Stream<DynamicNode> everyCorpusCase() throws IOException {
    Path folder = corpusFolder();
    if (!Files.isDirectory(folder)) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "corpus folder", () -> fail("corpus folder not found: " + folder.toAbsolutePath())));
    }
    Set<String> files = new HashSet<>(RUNNERS.keySet());
    try (Stream<Path> listing = Files.list(folder)) {
      listing
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .forEach(files::add);
    }
    List<DynamicNode> nodes = new ArrayList<>();
    for (String file : files.stream().sorted().toList()) {
      nodes.add(fileNode(folder.resolve(file)));
    }
    return nodes.stream();
  }

  private static DynamicNode fileNode(Path file) {
    String name = file.getFileName().toString();
    Consumer<JsonNode> runner = RUNNERS.get(name);
    if (runner == null) {
      return DynamicTest.dynamicTest(
          name,
          () -> fail("no runner for corpus file " + name + ": teach ConformanceTest its form"));
    }
    JsonNode cases;
    try {
      cases = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return DynamicTest.dynamicTest(name, () -> fail("cannot read " + file + ": " + e));
    }
    if (cases == null || !cases.isArray() || cases.isEmpty()) {
      return DynamicTest.dynamicTest(
          name, () -> fail(file + " is missing, not a JSON array, or has no cases"));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String id = c.path("id").asText("");
      if (id.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(name + " case without id", () -> fail("case has no id")));
      } else {
        tests.add(DynamicTest.dynamicTest(id, () -> judge(id, runner, c)));
      }
    }
    return DynamicContainer.dynamicContainer(name, tests);
  }

  /**
   * Runs one case; the id leads the failure message, as surefire reports dynamic tests by index.
   */
  private static void judge(String id, Consumer<JsonNode> runner, JsonNode c) {
    try {
      runner.accept(c);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(id + ": " + e.getMessage(), e);
    }
  }

  // ---- txt-records.json ----

  private static void judgeTxtRecord(JsonNode c) {
    JsonNode expect = c.get("expect");
    requireOnly(expect, "valid", "id", "error_contains", "warnings_contain");
    StsRecordResult result = StsRecordParser.parse(txtStrings(c));
    String context = "findings " + describe(result.findings());
    assertThat(result.valid()).as("valid; " + context).isEqualTo(expect.get("valid").asBoolean());
    if (expect.has("id")) {
      assertThat(result.id()).as("id; " + context).contains(expect.get("id").asText());
    }
    judgeErrorContains(expect, result.findings());
    judgeWarnings(expect, result.findings());
  }

  // ---- tlsrpt-records.json ----

  private static void judgeTlsRpt(JsonNode c) {
    JsonNode expect = c.get("expect");
    requireOnly(expect, "valid", "rua", "error_contains", "warnings_contain");
    TlsRptResult result = TlsRptRecordParser.parse(txtStrings(c));
    String context = "findings " + describe(result.findings());
    assertThat(result.valid()).as("valid; " + context).isEqualTo(expect.get("valid").asBoolean());
    if (expect.has("rua")) {
      List<String> expected = new ArrayList<>();
      expect.get("rua").forEach(u -> expected.add(schemeLowered(u.asText())));
      List<String> actual = result.rua().stream().map(ConformanceTest::schemeLowered).toList();
      assertThat(actual).as("rua; " + context).containsExactlyElementsOf(expected);
    }
    judgeErrorContains(expect, result.findings());
    judgeWarnings(expect, result.findings());
  }

  /** The scheme is compared case-insensitively, the rest exactly (no percent-decoding). */
  private static String schemeLowered(String uri) {
    int colon = uri.indexOf(':');
    return colon < 0
        ? uri
        : uri.substring(0, colon).toLowerCase(Locale.ROOT) + uri.substring(colon);
  }

  // ---- policies.json ----

  private static void judgePolicy(JsonNode c) {
    JsonNode expect = c.get("expect");
    requireOnly(expect, "valid", "mode", "max_age", "mx", "errors_contain", "warnings_contain");
    byte[] body = c.get("body").asText().getBytes(StandardCharsets.UTF_8);
    ParsedPolicy result = PolicyParser.parse(body);
    String context = "findings " + describe(result.findings());
    boolean valid = expect.get("valid").asBoolean();
    assertThat(result.valid()).as("valid; " + context).isEqualTo(valid);
    assertThat(result.policy().isPresent()).as("policy present iff valid").isEqualTo(valid);
    if (valid) {
      var policy = result.policy().orElseThrow();
      if (expect.has("mode")) {
        assertThat(policy.mode().word()).as("mode").isEqualTo(expect.get("mode").asText());
      }
      if (expect.has("max_age")) {
        assertThat(policy.maxAge()).as("max_age").isEqualTo(expect.get("max_age").asLong());
      }
      if (expect.has("mx")) {
        Set<String> expected = new HashSet<>();
        expect.get("mx").forEach(m -> expected.add(normalizedMx(m.asText())));
        Set<String> actual =
            policy.mx().stream().map(p -> normalizedMx(p.normalized())).collect(Collectors.toSet());
        assertThat(actual).as("mx; " + context).isEqualTo(expected);
      }
    }
    if (expect.has("errors_contain")) {
      for (JsonNode code : expect.get("errors_contain")) {
        assertReported(code.asText(), result.findings(), Set.of(Severity.ERROR), "errors");
      }
    }
    judgeWarnings(expect, result.findings());
  }

  private static String normalizedMx(String pattern) {
    String p = pattern.toLowerCase(Locale.ROOT);
    return p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
  }

  // ---- mx-matching.json and cert-names.json ----

  private static void judgeMxMatching(JsonNode c) {
    requireBoolean(c);
    boolean matches = MxPattern.matches(c.get("pattern").asText(), c.get("host").asText());
    assertThat(matches).as("pattern matches host").isEqualTo(c.get("expect").asBoolean());
  }

  private static void judgeCertNames(JsonNode c) {
    requireBoolean(c);
    List<String> san = new ArrayList<>();
    c.get("san_dns").forEach(n -> san.add(n.asText()));
    // The subject CN (input "cn") is deliberately never passed: MTA-STS ignores it (§3.3, §4.2).
    boolean matches = CertificateNames.matches(san, c.get("host").asText());
    assertThat(matches).as("certificate valid for host").isEqualTo(c.get("expect").asBoolean());
  }

  // ---- judging helpers ----

  private static List<List<String>> txtStrings(JsonNode c) {
    JsonNode rrset = c.get("txt_strings");
    assertThat(rrset).as("txt_strings").isNotNull();
    List<List<String>> records = new ArrayList<>();
    for (JsonNode record : rrset) {
      List<String> strings = new ArrayList<>();
      record.forEach(s -> strings.add(s.asText()));
      records.add(strings);
    }
    return records;
  }

  /**
   * {@code error_contains} (TXT and TLSRPT) names the reason a record is unusable. The corpus calls
   * it "one code from the vocabulary", and the catalog rates tlsrpt.no-record a warning (no TLSRPT
   * is not a fault of the MTA-STS setup), so it is looked up among errors and warnings; {@code
   * valid} is judged separately.
   */
  private static void judgeErrorContains(JsonNode expect, List<Finding> findings) {
    if (expect.has("error_contains")) {
      assertReported(
          expect.get("error_contains").asText(),
          findings,
          Set.of(Severity.ERROR, Severity.WARNING),
          "errors");
    }
  }

  private static void judgeWarnings(JsonNode expect, List<Finding> findings) {
    if (expect.has("warnings_contain")) {
      for (JsonNode code : expect.get("warnings_contain")) {
        assertReported(
            code.asText(), findings, Set.of(Severity.WARNING, Severity.ERROR), "warnings");
      }
    }
  }

  private static void assertReported(
      String code, List<Finding> findings, Set<Severity> severities, String what) {
    String wanted = code.toLowerCase(Locale.ROOT);
    boolean reported =
        findings.stream()
            .filter(f -> severities.contains(f.severity()))
            .anyMatch(f -> f.code().id().toLowerCase(Locale.ROOT).contains(wanted));
    assertThat(reported)
        .as("`%s` among the %s; findings %s", code, what, describe(findings))
        .isTrue();
  }

  private static void requireOnly(JsonNode expect, String... known) {
    assertThat(expect).as("expect").isNotNull();
    assertThat(expect.has("valid")).as("expect.valid present").isTrue();
    Set<String> allowed = Set.of(known);
    expect
        .fieldNames()
        .forEachRemaining(
            field -> assertThat(allowed).as("expectation this test can judge").contains(field));
  }

  private static void requireBoolean(JsonNode c) {
    assertThat(c.get("expect")).as("expect").isNotNull();
    assertThat(c.get("expect").isBoolean()).as("expect is a boolean").isTrue();
  }

  private static String describe(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.severity().word() + " " + f.code().id() + "@" + f.line() + ":" + f.column())
        .toList()
        .toString();
  }
}
