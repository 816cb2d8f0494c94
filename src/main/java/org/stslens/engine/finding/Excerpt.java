package org.stslens.engine.finding;

/**
 * Quotes untrusted input inside a finding message: short, one line, control characters made
 * visible. Hostile input (a 64 KiB line, NUL bytes) must not turn into a 64 KiB message.
 */
public final class Excerpt {

  private static final int MAX_CHARS = 60;

  private Excerpt() {}

  /** The text in backquotes, cut after 60 characters, with CR, LF, TAB and controls escaped. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("`");
    int end = Math.min(text.length(), MAX_CHARS);
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // do not cut a surrogate pair in half
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !isPaired(text, i)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('`');
    if (end < text.length()) {
      out.append(" (").append(text.length() - end).append(" more characters)");
    }
    return out.toString();
  }

  /** {@code U+00E9}: how a character is named in messages. */
  public static String codePointName(int codePoint) {
    return String.format("U+%04X", codePoint);
  }

  private static boolean isPaired(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
