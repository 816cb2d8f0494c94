package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.report.StageStatus;
import org.stslens.lab.CertificateSpec;
import org.stslens.ui.shell.StageItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The journeys a user takes in the main window, against loopback servers. */
@ExtendWith(ApplicationExtension.class)
class DesktopJourneyTest {

  private final DesktopRig rig = new DesktopRig();
  private final TestWorld world = rig.world;
  private Desktop desktop;

  @Start
  void start(Stage stage) throws Exception {
    world.smtpTimeout(Duration.ofSeconds(30));
    // good.test: two MX, one of them with an expired certificate
    world.standardDns("good.test", "1", "mx1.good.test", "mx2.good.test");
    world.policyHost("good.test", TestWorld.policy("enforce", "*.good.test"));
    world.goodMx(0, "mx1.good.test");
    world.mx(1, world.ca.issue(CertificateSpec.expired("mx2.good.test")), b -> b);
    // slow.test: one MX that never greets
    world.dns.mx("slow.test", 10, "mx.slow.test");
    world.dns.a("mx.slow.test", TestWorld.mxAddress(2));
    world.mx(2, world.ca.issue("mx.slow.test"), b -> b.stallBeforeGreeting());
    rig.service.use(world.options());
    Path folder = Files.createTempDirectory("stslens-settings");
    desktop = rig.desktop(folder);
    desktop.show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void check(FxRobot robot, String domain) throws Exception {
    robot.clickOn("#domain").eraseText(30).write(domain).type(KeyCode.ENTER);
  }

  @Test
  void typingADomainWalksEveryStageToItsStatus(FxRobot robot) throws Exception {
    check(robot, "good.test");
    waitUntil(() -> !desktop.viewModel().runningProperty().get());

    ListView<StageItem> stages = robot.lookup("#stages").queryListView();
    assertThat(stages.getItems())
        .extracting(StageItem::title)
        .containsExactly(
            "Discovery (DNS)",
            "Retrieval (HTTPS)",
            "Policy",
            "MX mx1.good.test",
            "MX mx2.good.test",
            "TLS reporting",
            "Summary");
    assertThat(stages.getItems()).noneMatch(s -> s.status() == StageStatus.PENDING);
    assertThat(stages.getItems().get(0).status()).isEqualTo(StageStatus.PASS);
    Label banner = robot.lookup("#verdict-banner").queryAs(Label.class);
    assertThat(banner.getText()).contains("mx2.good.test").contains("tls.cert-expired");
  }

  @Test
  void theRefusedMxIsFoundAndItsCertificateOpens(FxRobot robot) throws Exception {
    check(robot, "good.test");
    waitUntil(() -> !desktop.viewModel().runningProperty().get());

    robot.clickOn("MX mx2.good.test");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#mx-table").tryQuery()).isPresent();
    assertThat(
            robot
                .lookup(
                    n ->
                        n instanceof Label l
                            && l.getText() != null
                            && l.getText().toLowerCase().contains("refuse"))
                .tryQuery())
        .isPresent();

    // the button sits below the transcript: bring it into view as a user would scroll to it
    javafx.scene.control.Button open = robot.lookup("#open-certificate").queryButton();
    robot.interact(open::fire);
    // the viewer opens once its details are prepared on the background executor
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () ->
            robot.listTargetWindows().stream()
                .anyMatch(
                    w ->
                        w instanceof Stage s
                            && s.getTitle() != null
                            && s.getTitle().contains("mx2.good.test")));
    WaitForAsyncUtils.waitForFxEvents();
    Window viewer =
        robot.listTargetWindows().stream()
            .filter(
                w ->
                    w instanceof Stage s
                        && s.getTitle() != null
                        && s.getTitle().contains("mx2.good.test"))
            .findFirst()
            .orElseThrow();
    assertThat(viewer.isShowing()).isTrue();
    assertThat(robot.lookup("#certificate-sans").queryLabeled().getText())
        .contains("mx2.good.test");
    assertThat(robot.lookup("#certificate-days-left").queryLabeled().getText()).contains("expired");
  }

  @Test
  void aSlowCheckCanBeCancelledAndAnotherStartedAtOnce(FxRobot robot) throws Exception {
    check(robot, "slow.test");
    waitUntil(
        () ->
            desktop.viewModel().stages().stream()
                .anyMatch(
                    s -> s.kind() == StageItem.Kind.MX_HOST && s.status() == StageStatus.RUNNING));

    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !desktop.viewModel().runningProperty().get());
    assertThat(robot.lookup("#verdict-banner").queryAs(Label.class).getText())
        .contains("cancelled");

    check(robot, "good.test");
    waitUntil(
        () ->
            !desktop.viewModel().runningProperty().get()
                && desktop.viewModel().reportProperty().get() != null);
    assertThat(desktop.viewModel().reportProperty().get().domain()).isEqualTo("good.test");
  }

  @Test
  void stepByStepExplainsEachStageBeforeItRuns(FxRobot robot) throws Exception {
    robot.clickOn((javafx.scene.Node) robot.lookup("#step-by-step .thumb-area").query());
    assertThat(desktop.viewModel().stepByStepProperty().get()).isTrue();
    check(robot, "good.test");
    waitUntil(() -> desktop.viewModel().pendingStepProperty().get() != null);
    assertThat(robot.lookup("#step-panel").query().isVisible()).isTrue();
    assertThat(
            robot
                .lookup(
                    n ->
                        n instanceof Label l
                            && l.getText() != null
                            && l.getText().contains("_mta-sts.good.test"))
                .tryQuery())
        .isPresent();
    robot.clickOn("#next");
    waitUntil(
        () -> {
          var p = desktop.viewModel().pendingStepProperty().get();
          return p != null && p.stage() != org.stslens.engine.finding.CheckStage.DISCOVERY;
        });
    assertThat(desktop.viewModel().stages().get(0).status()).isEqualTo(StageStatus.PASS);
  }

  @Test
  void aLabScenarioRunsInTheWalkthroughAndItsFixRepairsIt(FxRobot robot) throws Exception {
    robot.clickOn("#lab");
    ListView<org.stslens.ui.lab.LabScenarioInfo> scenarios =
        robot.lookup("#lab-scenarios").queryListView();
    robot.interact(
        () ->
            scenarios.getItems().stream()
                .filter(i -> i.id().equals("mx-cert-expired"))
                .findFirst()
                .ifPresent(i -> scenarios.getSelectionModel().select(i)));
    assertThat(robot.lookup("#lab-title").queryLabeled().getText()).containsIgnoringCase("expired");

    robot.clickOn("#lab-run");
    waitUntil(
        () ->
            desktop.viewModel().reportProperty().get() != null
                && !desktop.viewModel().runningProperty().get());
    assertThat(desktop.viewModel().reportProperty().get().verdict().word())
        .isEqualTo("enforced-undeliverable");
    assertThat(robot.lookup("#stages").tryQuery()).isPresent();

    robot.clickOn("#lab");
    robot.clickOn("#lab-reveal");
    robot.clickOn("#lab-run-fixed");
    waitUntil(
        () ->
            desktop.viewModel().reportProperty().get() != null
                && !desktop.viewModel().runningProperty().get()
                && desktop.viewModel().reportProperty().get().verdict().word().equals("enforced"));
  }
}
