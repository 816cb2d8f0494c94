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
          + " byte-order mark, \\xNN other control characters.";

  private VisibleText() {}

  public static String of(String text, int max) {
    return Visible.of(text, max)
        .replace("␍", "<CR>")
        .replace("␊", "<LF>")
        .replace("⟨BOM⟩", "<BOM>");
  }
}
