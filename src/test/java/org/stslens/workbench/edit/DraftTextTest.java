package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftTextTest {

  @Test
  void crlfBecomesLfForTheEditorAndBackForParsing() {
    DraftText.Loaded loaded = DraftText.forEditor("version: STSv1\r\nmode: none\r\n");
    assertThat(loaded.text()).isEqualTo("version: STSv1\nmode: none\n");
    assertThat(loaded.notes()).isEmpty();
    assertThat(DraftText.forParsing(loaded.text())).isEqualTo("version: STSv1\r\nmode: none\r\n");
  }

  @Test
  void lfAndBareCrAreNoted() {
    assertThat(DraftText.forEditor("a: b\nc: d\n").notes())
        .singleElement()
        .asString()
        .contains("LF");
    DraftText.Loaded bare = DraftText.forEditor("a: b\rc: d\r\n");
    assertThat(bare.text()).isEqualTo("a: b\nc: d\n");
    assertThat(bare.notes()).singleElement().asString().contains("bare CR").contains("line 1");
  }
}
