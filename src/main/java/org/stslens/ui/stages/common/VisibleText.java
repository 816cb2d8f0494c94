package org.stslens.ui.stages.common;

import org.stslens.engine.export.Visible;

/**
 * {@link Visible} for the screen: the same marks, but CR, LF and BOM as ASCII tags ({@code <CR>},
 * {@code <LF>}, {@code <BOM>}), because common monospace fonts (DejaVu Sans Mono, Consolas) have no
 * glyphs for the control pictures ␍ ␊ and would show empty boxes.
 */
public final class VisibleText {

  /** The legend to show next to text made visible. */
  public static final String LEGEND =
      "Invisible characters are shown: <CR> carriage return, <LF> line feed, → tab, <BOM>"
          + " byte-order mark, <ESC> escape, \\xNN other control characters, <U+XXXX> C1"
          + " controls and bidirectional marks.";

  private VisibleText() {}

  /** Server text for one line of a label or a table cell: every control is a mark. */
  public static String line(String text) {
    return Visible.line(text);
  }

  /** Server text shown on several lines: line feeds kept, every other control a mark. */
  public static String lines(String text) {
    return Visible.lines(text);
  }

  public static String of(String text, int max) {
    return Visible.of(text, max)
        .replace("␍", "<CR>")
        .replace("␊", "<LF>")
        .replace("⟨BOM⟩", "<BOM>");
  }
}
