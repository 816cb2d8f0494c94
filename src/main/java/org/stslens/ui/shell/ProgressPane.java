package org.stslens.ui.shell;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.stslens.engine.report.StageStatus;

/**
 * What the main pane shows while a check runs and nothing is finished to show yet: every stage,
 * pending, running (with the time it has been running, ticking) or done (with its time); before
 * that, that the lab's servers are starting. The ticking is a Timeline on the FX thread that only
 * reads the rows, and stops when the pane leaves the scene.
 */
final class ProgressPane extends ScrollPane {

  private final CheckViewModel vm;
  private final Label heading = new Label();
  private final GridPane rows = new GridPane();
  private final long shownNanos = System.nanoTime();
  private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> render()));

  ProgressPane(CheckViewModel vm) {
    this.vm = vm;
    setId("progress-pane");
    heading.getStyleClass().add("section-title");
    heading.setWrapText(true);
    rows.setHgap(16);
    rows.setVgap(6);
    rows.setId("progress-rows");
    VBox box = new VBox(12, heading, rows);
    box.setPadding(new Insets(24));
    box.setMaxWidth(720);
    setContent(box);
    setFitToWidth(true);
    ticker.setCycleCount(Animation.INDEFINITE);
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                ticker.stop();
              } else {
                ticker.play();
              }
            });
    render();
  }

  private void render() {
    String starting = vm.startingProperty().get();
    rows.getChildren().clear();
    if (!starting.isEmpty()) {
      heading.setText(starting + " " + seconds((System.nanoTime() - shownNanos) / 1_000_000));
      return;
    }
    heading.setText(vm.statusProperty().get());
    int row = 0;
    for (StageItem item : vm.stages()) {
      if (item.kind() == StageItem.Kind.SUMMARY) {
        continue;
      }
      Label title = new Label(item.title());
      title.setMnemonicParsing(false);
      Label state = new Label(stateOf(item));
      state.getStyleClass().add("progress-" + item.status().word());
      rows.addRow(row++, title, state);
      if (item.tlsaStep().isPresent()) {
        rows.addRow(row++, tlsaTitle(), tlsaState(item.tlsaStep().get()));
      }
    }
  }

  /** The TLSA look-up of an MX host, beside its probe: one line under the host's row. */
  private static Label tlsaTitle() {
    Label title = new Label("DANE: TLSA look-up");
    title.getStyleClass().add("muted");
    title.setPadding(new Insets(0, 0, 0, 16));
    return title;
  }

  private static Label tlsaState(StepLine line) {
    Label state = new Label(line.shown());
    state.setWrapText(true);
    state.getStyleClass().add(line.step().isFailure() ? "severity-error" : "muted");
    state.setId("progress-tlsa");
    return state;
  }

  private static String stateOf(StageItem item) {
    StageStatus s = item.status();
    return switch (s) {
      case PENDING -> "waiting";
      case RUNNING -> "running, " + seconds(item.runningMillis());
      case SKIPPED -> "skipped";
      case PASS, WARN, FAIL, NOT_APPLIED ->
          "done in " + seconds(item.durationMillisProperty().get());
    };
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f s", Math.max(0, millis) / 1000.0);
  }
}
