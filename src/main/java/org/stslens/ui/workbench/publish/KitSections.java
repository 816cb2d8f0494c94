package org.stslens.ui.workbench.publish;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.stslens.ui.stages.common.Texts;

/** Layout pieces of the publishing kit pane: titled sections and read-only code areas. */
final class KitSections {

  private KitSections() {}

  /** A section: bold title, one line saying what it is for, then the body. */
  static VBox section(String title, String intro, Node body) {
    VBox box = new VBox(8, Texts.sectionTitle(title), Texts.wrapping(intro, "muted"), body);
    box.getStyleClass().add("kit-section");
    return box;
  }

  static Label subTitle(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("kit-subtitle");
    return label;
  }

  /** Read-only monospace text that can be selected but never wraps (config lines stay intact). */
  static TextArea code(String text, int rows) {
    TextArea area = new TextArea(text);
    area.setEditable(false);
    area.setWrapText(false);
    area.setPrefRowCount(Math.max(rows, 2));
    area.getStyleClass().addAll("evidence", "kit-code");
    area.setFocusTraversable(true);
    return area;
  }
}
