package org.stslens.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.workbench.edit.DraftAnalysis;
import org.stslens.workbench.evaluate.DraftEvaluation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The trial pane names a bounded number of unused patterns: a 64 KiB draft holds thousands, and a
 * wrapped label with all of them was laid out again on every key (issue 14, item 6: it held the
 * keystroke-to-underline time in a 64 KiB draft above 100 ms).
 */
@ExtendWith(ApplicationExtension.class)
class TryAgainstMxPaneTest {

  private TryAgainstMxPane pane;

  @Start
  void start(Stage stage) {
    pane = new TryAgainstMxPane(() -> {});
    stage.setScene(new Scene(pane.node(), 800, 600));
    stage.show();
  }

  @Test
  void thousandsOfUnusedPatternsAreCountedNotListed(FxRobot robot) {
    StringBuilder draft = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    for (int i = 0; i < 3000; i++) {
      draft.append(String.format(Locale.ROOT, "mx: mx%05d.example.com\n", i));
    }
    DraftEvaluation evaluation =
        DraftEvaluation.of(DraftAnalysis.of(draft.toString()).parsed(), List.of());
    assertThat(evaluation.unusedPatterns()).hasSize(3000);

    robot.interact(() -> pane.show(evaluation, null, "example.com"));

    String gaps = robot.lookup("#try-gaps").queryAs(Label.class).getText();
    assertThat(gaps)
        .startsWith("Patterns that match no MX host: mx00000.example.com, mx00001.example.com")
        .contains("mx00019.example.com and 2980 more")
        .doesNotContain("mx00020.example.com");
  }

  @Test
  void aFewUnusedPatternsAreAllNamed(FxRobot robot) {
    DraftEvaluation evaluation =
        DraftEvaluation.of(
            DraftAnalysis.of(
                    "version: STSv1\nmode: enforce\nmx: a.example.com\nmx: b.example.com\n"
                        + "max_age: 604800\n")
                .parsed(),
            List.of());

    robot.interact(() -> pane.show(evaluation, null, "example.com"));

    assertThat(robot.lookup("#try-gaps").queryAs(Label.class).getText())
        .isEqualTo("Patterns that match no MX host: a.example.com, b.example.com.");
  }
}
