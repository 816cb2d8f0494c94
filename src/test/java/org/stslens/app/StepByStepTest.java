package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.StageStatus;
import org.stslens.lab.CertificateSpec;
import org.stslens.ui.shell.CheckViewModel;
import org.stslens.ui.shell.StageItem;
import org.stslens.ui.testing.Truncation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step by step in the main window: each stage's result shows before the next explanation (an MX
 * host refused stays in view), Next does not move, the explanation is not repeated below, every
 * step is numbered, the walkthrough ends on the Summary and the time counts no pause.
 */
@ExtendWith(ApplicationExtension.class)
class StepByStepTest {

  private static final long READING_MILLIS = 300;

  private final DesktopRig rig = new DesktopRig();
  private final TestWorld world = rig.world;
  private Desktop desktop;
  private CheckViewModel vm;

  @Start
  void start(Stage stage) throws Exception {
    world.smtpTimeout(Duration.ofSeconds(10));
    world.standardDns("steps.test", "1", "mx1.steps.test", "mx2.steps.test");
    world.policyHost("steps.test", TestWorld.policy("enforce", "*.steps.test"));
    world.goodMx(0, "mx1.steps.test");
    world.mx(1, world.ca.issue(CertificateSpec.expired("mx2.steps.test")), b -> b);
    rig.service.use(world.options());
    desktop = rig.desktop(Files.createTempDirectory("stslens-steps"));
    desktop.show(stage);
    stage.setWidth(1024);
    stage.setHeight(700);
    vm = desktop.viewModel();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void eachResultShowsBeforeTheNextStepAndTheWalkEndsOnTheSummary(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          vm.stepByStepProperty().set(true);
          vm.domainProperty().set("steps.test");
        });
    long began = System.nanoTime();
    robot.interact(vm::check);
    List<String> titles = new ArrayList<>();
    List<Double> nextAt = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long reading = 0;
    while (true) {
      WaitForAsyncUtils.waitFor(
          20,
          TimeUnit.SECONDS,
          () -> vm.pendingStepProperty().get() != null || vm.reportProperty().get() != null);
      WaitForAsyncUtils.waitForFxEvents();
      if (vm.reportProperty().get() != null) {
        break;
      }
      CheckStage pending = vm.pendingStepProperty().get().stage();
      titles.add(robot.lookup("#step-title").queryLabeled().getText());
      problems.addAll(Truncation.truncated(robot.lookup("#step-panel").query()));
      Node next = robot.lookup("#next").query();
      nextAt.add(next.localToScene(next.getLayoutBounds()).getMinY());
      // the explanation is in the panel above, not again in the main pane
      String explanation = vm.pendingTextProperty().get();
      assertThat(
              robot
                  .from(robot.lookup("#stage-content").queryAll())
                  .lookup((Node n) -> n instanceof Labeled l && explanation.equals(l.getText()))
                  .tryQuery())
          .as("explanation of %s repeated below", pending)
          .isEmpty();
      StageItem shown = vm.selectedProperty().get();
      if (pending == CheckStage.DISCOVERY) {
        assertThat(shown.stage()).isEqualTo(CheckStage.DISCOVERY);
      } else {
        // the stage before is shown with its result while the next one is explained
        assertThat(shown.report()).as("result shown before %s", pending).isPresent();
        assertThat(shown.stage().ordinal()).isLessThan(pending.ordinal());
      }
      if (pending == CheckStage.TLSRPT) {
        // the refused host, not the good one, is what the MX stage leaves in view
        assertThat(shown.title()).isEqualTo("MX mx2.steps.test");
        assertThat(shown.status()).isEqualTo(StageStatus.FAIL);
        assertThat(robot.lookup("#mx-table").tryQuery()).isPresent();
      }
      Thread.sleep(READING_MILLIS);
      reading += READING_MILLIS;
      robot.clickOn("#next");
    }
    long wall = (System.nanoTime() - began) / 1_000_000;

    assertThat(titles)
        .hasSize(5)
        .allSatisfy(t -> assertThat(t).matches("Step [1-5] — .*"))
        .extracting(t -> t.substring(0, 6))
        .containsExactly("Step 1", "Step 2", "Step 3", "Step 4", "Step 5");
    assertThat(nextAt).as("where Next is at each step").containsOnly(nextAt.get(0));
    assertThat(problems).isEmpty();
    assertThat(vm.selectedProperty().get().kind()).isEqualTo(StageItem.Kind.SUMMARY);
    long checked = vm.reportProperty().get().durationMillis();
    assertThat(checked)
        .as("the check's time without the %d ms of reading", reading)
        .isLessThanOrEqualTo(wall - reading);
    assertThat(vm.statusProperty().get()).contains("in " + checked + " ms");
  }
}
