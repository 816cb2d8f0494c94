package org.stslens.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.tlsrpt.reports.ReportWriter;
import org.stslens.ui.common.FakeDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Report files are written by senders: an organisation name or MX host holding escape sequences and
 * bidirectional overrides is shown with its controls as marks, in the tables, the chart and the
 * domain chooser.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsServerTextTest {

  private static final String EVIL = "Evil\\u001b[31m Org\\u202etxt.exe";
  private ReportsViewModel vm;

  @Start
  void start(Stage stage) {
    vm =
        new ReportsViewModel(
            Runnable::run,
            Runnable::run,
            new ReportsViewModel.Retester() {
              @Override
              public boolean start(String domain) {
                return false;
              }

              @Override
              public void cancel() {}
            });
    stage.setScene(new Scene(new ReportsView(vm, new FakeDialogService()).root(), 1024, 700));
    stage.show();
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c == 0x1b || c == 0x202e);
  }

  @Test
  void namesFromReportFilesShowTheirControlsAsMarks(FxRobot robot) throws Exception {
    Path dir = Files.createTempDirectory("reports-escapes");
    ReportWriter.write(
        dir,
        "evil.json",
        ReportWriter.json(
            EVIL,
            "r-1",
            LocalDate.of(2026, 12, 1),
            "example.test",
            10,
            List.of(
                new ReportWriter.Failure("certificate-expired", "mx\\u001b[2J.example.test", 3))));
    robot.interact(() -> vm.open(List.of(dir)));
    WaitForAsyncUtils.waitForFxEvents();

    List<String> shown = new ArrayList<>();
    robot.lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
        .map(Labeled::getText)
        .filter(t -> t != null)
        .forEach(shown::add);
    for (String id : List.of("#reports-table-mx", "#reports-table-organization")) {
      TableView<?> table = robot.lookup(id).queryAs(TableView.class);
      assertThat(table.getItems()).isNotEmpty();
    }
    assertThat(shown).noneMatch(ReportsServerTextTest::hasControl);
    assertThat(shown).anyMatch(t -> t.contains("Evil<ESC>[31m Org<U+202E>txt.exe"));
  }
}
