package org.stslens.workbench.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A change the editor offers for a diagnostic. A fix with no edits only explains (an mx pattern
 * that cannot be repaired mechanically).
 *
 * @param title what the fix does, as a menu item
 * @param explanation why, in plain language (may be empty)
 * @param edits non-overlapping edits of the editor text
 */
public record QuickFix(String title, String explanation, List<TextEdit> edits) {

  public QuickFix {
    explanation = explanation == null ? "" : explanation;
    edits = List.copyOf(edits);
  }

  public boolean changesText() {
    return !edits.isEmpty();
  }

  /**
   * The editor text after the fix, as if the edits were applied one by one from the end (so that
   * offsets stay valid; of two insertions at one offset the later one comes first). Built in one
   * pass: replacing in place would move the rest of the text once per edit, and the blank-line fix
   * of a large draft has one edit per blank line.
   */
  public String applyTo(String text) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingInt(i -> edits.get(i).start())
            .thenComparing(Comparator.reverseOrder()));
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int i : order) {
      TextEdit e = edits.get(i);
      if (e.start() > text.length()) {
        throw new IndexOutOfBoundsException("edit at " + e.start() + " past " + text.length());
      }
      out.append(text, copied, Math.max(copied, e.start())).append(e.replacement());
      copied = Math.max(copied, Math.min(e.end(), text.length()));
    }
    return out.append(text, copied, text.length()).toString();
  }
}
