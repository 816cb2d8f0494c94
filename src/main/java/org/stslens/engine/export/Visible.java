package org.stslens.engine.export;

/** Makes invisible characters of server-supplied text visible: CR, LF, tab, BOM, controls. */
public final class Visible {

  private Visible() {}

  /** The text with ␍ ␊ → ⟨BOM⟩ and \xNN marks, cut after {@code max} characters. */
  public static String of(String text, int max) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(text.length(), max);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("␍");
        case '\n' -> out.append("␊\n");
        case '\t' -> out.append("→");
        case '\uFEFF' -> out.append("⟨BOM⟩");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (text.length() > max) {
      out.append("\n… (").append(text.length() - max).append(" more characters)");
    }
    return out.toString();
  }
}
