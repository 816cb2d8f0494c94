package org.stslens.ui.shell;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.stslens.ui.common.Icons;

/** A row of the stage list: live status icon, title, duration. */
final class StageListCell extends ListCell<StageItem> {

  private final Label title = new Label();
  private final Label duration = new Label();
  private final HBox box = new HBox(8);
  // one tooltip per cell, its text changed: a new one per update builds and styles a popup scene
  private final Tooltip tooltip = new Tooltip();
  private org.stslens.engine.report.StageStatus iconShown;
  private final InvalidationListener refresh = o -> refresh();
  private StageItem shown;

  StageListCell() {
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    title.getStyleClass().add("stage-name");
    duration.getStyleClass().addAll("muted", "stage-time");
    // A narrow list (a 1024-pixel screen, a long MX name) shortens the title with an ellipsis and
    // keeps the time whole; the cell follows the list's width instead of scrolling sideways.
    title.setMinWidth(0);
    title.setTooltip(tooltip);
    duration.setMinWidth(Region.USE_PREF_SIZE);
    setPrefWidth(0);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getChildren().addAll(new Label(), title, spacer, duration);
  }

  @Override
  protected void updateItem(StageItem item, boolean empty) {
    super.updateItem(item, empty);
    if (shown != null) {
      shown.statusProperty().removeListener(refresh);
      shown.durationMillisProperty().removeListener(refresh);
      shown.tlsaStepProperty().removeListener(refresh);
    }
    shown = empty ? null : item;
    if (shown == null) {
      setGraphic(null);
      setText(null);
      return;
    }
    shown.statusProperty().addListener(refresh);
    shown.durationMillisProperty().addListener(refresh);
    shown.tlsaStepProperty().addListener(refresh);
    refresh();
    setGraphic(box);
  }

  private void refresh() {
    if (shown == null) {
      return;
    }
    if (iconShown != shown.status()) {
      // a new icon only when the status changed: the duration ticks far more often
      iconShown = shown.status();
      box.getChildren().set(0, Icons.status(iconShown));
    }
    title.setText(shown.title());
    // an MX host's TLSA look-up, told beside its probe, in the tooltip of its row
    tooltip.setText(shown.title() + shown.tlsaStep().map(l -> "\nTLSA: " + l.shown()).orElse(""));
    title.setTooltip(tooltip);
    long ms = shown.durationMillisProperty().get();
    boolean noTime = ms < 0 || shown.status() == org.stslens.engine.report.StageStatus.SKIPPED;
    duration.setText(noTime ? shown.status().word() : ms + " ms");
    setAccessibleText(shown.title() + ", " + shown.status().word());
  }
}
