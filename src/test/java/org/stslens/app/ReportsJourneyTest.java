package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.tlsrpt.reports.ReportWriter;
import org.stslens.engine.tlsrpt.reports.RetestLink;
import org.stslens.ui.reports.ReportsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reports screen as a user meets it: open a folder of reports, read the chart of the days, pick
 * a result type and read what it means, then re-test the domain (a lab world on loopback) and read,
 * beside the failure, whether its cause is still there.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsJourneyTest {

  private static final String LAB = "one-good-one-bad-mx.lab.example";

  private final DesktopRig rig = new DesktopRig();
  private Desktop desktop;
  @TempDir Path reports;

  @Start
  void start(Stage stage) throws Exception {
    desktop = rig.desktop(Files.createTempDirectory("stslens-reports"));
    desktop.show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void writeReports() throws Exception {
    ReportWriter.write(
        reports,
        "google.json",
        ReportWriter.json(
            "Sender One",
            "g-1",
            LocalDate.of(2026, 11, 1),
            LAB,
            100,
            List.of(
                new ReportWriter.Failure("certificate-expired", "mx2." + LAB, 6),
                new ReportWriter.Failure("starttls-not-supported", "mx1." + LAB, 2))));
    ReportWriter.write(
        reports.resolve("later"),
        "microsoft.json",
        ReportWriter.json(
            "Sender Two",
            "m-1",
            LocalDate.of(2026, 11, 2),
            LAB,
            50,
            List.of(new ReportWriter.Failure("certificate-expired", "mx2." + LAB, 4))));
    Files.writeString(reports.resolve("junk.zip"), "not a zip");
  }

  @Test
  void openChartExplainAndReTestAgainstALabWorld(FxRobot robot) throws Exception {
    writeReports();
    // the domain of the reports is a lab world's: run it, so checks of it go to its servers
    robot.clickOn("#lab");
    ListView<org.stslens.ui.lab.LabScenarioInfo> scenarios =
        robot.lookup("#lab-scenarios").queryListView();
    robot.interact(
        () ->
            scenarios.getItems().stream()
                .filter(i -> i.id().equals("one-good-one-bad-mx"))
                .findFirst()
                .ifPresent(i -> scenarios.getSelectionModel().select(i)));
    robot.clickOn("#lab-run");
    waitUntil(
        () ->
            desktop.viewModel().reportProperty().get() != null
                && !desktop.viewModel().runningProperty().get());

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#reports").queryAs(ToggleButton.class).isSelected()).isTrue();
    // what a drop onto the window does
    robot.interact(() -> desktop.reports().open(List.of(reports)));
    ReportsViewModel vm = desktop.reportsModel();
    waitUntil(() -> !vm.importingProperty().get() && !vm.domains().isEmpty());

    assertThat(robot.lookup("#reports-status").queryAs(Label.class).getText())
        .isEqualTo("2 reports of 1 domain; 1 files skipped (listed below)");
    ListView<?> skipped = robot.lookup("#reports-skipped").queryListView();
    assertThat(skipped.getItems()).hasSize(1);
    assertThat(skipped.getItems().get(0).toString()).contains("not a zip archive");

    @SuppressWarnings("unchecked")
    StackedBarChart<String, Number> days =
        (StackedBarChart<String, Number>) robot.lookup("#reports-days").query();
    assertThat(days.getData())
        .extracting(XYChart.Series::getName)
        .containsExactly("Successful", "Failed");
    assertThat(points(days.getData().get(0))).containsExactly("2026-11-01=100", "2026-11-02=50");
    assertThat(points(days.getData().get(1))).containsExactly("2026-11-01=8", "2026-11-02=4");

    TableView<?> types = robot.lookup("#reports-table-result-type").queryTableView();
    assertThat(types.getItems()).hasSize(2);
    robot.clickOn(cell(robot, "starttls-not-supported"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#reports-type-title").queryAs(Label.class).getText())
        .isEqualTo("starttls-not-supported");
    assertThat(texts(robot.lookup("#reports-explanation").query()))
        .anyMatch(t -> t.contains("did not offer STARTTLS"))
        .anyMatch(t -> t.contains("smtp.starttls-missing"));

    robot.clickOn(cell(robot, "certificate-expired"));
    robot.clickOn("#reports-retest");
    waitUntil(() -> !vm.retestingProperty().get() && !vm.links().isEmpty());

    ListView<RetestLink> links = robot.lookup("#reports-links").queryListView();
    assertThat(links.getItems())
        .extracting(RetestLink::words)
        .anyMatch(
            w ->
                w.startsWith(
                    "certificate-expired on mx2." + LAB + ": still expired (tls.cert-expired)"))
        .anyMatch(w -> w.startsWith("starttls-not-supported on mx1." + LAB + ": not seen today"));
    assertThat(texts(robot.lookup("#reports-explanation").query()))
        .anyMatch(
            t ->
                t.startsWith(
                    "certificate-expired on mx2." + LAB + ": still expired (tls.cert-expired)"));
    // the re-test was the lab world's check, not the Internet's
    assertThat(desktop.viewModel().reportProperty().get().origin().isLab()).isTrue();
  }

  /** The cell of the result-type table that shows {@code text} (the chart shows it too). */
  private static Node cell(FxRobot robot, String text) {
    return robot.lookup("#reports-table-result-type .table-cell").queryAll().stream()
        .filter(
            n ->
                n instanceof javafx.scene.control.TableCell<?, ?> c
                    && text.equals(String.valueOf(c.getItem()))
                    // the table's hidden measuring row holds items too
                    && c.getTableRow() != null
                    && c.getTableRow().isVisible())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell " + text));
  }

  private static List<String> points(XYChart.Series<String, Number> series) {
    return series.getData().stream().map(d -> d.getXValue() + "=" + d.getYValue()).toList();
  }

  private static List<String> texts(Node box) {
    return box.lookupAll(".label").stream()
        .filter(Label.class::isInstance)
        .map(n -> ((Label) n).getText())
        .toList();
  }
}
