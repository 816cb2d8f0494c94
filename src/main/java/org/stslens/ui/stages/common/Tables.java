package org.stslens.ui.stages.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/** Read-only evidence tables sized to their rows, so the page scrolls rather than the table. */
public final class Tables {

  private static final double ROW = 30;
  private static final double HEADER = 36;
  private static final double SHORT_VALUES = 120;

  private Tables() {}

  public static <T> TableView<T> of(List<T> rows) {
    TableView<T> table = new TableView<>();
    table.getItems().setAll(rows);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setFixedCellSize(ROW);
    fitRows(table, rows.size());
    table.getStyleClass().addAll("bordered", "dense");
    return table;
  }

  /** Heights the table to show {@code count} rows without an inner scroll bar. */
  public static void fitRows(TableView<?> table, int count) {
    double height = ROW * Math.max(1, count) + HEADER + 4;
    table.setPrefHeight(height);
    table.setMinHeight(height);
    table.setMaxHeight(height);
  }

  /** A text column. */
  public static <T> TableColumn<T, String> column(
      String title, double prefWidth, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>(title);
    column.setCellValueFactory(
        c -> new ReadOnlyStringWrapper(VisibleText.line(value.apply(c.getValue()))));
    column.setPrefWidth(prefWidth);
    if (prefWidth <= SHORT_VALUES) {
      // short values (type, result, TTL, time, server) must never be squeezed into "...": the
      // long ones (names, answers) give way, and keep their full text in a tooltip
      column.setMinWidth(prefWidth);
    }
    column.setSortable(false);
    column.setCellFactory(c -> new TextCell<>());
    return column;
  }

  /**
   * A text cell whose whole value stays readable in a tooltip when the column is too narrow for it.
   * The tooltip is made when the pointer first enters the cell, then kept and its text changed: a
   * tooltip builds and styles a popup scene, and one per cell made on every update was much of what
   * a table's first layout cost on the FX thread.
   */
  static final class TextCell<T> extends TableCell<T, String> {
    private Tooltip tooltip;

    TextCell() {
      addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showTooltip());
    }

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      setText(empty ? null : text);
      if (tooltip != null) {
        showTooltip();
      }
    }

    private void showTooltip() {
      String text = getText();
      if (isEmpty() || text == null || text.isEmpty()) {
        setTooltip(null);
        return;
      }
      if (tooltip == null) {
        tooltip = new Tooltip();
      }
      tooltip.setText(text);
      setTooltip(tooltip);
    }
  }
}
