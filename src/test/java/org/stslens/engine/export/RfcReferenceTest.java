package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;

class RfcReferenceTest {

  @Test
  void aBareSectionBelongsToTheRfcBeforeIt() {
    assertThat(RfcReference.parse("5321 §5.1, 8461 §4, §4.2"))
        .containsExactly(
            new RfcReference("RFC 5321 §5.1", "https://www.rfc-editor.org/rfc/rfc5321#section-5.1"),
            new RfcReference("RFC 8461 §4", "https://www.rfc-editor.org/rfc/rfc8461#section-4"),
            new RfcReference(
                "RFC 8461 §4.2", "https://www.rfc-editor.org/rfc/rfc8461#section-4.2"));
  }

  @Test
  void anRfcWithoutSectionLinksTheWholeRfc() {
    assertThat(RfcReference.parse("8461 §4.2, 9155"))
        .extracting(RfcReference::url)
        .containsExactly(
            "https://www.rfc-editor.org/rfc/rfc8461#section-4.2",
            "https://www.rfc-editor.org/rfc/rfc9155");
    assertThat(RfcReference.parse("")).isEmpty();
  }

  @Test
  void everyCatalogReferenceBecomesAtLeastOneLink() {
    for (Code code : Code.values()) {
      if (!code.rfc().isEmpty()) {
        assertThat(RfcReference.parse(code.rfc())).as(code.id()).isNotEmpty();
        long parts = code.rfc().split(",").length;
        assertThat(RfcReference.parse(code.rfc())).as(code.id()).hasSize((int) parts);
      }
    }
  }
}
