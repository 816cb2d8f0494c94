package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Severity;

/** A draft that senders would refuse for its size is not shown as valid. */
class DraftAnalysisSizeTest {

  private static String draftOf(int size) {
    StringBuilder s = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    for (int i = 0; s.length() < size; i++) {
      s.append(String.format("mx: mx%07d.example.com%n", i).replace("\r", ""));
    }
    return s.toString();
  }

  @Test
  void aDraftOf95KbIsMarkedTooLargeAndNotValid() {
    DraftAnalysis a = DraftAnalysis.of(draftOf(95_000));

    assertThat(a.parsed().valid()).as("the text itself parses").isTrue();
    assertThat(a.valid()).isFalse();
    Diagnostic size =
        a.diagnostics().stream()
            .filter(d -> d.finding().code() == Code.FETCH_TOO_LARGE)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no fetch.too-large in " + a.diagnostics()));
    assertThat(size.finding().severity()).isEqualTo(Severity.ERROR);
    assertThat(size.finding().message()).contains("refuse");
    assertThat(size.underlined()).isFalse();
  }

  @Test
  void aSmallDraftHasNoSizeFinding() {
    DraftAnalysis a = DraftAnalysis.of(draftOf(200));

    assertThat(a.valid()).isTrue();
    assertThat(a.diagnostics()).noneMatch(d -> d.finding().code() == Code.FETCH_TOO_LARGE);
  }
}
