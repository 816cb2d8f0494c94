package org.stslens.workbench.edit;

import java.util.List;

/**
 * A run of the editor text with the style classes it gets ({@code pk-key}, {@code pk-value}, {@code
 * pk-error} ...); consecutive ranges cover the whole text.
 */
public record StyledRange(int length, List<String> styles) {

  public StyledRange {
    styles = List.copyOf(styles);
  }
}
