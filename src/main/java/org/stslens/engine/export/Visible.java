package org.stslens.engine.export;

/**
 * Makes invisible characters of server-supplied text visible: CR, LF, tab, BOM, C0 and C1 controls,
 * ESC and the bidirectional controls that reorder what a terminal or a screen shows. Every text
 * output (terminal, Markdown, the GUI) routes server text through here; JSON keeps raw values.
 */
public final class Visible {

  private Visible() {}

  /** The text with ␍ ␊ → ⟨BOM⟩ and control marks, cut after {@code max} characters. */
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
        default -> append(c, out);
      }
    }
    if (text.length() > max) {
      out.append("\n… (").append(text.length() - max).append(" more characters)");
    }
    return out.toString();
  }

  /** The text on one line: every control, line breaks and tabs included, becomes a mark. */
  public static String line(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      append(text.charAt(i), out);
    }
    return out.toString();
  }

  /** The text with its line feeds kept and every other control made a mark. */
  public static String lines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
      } else {
        append(c, out);
      }
    }
    return out.toString();
  }

  /** Whether a terminal or a text view would act on {@code c} rather than show it. */
  public static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061C' // Arabic letter mark
        || c == '\u200E' // left-to-right mark
        || c == '\u200F' // right-to-left mark
        || (c >= '\u202A' && c <= '\u202E') // embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069') // isolates
        || c == '\u2028' // line separator
        || c == '\u2029' // paragraph separator
        || c == '\uFEFF';
  }

  private static void append(char c, StringBuilder out) {
    if (!isControl(c)) {
      out.append(c);
      return;
    }
    switch (c) {
      case '\u001B' -> out.append("<ESC>");
      case '\r' -> out.append("<CR>");
      case '\n' -> out.append("<LF>");
      case '\t' -> out.append("<TAB>");
      case '\uFEFF' -> out.append("<BOM>");
      default -> {
        if (c < 0x80) {
          out.append(String.format("\\x%02X", (int) c));
        } else {
          out.append(String.format("<U+%04X>", (int) c));
        }
      }
    }
  }
}
