package org.stslens.workbench.edit;

import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.policy.PolicyLine;

/**
 * The style runs of a draft: defined keys, unknown keys, values, the colon, and the diagnostics'
 * underlines by severity. One bit mask per character, then run-length encoded; linear.
 */
public final class Highlighting {

  private static final String[] STYLES = {
    "pk-key",
    "pk-unknown-key",
    "pk-colon",
    "pk-value",
    "pk-error",
    "pk-warning",
    "pk-info",
    "pk-bom"
  };
  private static final int KEY = 1;
  private static final int UNKNOWN_KEY = 1 << 1;
  private static final int COLON = 1 << 2;
  private static final int VALUE = 1 << 3;
  private static final int ERROR = 1 << 4;
  private static final int WARNING = 1 << 5;
  private static final int INFO = 1 << 6;
  private static final int BOM = 1 << 7;
  private static final List<String> DEFINED = List.of("version", "mode", "mx", "max_age");

  private Highlighting() {}

  public static List<StyledRange> of(DraftAnalysis draft) {
    String text = draft.text();
    int[] marks = new int[text.length()];
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      marks[0] |= BOM;
    }
    for (PolicyLine line : draft.parsed().lines()) {
      int start =
          draft.lineBounds(line.number())[0]
              + (line.number() == 1 && text.startsWith("\uFEFF") ? 1 : 0);
      int key = start + line.keyColumn() - 1;
      mark(marks, key, key + line.key().length(), DEFINED.contains(line.key()) ? KEY : UNKNOWN_KEY);
      int colon = text.indexOf(':', key + line.key().length());
      if (colon >= 0) {
        mark(marks, colon, colon + 1, COLON);
      }
      int value = start + line.valueColumn() - 1;
      mark(marks, value, value + line.value().length(), VALUE);
    }
    for (Diagnostic d : draft.diagnostics()) {
      Severity s = d.finding().severity();
      mark(
          marks,
          d.start(),
          d.end(),
          s == Severity.ERROR ? ERROR : s == Severity.WARNING ? WARNING : INFO);
    }
    List<StyledRange> runs = new ArrayList<>();
    int i = 0;
    while (i < marks.length) {
      int j = i;
      while (j < marks.length && marks[j] == marks[i]) {
        j++;
      }
      runs.add(new StyledRange(j - i, styles(marks[i])));
      i = j;
    }
    return runs;
  }

  private static void mark(int[] marks, int from, int to, int bit) {
    for (int i = Math.max(0, from); i < Math.min(to, marks.length); i++) {
      marks[i] |= bit;
    }
  }

  private static List<String> styles(int mask) {
    List<String> out = new ArrayList<>();
    for (int b = 0; b < STYLES.length; b++) {
      if ((mask & (1 << b)) != 0) {
        out.add(STYLES[b]);
      }
    }
    return out;
  }
}
