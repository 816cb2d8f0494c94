package org.stslens.engine.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;

class TlsRptRecordParserTest {

  private static TlsRptResult parse(String... records) {
    return TlsRptRecordParser.parse(Stream.of(records).map(List::of).toList());
  }

  private static Finding only(TlsRptResult result, Code code) {
    List<Finding> matching = result.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(matching).as("findings %s", result.findings()).hasSize(1);
    return matching.get(0);
  }

  @Test
  void usableUrisAreKeptInPublicationOrder() {
    TlsRptResult result =
        parse("v=TLSRPTv1; rua=https://r.example.com/v1 ,\tMAILTO:tls@example.com; ext=1");

    assertThat(result.valid()).isTrue();
    assertThat(result.rua()).containsExactly("https://r.example.com/v1", "MAILTO:tls@example.com");
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void otherSchemeIsIgnoredWithAWarningAtItsColumn() {
    TlsRptResult result = parse("v=TLSRPTv1; rua=mailto:a@example.com,ftp://r.example.com/x");

    assertThat(result.valid()).isTrue();
    assertThat(result.rua()).containsExactly("mailto:a@example.com");
    Finding ignored = only(result, Code.TLSRPT_IGNORED_RUA);
    assertThat(ignored.severity()).isEqualTo(Severity.WARNING);
    assertThat(ignored.column()).isEqualTo(38);
    assertThat(ignored.message()).contains("`ftp:`");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=TLSRPTv1; rua=mailto:a@example.com,mailto:nobody",
        "v=TLSRPTv1; rua=mailto:a@example.com,",
        "v=TLSRPTv1; rua=https:///path",
        "v=TLSRPTv1; rua=https://h.example:x/",
        "v=TLSRPTv1; rua=mailto:a%zz@example.com",
        "v=TLSRPTv1; rua= mailto:a@example.com",
        "v=TLSRPTv1; rua=mailto:a b@example.com"
      })
  void aMalformedEntryMakesTheRecordInvalid(String record) {
    TlsRptResult result = parse(record);

    assertThat(result.valid()).isFalse();
    assertThat(result.rua()).isEmpty();
    assertThat(result.findings()).extracting(Finding::code).contains(Code.TLSRPT_INVALID_RUA);
  }

  @Test
  void syntaxErrorGivesTheColumn() {
    Finding syntax = only(parse("v=TLSRPTv1 rua=mailto:a@example.com"), Code.TLSRPT_SYNTAX);

    assertThat(syntax.column()).isEqualTo(12);
    assertThat(syntax.message()).contains("followed by `;`");
  }

  @Test
  void missingRuaMentionsAnUpperCaseRuaField() {
    Finding missing = only(parse("v=TLSRPTv1; RUA=mailto:a@example.com"), Code.TLSRPT_MISSING_RUA);

    assertThat(missing.message()).contains("`RUA=`");
  }

  @Test
  void noRecordIsAWarningAsTheCatalogSays() {
    Finding none = only(parse("v=spf1 -all"), Code.TLSRPT_NO_RECORD);

    assertThat(none.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void hostileRecordsNeverThrow() {
    String longList = "v=TLSRPTv1; rua=" + "mailto:a@example.com,".repeat(5_000) + "x";
    String nul = "v=TLSRPTv1; rua=mailto:a\u0000@example.com";
    String surrogate = "v=TLSRPTv1; rua=mailto:\udc00@example.com";

    assertThat(Stream.of(longList, nul, surrogate).map(TlsRptRecordParserTest::parse))
        .allSatisfy(
            r -> {
              assertThat(r.valid()).isFalse();
              assertThat(r.findings()).isNotEmpty();
            });
    assertThat(TlsRptRecordParser.parse(null).valid()).isFalse();
  }
}
