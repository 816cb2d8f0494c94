package org.stslens.workbench.publish;

import java.nio.charset.StandardCharsets;

/**
 * The canonical form of a policy file as the workbench saves and publishes it: UTF-8 without BOM,
 * every line ending CRLF, no trailing blank lines, exactly one final CRLF. RFC 8461 §3.2 allows LF
 * too, but CRLF is what its prose shows and what the strictest senders expect; a BOM makes some
 * senders reject the first key. Pure functions.
 */
public final class PolicyFileBytes {

  static final String CRLF = "\r\n";
  private static final char BOM = '\uFEFF';

  private PolicyFileBytes() {}

  /**
   * The canonical text of {@code editorText}. A lone CR is taken as a line end too (old Mac files):
   * in a policy it can only be a mistake. Blank text gives the empty string.
   */
  public static String canonicalText(String editorText) {
    String text = editorText == null ? "" : editorText;
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int end = lines.length;
    while (end > 0 && lines[end - 1].isBlank()) {
      end--;
    }
    StringBuilder out = new StringBuilder(text.length() + end);
    for (int i = 0; i < end; i++) {
      out.append(lines[i]).append(CRLF);
    }
    return out.toString();
  }

  /** The bytes to publish at {@code /.well-known/mta-sts.txt}: the canonical text in UTF-8. */
  public static byte[] of(String editorText) {
    return canonicalText(editorText).getBytes(StandardCharsets.UTF_8);
  }
}
