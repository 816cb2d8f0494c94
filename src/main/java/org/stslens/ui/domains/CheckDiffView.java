package org.stslens.ui.domains;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.stslens.engine.history.CheckDiff;
import org.stslens.engine.history.CheckDiffListing;
import org.stslens.ui.stages.common.VisibleText;

/**
 * Two stored checks side by side: the older on the left, the newer on the right, one titled section
 * per part of the check, each with a Copy button. A row that differs carries the style class {@code
 * diff-changed} (theme colours, so light and dark both work). Server text is shown with its
 * controls as marks.
 */
final class CheckDiffView {

  static final String CHANGED = "diff-changed";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final GridPane grid = new GridPane();
  private final ScrollPane root = new ScrollPane(grid);

  CheckDiffView() {
    grid.setId("domains-diff");
    grid.getStyleClass().add("check-diff");
    grid.setHgap(0);
    grid.setVgap(0);
    grid.setPadding(new Insets(4));
    ColumnConstraints label = new ColumnConstraints();
    label.setPercentWidth(20);
    ColumnConstraints older = new ColumnConstraints();
    older.setPercentWidth(40);
    ColumnConstraints newer = new ColumnConstraints();
    newer.setPercentWidth(40);
    grid.getColumnConstraints().setAll(label, older, newer);
    root.setFitToWidth(true);
    root.setFocusTraversable(false);
    show(null);
  }

  Node root() {
    return root;
  }

  /** Shows {@code d}, or a hint when there is none yet. */
  void show(CheckDiff d) {
    grid.getChildren().clear();
    if (d == null) {
      Label hint =
          new Label(
              "Pick two checks (the last two are picked) and press Compare: the older is shown"
                  + " on the left, the newer on the right, the rows that differ highlighted.");
      hint.setWrapText(true);
      grid.add(hint, 0, 0, 3, 1);
      return;
    }
    int row = 0;
    grid.add(cell("", "diff-head"), 0, row);
    grid.add(cell(side("Older", d.older()), "diff-head"), 1, row);
    grid.add(cell(side("Newer", d.newer()), "diff-head"), 2, row++);
    List<CheckDiff.Section> sections = d.sections();
    for (int i = 0; i < sections.size(); i++) {
      CheckDiff.Section s = sections.get(i);
      Label title = new Label(s.title() + (s.changed() ? "" : " (same)"));
      title.getStyleClass().add("title-4");
      Button copy = new Button("Copy");
      copy.setId("domains-diff-copy-" + i);
      copy.getStyleClass().add("small");
      copy.setOnAction(
          e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(CheckDiffListing.section(s));
            Clipboard.getSystemClipboard().setContent(c);
          });
      HBox head = new HBox(8, title, copy);
      head.setAlignment(Pos.CENTER_LEFT);
      head.setPadding(new Insets(8, 0, 2, 0));
      grid.add(head, 0, row++, 3, 1);
      if (s.rows().isEmpty()) {
        grid.add(cell("(none)", "diff-none"), 0, row++, 3, 1);
      }
      for (CheckDiff.Row r : s.rows()) {
        String style = r.changed() ? CHANGED : "diff-same";
        grid.add(cell(VisibleText.line(r.label()), style), 0, row);
        grid.add(cell(values(r.older()), style), 1, row);
        grid.add(cell(values(r.newer()), style), 2, row++);
      }
    }
  }

  private static String side(String which, CheckDiff.Side s) {
    return which + ": check " + s.id() + ", " + WHEN.format(s.checkedAt());
  }

  /** Each value on its own line, its controls as marks (a value never breaks a line itself). */
  private static String values(List<String> values) {
    return String.join("\n", values.stream().map(VisibleText::line).toList());
  }

  private static Label cell(String text, String style) {
    Label l = new Label(text);
    l.getStyleClass().addAll("diff-cell", style);
    l.setWrapText(true);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setMaxHeight(Double.MAX_VALUE);
    l.setPadding(new Insets(2, 6, 2, 6));
    GridPane.setHgrow(l, Priority.ALWAYS);
    GridPane.setFillWidth(l, true);
    GridPane.setFillHeight(l, true);
    GridPane.setHalignment(l, HPos.LEFT);
    GridPane.setValignment(l, VPos.TOP);
    return l;
  }
}
