package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.ui.stages.common.RfcQuotes;

/** Every finding card can show the RFC text its code rests on. */
class RfcQuotesViewTest {

  @Test
  void everyCodeHasAnRfcQuote() {
    assertThat(Arrays.stream(Code.values()).filter(c -> RfcQuotes.of(c).isEmpty()))
        .as("codes without a quote in %s", RfcQuotes.RESOURCE)
        .isEmpty();
  }

  @Test
  void quotesAreShort() {
    for (Code code : Code.values()) {
      assertThat(RfcQuotes.of(code).orElseThrow()).as(code.id()).hasSizeLessThan(420);
    }
  }
}
