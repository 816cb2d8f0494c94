package org.stslens.ui.stages.retrieval;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.stslens.engine.fetch.FetchTimings;
import org.stslens.ui.stages.common.Texts;

/** Where the time of the fetch went: one labelled bar per phase, scaled to the total. */
final class TimingBars {

  private static final double WIDTH = 360;

  private TimingBars() {}

  static GridPane of(FetchTimings t) {
    GridPane grid = new GridPane();
    grid.setId("timings");
    grid.setHgap(10);
    grid.setVgap(4);
    long total = Math.max(1, t.total());
    row(grid, 0, "DNS look-up", t.dns(), total);
    row(grid, 1, "TCP connect (port 443)", t.connect(), total);
    row(grid, 2, "TLS handshake", t.tls(), total);
    row(grid, 3, "Request to first byte", t.firstByte(), total);
    row(grid, 4, "Total", t.total(), total);
    return grid;
  }

  private static void row(GridPane grid, int row, String name, long value, long total) {
    Label label = new Label(name);
    label.getStyleClass().add("fact-key");
    Pane track = new Pane();
    track.getStyleClass().add("timing-track");
    track.setPrefSize(WIDTH, 12);
    track.setMinSize(WIDTH, 12);
    track.setMaxSize(WIDTH, 12);
    if (value >= 0) {
      Region bar = new Region();
      bar.getStyleClass().add("timing-bar");
      bar.setPrefSize(Math.max(2, WIDTH * Math.min(1.0, value / (double) total)), 12);
      track.getChildren().add(bar);
    }
    Label ms = new Label(value < 0 ? "not reached" : Texts.millis(value));
    ms.getStyleClass().add("muted");
    grid.addRow(row, label, track, ms);
    GridPane.setValignment(track, javafx.geometry.VPos.CENTER);
    grid.setAlignment(Pos.CENTER_LEFT);
  }
}
