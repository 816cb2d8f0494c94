package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Severity;

/**
 * A quick fix never makes a draft worse (no new error code, no more errors), and applying it again
 * changes nothing (the same fix, offered again for the fixed text, leaves it as it is). Seeds: the
 * corpus policies ({@code scripts/fuzz-seeds.py}) and the crashes fuzzing found ({@code crash-*}: a
 * key-renaming fix that kept a value the new key cannot take); fuzz with {@code -Pfuzz}.
 */
class QuickFixesFuzzTest {

  private static final List<String> MX_HOSTS = List.of("mx1.example.com", "mx2.example.com");

  @FuzzTest(maxDuration = "2m")
  void fixes(byte[] typed) {
    DraftAnalysis before =
        DraftAnalysis.of(DraftText.forEditor(new String(typed, StandardCharsets.UTF_8)).text());
    for (Diagnostic diagnostic : before.diagnostics()) {
      for (QuickFix fix : QuickFixes.forDiagnostic(before, diagnostic, MX_HOSTS)) {
        if (!fix.changesText()) {
          continue;
        }
        DraftAnalysis after = DraftAnalysis.of(fix.applyTo(before.text()));
        String what = fix.title() + " for " + diagnostic.finding().code().id();

        assertThat(newErrorCodes(before, after)).as(what).isEmpty();
        assertThat(errorCount(after)).as(what).isLessThanOrEqualTo(errorCount(before));
        assertThat(again(before, after, diagnostic, fix))
            .as(what + ", applied again")
            .isEqualTo(after.text());
      }
    }
  }

  /**
   * The fixed text after the same fix once more: the fix with the same title for the same code on
   * the same line, if the fixed draft still offers one. A fix that deletes one whole line is left
   * out: the line is gone, and the next one, now at its number, is another line with a problem of
   * its own (the third of three duplicates, say).
   */
  private static String again(
      DraftAnalysis before, DraftAnalysis after, Diagnostic diagnostic, QuickFix fix) {
    if (deletesOneWholeLine(before.text(), fix)) {
      return after.text();
    }
    Code code = diagnostic.finding().code();
    String text = after.text();
    for (Diagnostic d : after.diagnostics()) {
      if (d.finding().code() != code || d.line() != diagnostic.line()) {
        continue;
      }
      for (QuickFix same : QuickFixes.forDiagnostic(after, d, MX_HOSTS)) {
        if (same.title().equals(fix.title())) {
          text = same.applyTo(text);
        }
      }
    }
    return text;
  }

  private static boolean deletesOneWholeLine(String text, QuickFix fix) {
    if (fix.edits().size() != 1 || !fix.edits().get(0).replacement().isEmpty()) {
      return false;
    }
    TextEdit edit = fix.edits().get(0);
    String removed = text.substring(edit.start(), Math.min(edit.end(), text.length()));
    boolean atLineStart =
        edit.start() == 0
            || text.charAt(edit.start() - 1) == '\n'
            || (edit.start() == 1 && text.charAt(0) == '\uFEFF');
    int lf = removed.indexOf('\n');
    return atLineStart && (lf < 0 || lf == removed.length() - 1);
  }

  /**
   * The error codes of the draft. {@code policy.missing-mx} is judged only once the mode is valid
   * (it sits on the mode line), so a fix that makes the mode valid reveals it rather than adds it.
   */
  private static Set<Code> newErrorCodes(DraftAnalysis before, DraftAnalysis after) {
    Set<Code> added = new HashSet<>(errorCodes(after));
    added.removeAll(errorCodes(before));
    boolean modeWasNotValid =
        before.diagnostics().stream()
            .anyMatch(
                d ->
                    d.finding().code() == Code.POLICY_MISSING_MODE
                        || d.finding().code() == Code.POLICY_INVALID_MODE);
    if (modeWasNotValid) {
      added.remove(Code.POLICY_MISSING_MX);
    }
    return added;
  }

  private static Set<Code> errorCodes(DraftAnalysis draft) {
    return draft.diagnostics().stream()
        .filter(d -> d.finding().severity() == Severity.ERROR)
        .map(d -> d.finding().code())
        .collect(Collectors.toSet());
  }

  private static long errorCount(DraftAnalysis draft) {
    return draft.diagnostics().stream()
        .filter(d -> d.finding().severity() == Severity.ERROR)
        .count();
  }
}
