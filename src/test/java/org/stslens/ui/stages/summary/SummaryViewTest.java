package org.stslens.ui.stages.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.common.FakeDialogService;
import org.stslens.ui.stages.ViewTestSupport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SummaryViewTest {

  private static final String DOMAIN = ViewTestSupport.DOMAIN;
  private static final String MX1 = ViewTestSupport.MX1;
  private static final String MX2 = ViewTestSupport.MX2;
  private static final DomainReport report = ViewTestSupport.secondHostWithoutStartTls();
  private SummaryView view;
  private final FakeDialogService dialogs = new FakeDialogService();

  @Start
  void start(Stage stage) {
    view = new SummaryView(report, Runnable::run, dialogs);
    ViewTestSupport.show(stage, (Parent) view.node());
  }

  /** The export button's handler runs on the FX thread; so does the test's call. */
  private static CompletableFuture<Path> onFxThread(Callable<CompletableFuture<Path>> export)
      throws Exception {
    return WaitForAsyncUtils.asyncFx(export).get(10, TimeUnit.SECONDS);
  }

  @Test
  void verdictIsSaidInPlainWords(FxRobot robot) {
    assertThat(robot.lookup("#verdict-reason").queryAs(Label.class).getText())
        .isEqualTo(report.verdictReason());
    assertThat(robot.lookup("#mx-verdicts .label").queryAllAs(Label.class))
        .extracting(Label::getText)
        .anyMatch(t -> t.contains(MX1) && t.contains("deliver"))
        .anyMatch(
            t -> t.contains(MX2) && t.contains("refuse") && t.contains("smtp.starttls-missing"));
  }

  @Test
  void jsonExportWritesAFileThatParses(FxRobot robot, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.json");

    Path written = onFxThread(() -> view.export(ReportFormat.JSON, file)).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(written).isEqualTo(file);
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.get("domain").asText()).isEqualTo(DOMAIN);
    assertThat(json.get("verdict").asText()).isEqualTo(report.verdict().word());
    assertThat(view.exportStatus().getText()).startsWith("Saved JSON report");
  }

  @Test
  void theExportButtonWritesWhereTheUserChose(FxRobot robot, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("chosen.md");
    dialogs.choose(file);

    // below the fold of the test window: pressed as the keyboard would, not clicked
    robot.interact(() -> robot.lookup("#export-md").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.exportStatus().getText().startsWith("Saved"));

    assertThat(dialogs.fileDialogs)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.initialFileName()).isEqualTo("mta-sts-example.test.md");
              assertThat(d.filters())
                  .singleElement()
                  .satisfies(f -> assertThat(f.patterns()).containsExactly("*.md"));
            });
    assertThat(Files.readString(file)).contains(DOMAIN);
  }

  @Test
  void failedExportIsShownNotThrown(FxRobot robot, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("no-such-dir").resolve("report.md");

    onFxThread(() -> view.export(ReportFormat.MD, file))
        .handle((p, e) -> e)
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.exportStatus().getText()).startsWith("Could not save the report");
    assertThat(view.exportStatus().getStyleClass()).contains("export-status-error");
  }
}
