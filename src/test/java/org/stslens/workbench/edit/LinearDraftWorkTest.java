package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;

/**
 * The linear versions of the blank-line fix, {@link QuickFix#applyTo}, the diagnostic lookups and
 * the syntax rewrite give what the former quadratic ones gave (kept here as the reference), on
 * random drafts. Speed is measured by {@code DraftAnalysisBenchmark}, not here.
 */
class LinearDraftWorkTest {

  private static final String[] PIECES = {
    "version", "mode", "mx", "max_age", "Mode", " ", " ", "\t", "=", ":", ":", "\n", "\n", "\n",
    "a", "STSv1", "testing", "604800", "\u2028", "\u0085", "-", "x: y\n", "\n\n", "  \n", "."
  };

  private static String randomDraft(Random random) {
    StringBuilder s = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
    int pieces = random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  @Test
  void fixesLookupsAndEditsMatchTheFormerImplementation() {
    Random random = new Random(8461);
    int blankFixes = 0;
    for (int round = 0; round < 3000; round++) {
      String text = randomDraft(random);
      DraftAnalysis a = DraftAnalysis.of(text);
      for (Diagnostic d : a.diagnostics()) {
        for (QuickFix fix : QuickFixes.forDiagnostic(a, d, List.of("mx1.example.com"))) {
          assertThat(fix.applyTo(a.text()))
              .as("%s on %s", fix.title(), text)
              .isEqualTo(formerApplyTo(fix.edits(), a.text()));
          if (d.finding().code() == Code.POLICY_BLANK_LINE) {
            blankFixes++;
            assertThat(fix.edits())
                .as("blank lines of %s", text)
                .isEqualTo(formerRemoveBlankLines(a.text()));
          }
        }
      }
      for (int offset = -1; offset <= a.text().length() + 1; offset++) {
        int o = offset;
        assertThat(a.at(offset))
            .isEqualTo(a.diagnostics().stream().filter(d -> d.contains(o)).toList());
      }
      for (int line = 0; line <= a.lineCount() + 1; line++) {
        int l = line;
        assertThat(a.onLine(line))
            .isEqualTo(a.diagnostics().stream().filter(d -> d.line() == l).toList());
      }
    }
    assertThat(blankFixes).isGreaterThan(100);
  }

  @Test
  void syntaxRewriteMatchesTheFormerPattern() {
    Pattern former = Pattern.compile("^([A-Za-z_-]+)\\s*[=\\s]\\s*(\\S.*)$");
    Random random = new Random(3);
    int checked = 0;
    String[] pieces = {"mode", "a", "-", "_", " ", "\t", "=", "==", "x", "\u2028", "\u0085", ":"};
    for (int round = 0; round < 20000; round++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(10);
      for (int i = 0; i < n; i++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String content = s.toString().trim();
      String text = content + "\n";
      DraftAnalysis a = DraftAnalysis.of(text);
      Matcher m = former.matcher(content);
      String expected = m.matches() ? "Rewrite as `" : null;
      List<String> rewrites = new ArrayList<>();
      boolean syntax = false;
      for (Diagnostic d : a.diagnostics()) {
        if (d.finding().code() == Code.POLICY_SYNTAX) {
          syntax = true;
          for (QuickFix fix : QuickFixes.forDiagnostic(a, d, List.of())) {
            if (fix.title().startsWith("Rewrite as `")) {
              rewrites.add(fix.edits().get(0).replacement());
            }
          }
        }
      }
      if (!syntax) {
        continue;
      }
      checked++;
      if (expected != null && isKey(m.group(1))) {
        // offered only when the key takes the value (a rename never adds an invalid field)
        assertThat(rewrites)
            .as(content)
            .isEqualTo(
                QuickFixes.valueFor(m.group(1), m.group(2))
                    .map(value -> List.of(m.group(1) + ": " + value))
                    .orElse(List.of()));
      } else if (expected == null) {
        assertThat(rewrites).as(content).isEmpty();
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static boolean isKey(String word) {
    return List.of("version", "mode", "max_age", "mx").contains(word);
  }

  /** QuickFix.applyTo as it was: replacing in place from the end. */
  private static String formerApplyTo(List<TextEdit> edits, String text) {
    StringBuilder out = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt(TextEdit::start).reversed())
        .forEach(e -> out.replace(e.start(), Math.min(e.end(), out.length()), e.replacement()));
    return out.toString();
  }

  /** QuickFixes.removeBlankLines as it was: a split of the whole text. */
  private static List<TextEdit> formerRemoveBlankLines(String text) {
    List<TextEdit> edits = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int offset = 0;
    int last = lines.length - 1;
    for (int i = 0; i < lines.length; i++) {
      boolean trailingEmpty = i == last && lines[i].isEmpty();
      if (lines[i].isBlank() && !trailingEmpty) {
        edits.add(TextEdit.delete(offset, offset + lines[i].length() + 1));
      }
      offset += lines[i].length() + 1;
    }
    return edits;
  }
}
