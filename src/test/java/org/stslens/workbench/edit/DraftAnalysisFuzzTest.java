package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever is typed into the editor, the analysis places every diagnostic inside the text, on a
 * line the text has. Seeds: the corpus policies ({@code scripts/fuzz-seeds.py}); fuzz with {@code
 * -Pfuzz}.
 */
class DraftAnalysisFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void analyse(byte[] typed) {
    DraftAnalysis draft =
        DraftAnalysis.of(DraftText.forEditor(new String(typed, StandardCharsets.UTF_8)).text());
    int length = draft.text().length();

    assertThat(draft.lineCount()).isPositive();
    for (Diagnostic d : draft.diagnostics()) {
      if (d.line() == 0) {
        assertThat(d.finding().line())
            .as("only a finding with no line is about the whole draft")
            .isZero();
      } else {
        assertThat(d.line()).isBetween(1, draft.lineCount());
      }
      assertThat(d.start()).isBetween(0, d.end());
      assertThat(d.end()).isLessThanOrEqualTo(length);
      assertThat(draft.onLine(d.line())).contains(d);
    }
    for (int line = 1; line <= draft.lineCount(); line++) {
      int[] bounds = draft.lineBounds(line);
      assertThat(bounds[0]).isBetween(0, bounds[1]);
      assertThat(bounds[1]).isLessThanOrEqualTo(length);
    }
    for (int offset = 0; offset <= length; offset += Math.max(1, length / 16)) {
      int at = offset;
      assertThat(draft.at(at)).allMatch(d -> d.contains(at));
    }
  }
}
