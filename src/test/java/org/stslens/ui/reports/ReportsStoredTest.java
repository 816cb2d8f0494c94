package org.stslens.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import org.stslens.engine.tlsrpt.reports.ReportWriter;
import org.stslens.ui.common.FakeDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The reports of the history file: what one start of the Reports screen imported, the next start
 * shows again; a history file that cannot be used never costs the import; forgetting asks first.
 * Each "start" is a new model and view on the same file, reading off the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsStoredTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private Stage stage;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final FakeDialogService dialogs = new FakeDialogService();

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() throws InterruptedException {
    background.shutdownNow();
    background.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Path history() {
    return dir.resolve("data/history.sqlite");
  }

  private List<Path> twoReports() throws Exception {
    Path a =
        ReportWriter.write(
            dir.resolve("mail"),
            "one.json",
            ReportWriter.json(
                "Sender One",
                "r-1",
                LocalDate.of(2026, 11, 1),
                "example.test",
                100,
                List.of(new ReportWriter.Failure("certificate-expired", "mx2.example.test", 6))));
    Path b =
        ReportWriter.write(
            dir.resolve("mail"),
            "two.json",
            ReportWriter.json(
                "Sender Two", "r-2", LocalDate.of(2026, 11, 2), "other.test", 9, List.of()));
    return List.of(a, b);
  }

  /** A new start: a model and a view on the history file, shown, with the stored reports loaded. */
  private ReportsViewModel start(FxRobot robot) {
    List<ReportsViewModel> made = new ArrayList<>();
    robot.interact(
        () -> {
          ReportsViewModel vm =
              new ReportsViewModel(
                  history(),
                  CLOCK,
                  background,
                  Platform::runLater,
                  new ReportsViewModel.Retester() {
                    @Override
                    public boolean start(String domain) {
                      return false;
                    }

                    @Override
                    public void cancel() {}
                  });
          ReportsView view = new ReportsView(vm, dialogs);
          Scene scene = new Scene(view.root(), 1024, 700);
          // the app's stylesheet (its paddings and font size): the toolbar must fit with it
          scene
              .getStylesheets()
              .add(getClass().getResource("/org/stslens/ui/stslens.css").toExternalForm());
          stage.setScene(scene);
          stage.show();
          vm.loadStored();
          made.add(vm);
        });
    ReportsViewModel vm = made.get(0);
    waitUntil(() -> !vm.importingProperty().get());
    return vm;
  }

  private static void waitUntil(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not reached in 20 s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static long failed(ReportsViewModel vm, String domain) {
    return vm.summaryProperty().get() != null && vm.summaryProperty().get().domain().equals(domain)
        ? vm.summaryProperty().get().failed()
        : -1;
  }

  @Test
  void aSecondStartShowsTheReportsTheFirstImported(FxRobot robot) throws Exception {
    ReportsViewModel first = start(robot);
    assertThat(first.domains()).isEmpty();
    // File → Open takes several files at once
    dialogs.chooseAll(twoReports());
    robot.clickOn("#reports-open");
    waitUntil(() -> first.domains().size() == 2);
    assertThat(first.storeProblemProperty().get()).isEmpty();

    ReportsViewModel second = start(robot);
    assertThat(second.domains()).containsExactly("example.test", "other.test");
    robot.interact(() -> second.domainProperty().set("example.test"));
    assertThat(failed(second, "example.test")).isEqualTo(6);
    assertThat(second.breakdown(ReportsViewModel.Dimension.RESULT_TYPE))
        .extracting(ReportsViewModel.Share::key)
        .containsExactly("certificate-expired");
    assertThat(second.notes())
        .anySatisfy(n -> assertThat(n).startsWith("2 reports came from the store ("));
    assertThat(robot.lookup("#reports-status").queryAs(Label.class).getText())
        .isEqualTo("2 reports of 2 domains; 2 from the store");

    // the same files again: already stored, still counted once
    dialogs.chooseAll(twoReports());
    robot.clickOn("#reports-open");
    waitUntil(() -> !second.importingProperty().get());
    assertThat(second.summaryProperty().get().failed()).isEqualTo(6);
    ReportsViewModel third = start(robot);
    assertThat(third.domains()).hasSize(2);
    assertThat(third.notes()).anySatisfy(n -> assertThat(n).startsWith("2 reports came from"));
  }

  @Test
  void aStoreOfANewerVersionIsNamedInOneLineAndTheImportStillShows(FxRobot robot) throws Exception {
    Files.createDirectories(history().getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history());
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 99");
    }
    ReportsViewModel vm = start(robot);
    Label problem = robot.lookup("#reports-store-problem").queryAs(Label.class);
    assertThat(problem.isVisible()).isTrue();
    assertThat(problem.getText())
        .startsWith("Stored reports not read: ")
        .contains("newer STS Lens")
        .doesNotContain("\n");

    List<Path> files = twoReports();
    robot.interact(() -> vm.open(files));
    waitUntil(() -> vm.domains().size() == 2);
    assertThat(vm.summaryProperty().get()).extracting(ReportSummary.Domain::failed).isEqualTo(6L);
    assertThat(problem.getText()).startsWith("Not stored: ").contains("newer STS Lens");
    assertThat(problem.isVisible()).isTrue();
  }

  @Test
  void forgettingAsksFirstAndANewStartThenShowsNothing(FxRobot robot) throws Exception {
    ReportsViewModel first = start(robot);
    List<Path> files = twoReports();
    robot.interact(() -> first.open(files));
    waitUntil(() -> first.domains().size() == 2);

    dialogs.answer(false);
    robot.clickOn("#reports-forget");
    waitUntil(() -> !first.importingProperty().get());
    assertThat(dialogs.confirmations).containsExactly("Forget every stored TLS-RPT report?");
    assertThat(first.domains()).hasSize(2);
    assertThat(start(robot).domains()).hasSize(2);

    ReportsViewModel second = start(robot);
    dialogs.answer(true);
    robot.clickOn("#reports-forget");
    waitUntil(() -> !second.importingProperty().get() && second.domains().isEmpty());
    assertThat(second.statusProperty().get()).startsWith("Forgot 2 stored reports");
    assertThat(second.notes()).isEmpty();
    assertThat(start(robot).domains()).isEmpty();
  }

  @Test
  void filesOpenedWhileTheStoredReportsAreReadAreReadNext() throws Exception {
    List<Path> files = twoReports();
    List<Runnable> queued = new ArrayList<>();
    ReportsViewModel vm =
        new ReportsViewModel(
            history(),
            CLOCK,
            queued::add,
            Runnable::run,
            new ReportsViewModel.Retester() {
              @Override
              public boolean start(String domain) {
                return false;
              }

              @Override
              public void cancel() {}
            });
    vm.loadStored();
    assertThat(vm.importingProperty().get()).isTrue();
    vm.open(files); // a drop onto the window while the screen is still loading
    assertThat(vm.statusProperty().get()).contains("will be read next");
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
    assertThat(vm.importingProperty().get()).isFalse();
    assertThat(vm.domains()).containsExactly("example.test", "other.test");
  }

  @Test
  void theForgetButtonIsThereOnlyWhenReportsAreStored(FxRobot robot) {
    start(robot);
    assertThat(robot.lookup("#reports-forget").queryAs(Button.class).isVisible()).isTrue();
    // the whole toolbar, Re-test now included, fits the smallest window offered (1024 wide)
    Button retest = robot.lookup("#reports-retest").queryAs(Button.class);
    assertThat(retest.localToScene(retest.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(1024);
    robot.interact(
        () ->
            stage.setScene(
                new Scene(
                    new ReportsView(
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
                                }),
                            dialogs)
                        .root())));
    assertThat(robot.lookup("#reports-forget").queryAs(Button.class).isVisible()).isFalse();
  }
}
