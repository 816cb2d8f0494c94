package org.stslens.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;

class PolicyParserTest {

  private static final String VALID =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";

  private static List<Code> codes(ParsedPolicy parsed) {
    return parsed.findings().stream().map(Finding::code).toList();
  }

  private static Finding only(ParsedPolicy parsed, Code code) {
    List<Finding> matching = parsed.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(matching).as("findings %s", parsed.findings()).hasSize(1);
    return matching.get(0);
  }

  @Test
  void aCleanCrlfPolicyHasNoFindings() {
    ParsedPolicy parsed = PolicyParser.parse(VALID);

    assertThat(parsed.valid()).isTrue();
    assertThat(parsed.findings()).isEmpty();
    Policy policy = parsed.policy().orElseThrow();
    assertThat(policy.version()).isEqualTo("STSv1");
    assertThat(policy.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(policy.maxAge()).isEqualTo(604800L);
    assertThat(policy.mx()).extracting(MxPattern::normalized).containsExactly("mail.example.com");
  }

  @Test
  void linesRecordKeyValueColumnsAndTerminators() {
    ParsedPolicy parsed = PolicyParser.parse("version: STSv1\r\n  mode :\tenforce  \nmx:x.example");

    assertThat(parsed.lines())
        .containsExactly(
            new PolicyLine(1, "version", "STSv1", 1, 10, "\r\n"),
            new PolicyLine(2, "mode", "enforce", 3, 10, "\n"),
            new PolicyLine(3, "mx", "x.example", 1, 4, ""));
  }

  @ParameterizedTest
  @CsvSource({"nmx,mx", "max-age,max_age", "Mode,mode", "MAX_AGE,max_age", "verison,version"})
  void likelyTypoReplacesTheUnknownFieldNote(String key, String intended) {
    ParsedPolicy parsed = PolicyParser.parse(VALID + key + ": 1\r\n");

    Finding typo = only(parsed, Code.POLICY_LIKELY_TYPO);
    assertThat(typo.message()).contains("`" + intended + "`");
    assertThat(typo.line()).isEqualTo(5);
    assertThat(typo.column()).isEqualTo(1);
    assertThat(codes(parsed)).doesNotContain(Code.POLICY_UNKNOWN_FIELD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"report_uri", "id", "policy_url", "x-padding"})
  void unknownKeyFarFromAnyDefinedKeyIsOnlyNoted(String key) {
    ParsedPolicy parsed = PolicyParser.parse(VALID + key + ": a:b:c\r\n");

    assertThat(parsed.valid()).isTrue();
    assertThat(only(parsed, Code.POLICY_UNKNOWN_FIELD).severity()).isEqualTo(Severity.INFO);
    assertThat(codes(parsed)).doesNotContain(Code.POLICY_LIKELY_TYPO);
  }

  @Test
  void shortMaxAgeIsWarnedUnlessModeIsNone() {
    String shortAge = "version: STSv1\nmode: %s\nmx: m.example\nmax_age: 3600\n";

    Finding warning =
        only(PolicyParser.parse(shortAge.formatted("testing")), Code.POLICY_MAX_AGE_SHORT);
    assertThat(warning.line()).isEqualTo(4);
    assertThat(warning.column()).isEqualTo(10);
    assertThat(codes(PolicyParser.parse(shortAge.formatted("none"))))
        .doesNotContain(Code.POLICY_MAX_AGE_SHORT);
  }

  @Test
  void modeTestingAndNoneAreNoted() {
    assertThat(codes(PolicyParser.parse(VALID.replace("enforce", "testing"))))
        .containsExactly(Code.POLICY_MODE_TESTING);
    assertThat(codes(PolicyParser.parse(VALID.replace("enforce", "none"))))
        .containsExactly(Code.POLICY_MODE_NONE);
  }

  @Test
  void lfOnlyAndMixedLineEndingsAreNotedButCrlfIsNot() {
    Finding lfOnly =
        only(PolicyParser.parse(VALID.replace("\r\n", "\n")), Code.POLICY_LINE_ENDINGS);
    assertThat(lfOnly.severity()).isEqualTo(Severity.INFO);
    assertThat(lfOnly.message()).contains("LF");

    Finding mixed =
        only(
            PolicyParser.parse(VALID.replace("enforce\r\n", "enforce\n")),
            Code.POLICY_LINE_ENDINGS);
    assertThat(mixed.message()).contains("mixes").contains("line 2");
    assertThat(mixed.line()).isEqualTo(2);

    assertThat(codes(PolicyParser.parse(VALID))).doesNotContain(Code.POLICY_LINE_ENDINGS);
  }

  @Test
  void blankLinesBetweenFieldsAreWarnedOncePerRun() {
    ParsedPolicy parsed =
        PolicyParser.parse(
            "version: STSv1\r\n\r\n \t\r\nmode: enforce\r\nmx: m.example\r\nmax_age: 1\r\n");

    assertThat(parsed.valid()).isTrue();
    Finding blank = only(parsed, Code.POLICY_BLANK_LINE);
    assertThat(blank.line()).isEqualTo(2);
    assertThat(blank.message()).contains("Lines 2 to 3");
  }

  @Test
  void aFinalLineEndIsNotABlankLine() {
    assertThat(codes(PolicyParser.parse(VALID))).doesNotContain(Code.POLICY_BLANK_LINE);
  }

  @Test
  void diagnosticsCarryLineAndColumnOfTheValue() {
    ParsedPolicy parsed =
        PolicyParser.parse("version: STSv1\nmode:   Enforce\nmx: m.example\nmax_age: +86400\n");

    Finding mode = only(parsed, Code.POLICY_INVALID_MODE);
    assertThat(mode.line()).isEqualTo(2);
    assertThat(mode.column()).isEqualTo(9);
    Finding maxAge = only(parsed, Code.POLICY_INVALID_MAX_AGE);
    assertThat(maxAge.line()).isEqualTo(4);
    assertThat(maxAge.column()).isEqualTo(10);
    assertThat(parsed.firstValues())
        .containsEntry("mode", "Enforce")
        .containsEntry("max_age", "+86400");
  }

  @Test
  void missingFieldsAreAboutTheWholePolicyNotItsFirstLine() {
    ParsedPolicy parsed = PolicyParser.parse("");

    assertThat(parsed.findings())
        .extracting(Finding::code)
        .containsExactly(
            Code.POLICY_MISSING_VERSION, Code.POLICY_MISSING_MODE, Code.POLICY_MISSING_MAX_AGE);
    assertThat(parsed.findings()).allSatisfy(f -> assertThat(f.line()).isZero());
  }

  @Test
  void aMissingFieldThatALineMisspellsIsBlamedOnThatLineAndFixedByTheRename() {
    Finding missing =
        only(
            PolicyParser.parse(
                "version: STSv1\nmode: enforce\nmx: mx.example.com\nmax-age: 86400\n"),
            Code.POLICY_MISSING_MAX_AGE);

    assertThat(missing.line()).isEqualTo(4);
    assertThat(missing.column()).isEqualTo(1);
    assertThat(missing.message())
        .contains("line 4")
        .contains("a dash where the key has an underscore");
    assertThat(missing.fix()).isEqualTo("Rename `max-age` to `max_age` on line 4.");
  }

  @Test
  void aTypoIsExplainedByWhatDiffers() {
    assertThat(only(PolicyParser.parse("max-age: 1\n"), Code.POLICY_LIKELY_TYPO).message())
        .contains("a dash where the key has an underscore")
        .doesNotContain("case-sensitive");
    assertThat(only(PolicyParser.parse("Mode: enforce\n"), Code.POLICY_LIKELY_TYPO).message())
        .contains("case-sensitive");
    assertThat(only(PolicyParser.parse("MAX-AGE: 1\n"), Code.POLICY_LIKELY_TYPO).message())
        .contains("lower case, with an underscore");
    assertThat(only(PolicyParser.parse("mdoe: enforce\n"), Code.POLICY_LIKELY_TYPO).message())
        .contains("misspelling of `mode`");
  }

  @Test
  void missingMxPointsAtTheMode() {
    Finding missing =
        only(
            PolicyParser.parse("version: STSv1\nmode: testing\nmx: *\nmax_age: 86400\n"),
            Code.POLICY_MISSING_MX);

    assertThat(missing.line()).isEqualTo(2);
    assertThat(missing.message()).contains("1 dropped");
  }

  @Test
  void whitespaceAroundTheKeyIsWarnedWhereItIs() {
    ParsedPolicy parsed =
        PolicyParser.parse("version: STSv1\n\tmode: enforce\nmx : m.example\nmax_age: 1\n");

    assertThat(parsed.valid()).isTrue();
    List<Finding> whitespace =
        parsed.findings().stream().filter(f -> f.code() == Code.POLICY_WHITESPACE).toList();
    assertThat(whitespace).extracting(Finding::line).containsExactly(2, 3);
    assertThat(whitespace).extracting(Finding::column).containsExactly(1, 3);
  }

  @Test
  void bomIsWarnedAndColumnsOfTheFirstLineCountAfterIt() {
    byte[] body =
        ("\uFEFF" + "version: STSv1\nmode: none\nmax_age: 1\n").getBytes(StandardCharsets.UTF_8);
    ParsedPolicy parsed = PolicyParser.parse(body);

    assertThat(parsed.valid()).isTrue();
    Finding bom = only(parsed, Code.POLICY_BOM);
    assertThat(bom.line()).isEqualTo(1);
    assertThat(bom.column()).isEqualTo(1);
    assertThat(parsed.lines().get(0).keyColumn()).isEqualTo(1);
  }

  @Test
  void duplicateFieldSaysTheFirstCountsAndManySendersTakeTheLast() {
    Finding duplicate =
        only(PolicyParser.parse(VALID + "mode: testing\r\n"), Code.POLICY_DUPLICATE_FIELD);

    assertThat(duplicate.line()).isEqualTo(5);
    assertThat(duplicate.message()).contains("first one").contains("many senders take the last");
  }

  @Test
  void bareCrIsExplainedInTheInvalidValue() {
    ParsedPolicy parsed = PolicyParser.parse("version: STSv1\rmode: enforce\r");

    Finding version = only(parsed, Code.POLICY_INVALID_VERSION);
    assertThat(version.message()).contains("bare CR").contains("\\r");
  }

  @Test
  void lineWithoutColonIsIgnoredWithASyntaxWarning() {
    Finding syntax = only(PolicyParser.parse(VALID + "  just words\r\n"), Code.POLICY_SYNTAX);

    assertThat(syntax.line()).isEqualTo(5);
    assertThat(syntax.column()).isEqualTo(3);
  }

  @Test
  void invalidMxSaysWhy() {
    Finding invalid =
        only(PolicyParser.parse(VALID + "mx: mail.example.com:25\r\n"), Code.POLICY_INVALID_MX);

    assertThat(invalid.message()).contains("port");
    assertThat(invalid.column()).isEqualTo(5);
  }

  @Test
  void garbageBodyOf64KibCompletesWithFindings() {
    byte[] garbage = new byte[64 * 1024];
    new Random(8461).nextBytes(garbage);

    ParsedPolicy parsed = PolicyParser.parse(garbage);

    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.findings()).isNotEmpty();
  }

  @Test
  void bodyOf10000LinesCompletesWithFindings() {
    StringBuilder body = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 86400\n");
    for (int i = 0; i < 10_000; i++) {
      body.append(
          i % 3 == 0 ? "mx: mx" + i + ".example.com\n" : i % 3 == 1 ? "mode: none\n" : "?\n");
    }

    ParsedPolicy parsed = PolicyParser.parse(body.toString());

    assertThat(parsed.valid()).isTrue();
    assertThat(parsed.lines()).hasSizeGreaterThan(6_000);
    assertThat(codes(parsed)).contains(Code.POLICY_DUPLICATE_FIELD, Code.POLICY_SYNTAX);
  }

  @Test
  void hostileTextNeverThrows() {
    String longLine = "mx: " + "a".repeat(1_000_000);
    String longKey = "k".repeat(1_000_000) + ": v";
    String controls = "version:\u0000STSv1\nmode: \ud800\nmax_age: \udfff1\n\u0000\u0000";

    assertThat(List.of(longLine, longKey, controls))
        .allSatisfy(body -> assertThat(PolicyParser.parse(body).findings()).isNotEmpty());
    assertThat(PolicyParser.parse((byte[]) null).valid()).isFalse();
  }
}
