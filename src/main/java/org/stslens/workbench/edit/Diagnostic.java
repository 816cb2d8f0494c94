package org.stslens.workbench.edit;

import org.stslens.engine.finding.Finding;

/**
 * A parser finding placed in the editor text.
 *
 * @param finding the engine's finding, unchanged
 * @param line 1-based editor line the finding is about (gutter marker); 0 for the whole draft
 * @param start first underlined offset in the editor text
 * @param end offset after the underlined span; equal to {@code start} when the finding is about the
 *     whole draft (a missing field) or an empty line, which get a gutter marker only
 */
public record Diagnostic(Finding finding, int line, int start, int end) {

  public boolean underlined() {
    return end > start;
  }

  /** About the draft as a whole (a missing field), not about a place in it. */
  public boolean aboutWholeDraft() {
    return line == 0;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }
}
