package org.stslens.engine.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/** RFC 8460 §3: "commas (ASCII 0x2C) and exclamation points (ASCII 0x21) MUST be encoded". */
class TlsRptUriEncodingTest {

  private static TlsRptResult parse(String record) {
    return TlsRptRecordParser.parse(List.of(List.of(record)));
  }

  private static Finding invalidRua(TlsRptResult result) {
    return result.findings().stream()
        .filter(f -> f.code() == Code.TLSRPT_INVALID_RUA)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tlsrpt.invalid-rua in " + result.findings()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=TLSRPTv1; rua=mailto:tlsrpt@example.com!10m",
        "v=TLSRPTv1; rua=https://reports.example.com/tls!rpt",
        "v=TLSRPTv1; rua=mailto:tls!rpt@example.com"
      })
  void aRawExclamationPointMakesTheUriInvalid(String record) {
    TlsRptResult result = parse(record);

    assertThat(result.valid()).isFalse();
    assertThat(result.rua()).isEmpty();
    assertThat(invalidRua(result).message()).contains("`%21`");
  }

  @Test
  void theDmarcSizeLimitIsNamed() {
    assertThat(invalidRua(parse("v=TLSRPTv1; rua=mailto:tlsrpt@example.com!10m")).message())
        .contains("DMARC");
  }

  @Test
  void anEncodedExclamationPointIsFine() {
    TlsRptResult result = parse("v=TLSRPTv1; rua=mailto:tls%21rpt@example.com");

    assertThat(result.valid()).isTrue();
    assertThat(result.rua()).containsExactly("mailto:tls%21rpt@example.com");
  }

  @Test
  void aCommaInsideAUriSplitsItAndTheMessageSaysToEncodeIt() {
    TlsRptResult result = parse("v=TLSRPTv1; rua=mailto:a@example.com,b@example.com");

    assertThat(result.valid()).isFalse();
    Finding f = invalidRua(result);
    assertThat(f.message()).contains("`b@example.com`").contains("`%2C`");
    assertThat(f.column()).isEqualTo("v=TLSRPTv1; rua=mailto:a@example.com,".length() + 1);
  }

  @Test
  void aCommaBetweenTwoUrisIsTheSeparator() {
    TlsRptResult result =
        parse("v=TLSRPTv1; rua=mailto:a@example.com,https://reports.example.com/v1");

    assertThat(result.valid()).isTrue();
    assertThat(result.rua())
        .containsExactly("mailto:a@example.com", "https://reports.example.com/v1");
    assertThat(result.findings()).noneMatch(f -> f.code() == Code.TLSRPT_INVALID_RUA);
  }
}
