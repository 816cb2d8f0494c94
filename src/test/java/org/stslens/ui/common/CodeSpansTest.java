package org.stslens.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.ui.stages.common.RfcQuotes;

class CodeSpansTest {

  @Test
  void backtickSpansBecomeCodeRunsWithoutTheirMarks() {
    assertThat(CodeSpans.split("a dash where the key has an underscore: `max_age`."))
        .containsExactly(
            new CodeSpans.Span("a dash where the key has an underscore: ", false),
            new CodeSpans.Span("max_age", true),
            new CodeSpans.Span(".", false));
    assertThat(CodeSpans.plain("write `key: value` or `x`")).isEqualTo("write key: value or x");
    // a lone backtick is text, not a mark
    assertThat(CodeSpans.plain("it ends with ` here")).isEqualTo("it ends with ` here");
  }

  @Test
  void aQuoteFromAnotherSectionSaysSo() {
    String quote = RfcQuotes.of(Code.DNS_DNSSEC_UNSIGNED).orElseThrow();
    assertThat(Code.DNS_DNSSEC_UNSIGNED.rfc()).isEqualTo("8461 §10");
    assertThat(RfcQuotes.shownUnder(Code.DNS_DNSSEC_UNSIGNED.rfc(), quote))
        .startsWith("Quoted from §2: DANE requires");
    assertThat(RfcQuotes.shownUnder("8461 §2", "(§2) text")).isEqualTo("(§2) text");
  }

  @Test
  void verdictsHaveWords() {
    assertThat(DomainVerdict.byWord("enforced-undeliverable").map(DomainVerdict::phrase))
        .hasValue("Enforced, but undeliverable");
    for (DomainVerdict v : DomainVerdict.values()) {
      assertThat(v.phrase()).doesNotContain("-");
    }
  }
}
