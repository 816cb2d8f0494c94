package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.policy.PolicyParser;

/**
 * Every mistake in the corpus's policies is shown in the editor where it is: each error or warning
 * the engine reports for the served body is also reported for the body loaded into the editor, and
 * each of those is placed on its own line, at its column (an empty value excepted, see {@link
 * #check}).
 */
class CorpusUnderlineTest {

  /** About the bytes on the wire, not about the text: the editor normalises line ends. */
  private static final Set<Code> ABOUT_LINE_ENDS = Set.of(Code.POLICY_LINE_ENDINGS);

  /** Marked in the gutter only: the BOM (before line 1's text), blank lines, line endings. */
  private static final Set<Code> NOT_UNDERLINED =
      Set.of(Code.POLICY_BOM, Code.POLICY_BLANK_LINE, Code.POLICY_LINE_ENDINGS);

  @TestFactory
  Stream<DynamicTest> everyCorpusPolicy() throws IOException {
    Path folder = org.stslens.conformance.CorpusFolder.resolve();
    JsonNode cases = new ObjectMapper().readTree(Files.readString(folder.resolve("policies.json")));
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String body = c.path("body").asText();
      tests.add(DynamicTest.dynamicTest(c.path("id").asText(), () -> check(body)));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private static void check(String body) {
    boolean bareCr = body.replace("\r\n", "").indexOf('\r') >= 0;
    DraftAnalysis draft = DraftAnalysis.of(DraftText.forEditor(body).text());
    if (!bareCr) {
      for (Finding served : PolicyParser.parse(body).findings()) {
        if (served.severity() == Severity.INFO || ABOUT_LINE_ENDS.contains(served.code())) {
          continue;
        }
        assertThat(draft.diagnostics())
            .as("the editor shows %s", served.code())
            .anySatisfy(d -> assertThat(d.finding().code()).isEqualTo(served.code()));
      }
    }
    for (Diagnostic d : draft.diagnostics()) {
      int[] bounds = draft.lineBounds(d.line());
      assertThat(d.start()).as("%s starts on its line", d).isBetween(bounds[0], bounds[1]);
      assertThat(d.end()).as("%s ends on its line", d).isBetween(d.start(), bounds[1]);
      Finding f = d.finding();
      if (f.line() == 0
          || d.aboutWholeDraft()
          || NOT_UNDERLINED.contains(f.code())
          || bounds[1] == bounds[0]) {
        continue;
      }
      int shift = d.line() == 1 && draft.text().startsWith("\uFEFF") ? 1 : 0;
      int pointed = bounds[0] + shift + f.column() - 1;
      if (pointed >= bounds[1]) {
        // An empty value: the finding's column is just past the line's end, where the value
        // would start. An empty span would not show, so the editor underlines the line's last
        // character (the colon or the space after it) instead: the one place a column is one off.
        assertThat(d.start()).as("%s underlines the last character", d).isEqualTo(bounds[1] - 1);
        assertThat(d.end()).as("%s underlines the last character", d).isEqualTo(bounds[1]);
      } else {
        assertThat(d.start() - bounds[0] - shift + 1).as("%s column", d).isEqualTo(f.column());
      }
    }
  }
}
