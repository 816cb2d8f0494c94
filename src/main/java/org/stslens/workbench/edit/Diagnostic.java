package org.stslens.workbench.edit;

import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/**
 * A parser finding placed in the editor text.
 *
 * @param finding the engine's finding, unchanged
 * @param line 1-based editor line the finding is about (gutter marker)
 * @param start first underlined offset in the editor text
 * @param end offset after the underlined span; equal to {@code start} when the finding is about the
 *     whole draft (a missing field) or an empty line, which get a gutter marker only
 */
public record Diagnostic(Finding finding, int line, int start, int end) {

  public boolean underlined() {
    return end > start;
  }

  /** A missing field: about the draft as a whole, not about a place in it. */
  public boolean aboutWholeDraft() {
    return finding.code() == Code.POLICY_MISSING_VERSION
        || finding.code() == Code.POLICY_MISSING_MODE
        || finding.code() == Code.POLICY_MISSING_MAX_AGE;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }
}
