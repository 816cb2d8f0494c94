package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;

class StsRecordParserTest {

  private static StsRecordResult parse(String... records) {
    return StsRecordParser.parse(Stream.of(records).map(List::of).toList());
  }

  private static List<Code> codes(StsRecordResult result) {
    return result.findings().stream().map(Finding::code).toList();
  }

  private static Finding only(StsRecordResult result, Code code) {
    List<Finding> matching = result.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(matching).as("findings %s", result.findings()).hasSize(1);
    return matching.get(0);
  }

  @Test
  void validRecordGivesIdCandidateAndFieldsInRecordOrder() {
    StsRecordResult result = parse("v=STSv1; ext=1; id=20261128T1200");

    assertThat(result.valid()).isTrue();
    assertThat(result.id()).contains("20261128T1200");
    assertThat(result.candidate()).contains("v=STSv1; ext=1; id=20261128T1200");
    assertThat(result.fields())
        .containsExactly(
            java.util.Map.entry("v", "STSv1"),
            java.util.Map.entry("ext", "1"),
            java.util.Map.entry("id", "20261128T1200"));
    assertThat(codes(result)).containsExactly(Code.TXT_EXTENSION_FIELDS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=stsv1; id=abc",
        "V=STSv1; id=abc",
        " v=STSv1; id=abc",
        "id=20180907T090909; v=STSv1;",
        "\"v=STSv1; id=abc;\""
      })
  void discardedRecordThatLooksMeantForMtaStsIsWarned(String record) {
    StsRecordResult result = parse(record);

    assertThat(result.valid()).isFalse();
    assertThat(codes(result)).contains(Code.TXT_NO_RECORD, Code.TXT_DISCARDED_LOOKALIKE);
    assertThat(only(result, Code.TXT_DISCARDED_LOOKALIKE).fix()).contains("v=STSv1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v=spf1 -all", "v=STSv2; id=abc", "v=STSv12; id=abc", ""})
  void unrelatedRecordIsNotALookalike(String record) {
    assertThat(codes(parse(record))).containsExactly(Code.TXT_NO_RECORD);
  }

  @Test
  void unrelatedRecordsNextToThePolicyAreWarned() {
    StsRecordResult result = parse("v=spf1 -all", "v=STSv1; id=abc", "google-site-verification=x");

    assertThat(result.valid()).isTrue();
    Finding warning = only(result, Code.TXT_UNRELATED_RECORDS);
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.message()).startsWith("2 other TXT records");
  }

  @Test
  void aLonePolicyRecordHasNoUnrelatedWarning() {
    assertThat(codes(parse("v=STSv1; id=abc"))).isEmpty();
  }

  @Test
  void recordSplitIntoSeveralStringsIsJoinedWithoutSpacesAndNoted() {
    StsRecordResult result =
        StsRecordParser.parse(List.of(List.of("v=spf1 ", "-all"), List.of("v=STS", "v1; id=a1")));

    assertThat(result.joinedRecords()).containsExactly("v=spf1 -all", "v=STSv1; id=a1");
    assertThat(result.id()).contains("a1");
    Finding split = only(result, Code.TXT_SPLIT_STRINGS);
    assertThat(split.severity()).isEqualTo(Severity.INFO);
    assertThat(split.line()).isEqualTo(2);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> syntaxErrors() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("v=STSv1; id=abc;;", 17, "`;;`"),
        org.junit.jupiter.params.provider.Arguments.of("v=STSv1;; id=abc", 9, "`;;`"),
        org.junit.jupiter.params.provider.Arguments.of(
            "v=STSv1; id=abc ", 16, "space or tab at the end"),
        org.junit.jupiter.params.provider.Arguments.of("v=STSv1; id=abc; foo", 18, "has no `=`"),
        org.junit.jupiter.params.provider.Arguments.of(
            "v=STSv1; id=abc; k=\u00a3", 20, "non-ASCII character U+00A3"),
        org.junit.jupiter.params.provider.Arguments.of("v=STSv1; id = abc", 12, "before `=`"),
        org.junit.jupiter.params.provider.Arguments.of("v=STSv1 id=abc", 9, "followed by `;`"),
        org.junit.jupiter.params.provider.Arguments.of(
            "v=STSv1; id=abc; e=a b", 21, "contains a space"));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void syntaxErrorNamesTheProblemAndItsColumn(String record, int column, String words) {
    StsRecordResult result = parse(record);

    assertThat(result.valid()).isFalse();
    Finding syntax = only(result, Code.TXT_SYNTAX);
    assertThat(syntax.column()).isEqualTo(column);
    assertThat(syntax.line()).isEqualTo(1);
    assertThat(syntax.message()).contains(words).contains("column " + column);
    assertThat(syntax.fix()).contains("v=STSv1; id=");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=STSv1; id=a_b",
        "v=STSv1",
        "v=STSv1; id=abc;;",
        "v=spf1",
        "v=STSv1; id=",
        "v=STSv1; id=x; id=y;; ",
      })
  void anInvalidRecordHasExactlyOneError(String record) {
    StsRecordResult result = parse(record);

    assertThat(result.valid()).isFalse();
    assertThat(result.findings().stream().filter(Finding::isError)).hasSize(1);
  }

  @Test
  void twoPolicyRecordsAreOneErrorEvenIfOneIsBroken() {
    StsRecordResult result = parse("v=STSv1; id=abc", "v=STSv1;;");

    assertThat(codes(result)).containsExactly(Code.TXT_MULTIPLE_RECORDS);
    assertThat(result.candidate()).isEmpty();
  }

  @Test
  void invalidIdPointsAtTheOffendingCharacter() {
    Finding finding = only(parse("v=STSv1; id=policy_1"), Code.TXT_INVALID_ID);

    assertThat(finding.column()).isEqualTo(19);
    assertThat(finding.message()).contains("`_`");
  }

  @Test
  void idLongerThan32IsInvalid() {
    Finding finding = only(parse("v=STSv1; id=" + "a".repeat(33)), Code.TXT_INVALID_ID);

    assertThat(finding.message()).contains("33 characters");
  }

  @Test
  void missingIdMentionsAnUpperCaseIdField() {
    Finding finding = only(parse("v=STSv1; ID=abc"), Code.TXT_MISSING_ID);

    assertThat(finding.message()).contains("`ID=`").contains("case-sensitive");
  }

  @Test
  void duplicateFieldKeepsTheFirstAndSaysSo() {
    StsRecordResult result = parse("v=STSv1; id=first; id=second");

    assertThat(result.id()).contains("first");
    assertThat(result.fields()).containsEntry("id", "first");
    Finding duplicate = only(result, Code.TXT_DUPLICATE_FIELD);
    assertThat(duplicate.column()).isEqualTo(20);
    assertThat(duplicate.message()).contains("first one counts");
  }

  @Test
  void hostileRecordsNeverThrow() {
    Random random = new Random(8461);
    StringBuilder garbage = new StringBuilder("v=STSv1; id=a");
    for (int i = 0; i < 64 * 1024; i++) {
      garbage.append((char) random.nextInt(0x10000));
    }
    String manyFields = "v=STSv1" + "; e=1".repeat(20_000) + "; id=ok";
    String surrogate = "v=STSv1; id=\ud800";
    String nul = "v=STSv1; id=a\u0000b";

    List<StsRecordResult> results =
        Stream.of(garbage.toString(), manyFields, surrogate, nul, "v=STSv1" + " ".repeat(100_000))
            .map(StsRecordParserTest::parse)
            .toList();

    assertThat(results).allSatisfy(r -> assertThat(r.findings()).isNotEmpty());
    assertThat(results.get(1).valid()).isTrue();
    assertThat(StsRecordParser.parse(null).valid()).isFalse();
  }
}
