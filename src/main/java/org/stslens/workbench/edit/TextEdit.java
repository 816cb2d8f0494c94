package org.stslens.workbench.edit;

/**
 * Replace the characters {@code [start, end)} of the editor text with {@code replacement}.
 *
 * @param start first offset replaced
 * @param end offset after the last one replaced ({@code start} for an insertion)
 * @param replacement the new text
 */
public record TextEdit(int start, int end, String replacement) {

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
    replacement = replacement == null ? "" : replacement;
  }

  public static TextEdit insert(int at, String text) {
    return new TextEdit(at, at, text);
  }

  public static TextEdit delete(int start, int end) {
    return new TextEdit(start, end, "");
  }
}
