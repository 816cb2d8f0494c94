package org.stslens.workbench.edit;

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

  /** The editor text after the fix; edits are applied from the end so offsets stay valid. */
  public String applyTo(String text) {
    StringBuilder out = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt(TextEdit::start).reversed())
        .forEach(e -> out.replace(e.start(), Math.min(e.end(), out.length()), e.replacement()));
    return out.toString();
  }
}
