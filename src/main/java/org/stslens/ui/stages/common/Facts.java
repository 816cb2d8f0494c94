package org.stslens.ui.stages.common;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column list of labelled facts ("URL", "Status"...), values wrapping when long. */
public final class Facts extends GridPane {

  private int rows;

  public Facts() {
    getStyleClass().add("facts");
    setHgap(14);
    setVgap(6);
    ColumnConstraints keys = new ColumnConstraints();
    keys.setMinWidth(USE_PREF_SIZE);
    keys.setHalignment(HPos.LEFT);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    values.setFillWidth(true);
    getColumnConstraints().addAll(keys, values);
  }

  /** Adds a row with a text value. */
  public Label add(String key, String value, String... valueStyles) {
    Label label = Texts.wrapping(value, valueStyles);
    add(key, label);
    return label;
  }

  /** Adds a row with any node as its value. */
  public Facts add(String key, Node value) {
    Label k = new Label(key);
    k.getStyleClass().add("fact-key");
    GridPane.setValignment(k, VPos.TOP);
    GridPane.setValignment(value, VPos.TOP);
    add(k, 0, rows);
    add(value, 1, rows);
    rows++;
    return this;
  }

  public boolean isEmpty() {
    return rows == 0;
  }
}
