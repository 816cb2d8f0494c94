package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Escape sequences and bidi overrides a policy host sends are shown as marks on screen. */
@ExtendWith(ApplicationExtension.class)
class ServerTextOnScreenTest {

  private static DomainReport report;
  private final ViewTestSupport.RecordingContext ctx = new ViewTestSupport.RecordingContext();

  @BeforeAll
  static void check() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world =
        LabWorld.start(
            ScenarioCatalog.load().byId("policy-headers-escapes").orElseThrow(), false)) {
      report =
          new MtaStsChecker(world.options(), pool, timer).check(world.domain(), CheckListener.NONE);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  @Start
  void start(Stage stage) {
    StageReport retrieval =
        ViewTestSupport.stage(report, org.stslens.engine.finding.CheckStage.RETRIEVAL);
    ViewTestSupport.show(stage, (ScrollPane) StageViews.forStage(retrieval, ctx.context()));
  }

  private static boolean hasControl(String s) {
    return s.chars()
        .anyMatch(
            c ->
                (c < 0x20 && c != '\n')
                    || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200e
                    || c == 0x200f
                    || c == 0x061c);
  }

  @Test
  void headersAndContentTypeShowTheirControlsAsMarks(FxRobot robot) {
    List<String> shown = new ArrayList<>();
    robot.lookup(".label").queryAllAs(Label.class).forEach(l -> shown.add(l.getText()));
    TableView<?> headers = robot.lookup("#headers").queryAs(TableView.class);
    for (int row = 0; row < headers.getItems().size(); row++) {
      for (var column : headers.getColumns()) {
        shown.add(String.valueOf(column.getCellData(row)));
      }
    }

    assertThat(shown).noneMatch(ServerTextOnScreenTest::hasControl);
    assertThat(shown)
        // HTTP header bytes are read as ISO-8859-1: the UTF-8 of U+202E arrives as "â", U+0080, "®"
        .anyMatch(s -> s.contains("<ESC>[31mred<ESC>[0m â<U+0080>®evil"))
        .anyMatch(s -> s.startsWith("text/plain; charset=utf-8; x=<ESC>[2J<ESC>[H<ESC>]0;pwned"));
  }
}
