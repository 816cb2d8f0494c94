package org.stslens.workbench.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * The two forms of a draft's text. The editor holds lines separated by LF only (a code area turns
 * every CR, CRLF or LF into a paragraph break); the parser sees what saving writes: CRLF line ends
 * (RFC 8461 §3.2 shows CRLF). A BOM stays in both, so the editor can show and fix it.
 */
public final class DraftText {

  private DraftText() {}

  /** The text the parser reads for an editor text: every LF becomes CRLF. */
  public static String forParsing(String editorText) {
    return editorText.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /**
   * The editor text for a file's or server's text, and what the conversion changed: CRLF and LF
   * become LF; a bare CR, which RFC 8461 does not treat as a line end, also becomes a line break in
   * the editor, and a note says so because the meaning changed.
   */
  public static Loaded forEditor(String original) {
    List<String> notes = new ArrayList<>();
    int crlf = 0;
    int lf = 0;
    int bareCr = 0;
    int firstBareCrLine = 0;
    int line = 1;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c == '\r') {
        if (i + 1 < original.length() && original.charAt(i + 1) == '\n') {
          crlf++;
          i++;
        } else if (bareCr++ == 0) {
          firstBareCrLine = line;
        }
        line++;
      } else if (c == '\n') {
        lf++;
        line++;
      }
    }
    if (lf > 0) {
      notes.add(
          crlf > 0
              ? "The original mixes CRLF and LF line endings; saving writes CRLF everywhere."
              : "The original uses LF line endings; saving writes CRLF.");
    }
    if (bareCr > 0) {
      notes.add(
          "The original contains "
              + bareCr
              + " bare CR character"
              + (bareCr == 1 ? "" : "s")
              + " (first on line "
              + firstBareCrLine
              + "). Senders do not treat a bare CR as a line end, so those lines ran together;"
              + " the editor shows them as separate lines.");
    }
    String text = original.replace("\r\n", "\n").replace('\r', '\n');
    return new Loaded(text, List.copyOf(notes));
  }

  /**
   * An editor text and the notes about what loading it changed.
   *
   * @param text LF-separated editor text
   * @param notes plain-language notes, empty when nothing changed
   */
  public record Loaded(String text, List<String> notes) {}
}
