package org.stslens.ui.stages.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Raw evidence as read-only, selectable monospace text with a Copy button. */
public final class EvidenceText extends VBox {

  private static final int MAX_ROWS = 18;
  private final TextArea area;

  public EvidenceText(String text) {
    this(text, false);
  }

  /**
   * @param wrap wrap long lines (for prose-like evidence); raw protocol text keeps its lines
   */
  public EvidenceText(String text, boolean wrap) {
    area = new TextArea(VisibleText.lines(text));
    area.setEditable(false);
    area.setWrapText(wrap);
    area.getStyleClass().addAll("evidence", "evidence-text");
    long lines = text.lines().count();
    area.setPrefRowCount((int) Math.max(1, Math.min(MAX_ROWS, lines + (wrap ? 1 : 0))));
    area.setMinHeight(USE_PREF_SIZE);
    Button copy = Copy.button(area::getText, "this text");
    HBox.setHgrow(area, Priority.ALWAYS);
    HBox row = new HBox(6, area, copy);
    row.setAlignment(Pos.TOP_LEFT);
    getChildren().add(row);
  }

  public String text() {
    return area.getText();
  }

  public TextArea area() {
    return area;
  }
}
