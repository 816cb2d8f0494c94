package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.export.TextReport;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.CheckOrigin;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.ui.shell.CheckViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lab world stays a lab: Check, Enter and Probe MX hosts check it again in the lab, its results
 * are badged, its name never enters the history, and the user leaves it only on purpose. The rig's
 * usual engine asks a loopback DNS server that knows no lab name, as the real DNS would.
 */
@ExtendWith(ApplicationExtension.class)
class LabWorldJourneyTest {

  private static final String SLOW = "policy-slow.lab.example";

  private final DesktopRig rig = new DesktopRig();
  private Desktop desktop;
  private CheckViewModel vm;

  @Start
  void start(Stage stage) throws Exception {
    rig.world.standardDns("good.test", "1", "mx1.good.test");
    rig.world.policyHost(
        "good.test", org.stslens.engine.check.TestWorld.policy("enforce", "*.good.test"));
    rig.world.goodMx(0, "mx1.good.test");
    rig.service.use(rig.world.options());
    desktop = rig.desktop(Files.createTempDirectory("stslens-settings"));
    desktop.show(stage);
    vm = desktop.viewModel();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private boolean finished() {
    return vm.reportProperty().get() != null && !vm.runningProperty().get();
  }

  private void runScenario(FxRobot robot, String id) throws Exception {
    robot.clickOn("#lab");
    ListView<org.stslens.ui.lab.LabScenarioInfo> scenarios =
        robot.lookup("#lab-scenarios").queryListView();
    robot.interact(
        () ->
            scenarios.getItems().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .ifPresent(i -> scenarios.getSelectionModel().select(i)));
    robot.clickOn("#lab-run");
  }

  private String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void theLabShowsItsProgressThenBadgesItsResultAndKeepsItsNameOutOfTheHistory(FxRobot robot)
      throws Exception {
    // hold the background thread the lab starts on: "starting its servers" stays on screen
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    rig.background.execute(
        () -> {
          try {
            hold.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    runScenario(robot, "policy-slow");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#progress-pane").tryQuery()).isPresent();
    assertThat(robot.lookup("#progress-pane .section-title").queryAs(Label.class).getText())
        .startsWith("Starting the lab's servers for policy-slow");
    assertThat(robot.lookup("#check").queryAs(Button.class).isDisabled()).isTrue();
    hold.countDown();

    // the slow policy host: while Retrieval runs and is selected, the pane shows the stages
    waitUntil(
        () ->
            vm.stages().stream()
                .anyMatch(
                    s -> s.stage() == CheckStage.RETRIEVAL && s.status() == StageStatus.RUNNING));
    robot.interact(() -> vm.select(CheckStage.RETRIEVAL));
    WaitForAsyncUtils.waitForFxEvents();
    // the pane refreshes on its own tick: while Retrieval still runs, a "running" row must appear
    waitUntil(
        () ->
            WaitForAsyncUtils.asyncFx(
                    () ->
                        !(vm.runningProperty().get()
                                && vm.selectedProperty().get().status() == StageStatus.RUNNING)
                            || robot.lookup("#progress-rows").tryQuery().stream()
                                .flatMap(
                                    n ->
                                        ((javafx.scene.Parent) n)
                                            .getChildrenUnmodifiable().stream())
                                .anyMatch(
                                    n ->
                                        n instanceof Label l
                                            && l.getText().startsWith("running, ")))
                .get());

    waitUntil(this::finished);
    assertThat(robot.lookup("#progress-pane").tryQuery()).isEmpty();
    assertThat(robot.lookup("#check").queryAs(Button.class).isDisabled()).isFalse();
    DomainReport report = vm.reportProperty().get();
    assertThat(report.origin().world()).isEqualTo(CheckOrigin.World.LAB);
    assertThat(text(robot, "#origin-badge")).isEqualTo("LAB · policy-slow");
    assertThat(robot.lookup("#origin-badge").query().isVisible()).isTrue();
    assertThat(text(robot, "#stages-badge")).isEqualTo("LAB · policy-slow");
    assertThat(robot.lookup("#leave-lab").query().isVisible()).isTrue();
    assertThat(TextReport.render(java.util.List.of(report))).contains("[LAB · policy-slow]");
    assertThat(JsonReport.render(java.util.List.of(report)))
        .contains("\"world\" : \"lab\"")
        .contains("\"scenario\" : \"policy-slow\"");
    assertThat(vm.history()).doesNotContain(SLOW);
  }

  @Test
  void checkEnterAndProbeStayInTheLabUntilTheUserLeavesIt(FxRobot robot) throws Exception {
    runScenario(robot, "mx-cert-expired");
    waitUntil(this::finished);
    String domain = vm.reportProperty().get().domain();
    String verdict = vm.reportProperty().get().verdict().word();
    assertThat(verdict).isEqualTo("enforced-undeliverable");

    // Enter in the domain field: the lab again, not the real DNS (which says NXDOMAIN)
    robot.clickOn("#domain").type(KeyCode.END).type(KeyCode.ENTER);
    waitUntil(() -> finished() && vm.reportProperty().get().startedAt() != null);
    waitUntil(this::finished);
    assertThat(vm.reportProperty().get().verdict().word()).isEqualTo(verdict);
    assertThat(vm.reportProperty().get().origin().isLab()).isTrue();

    // Check again, by its button
    DomainReport before = vm.reportProperty().get();
    robot.clickOn("#check");
    waitUntil(() -> finished() && vm.reportProperty().get() != before);
    assertThat(vm.reportProperty().get().verdict().word()).isEqualTo(verdict);

    // Probe MX hosts in the editor's Try tab: the same lab world
    DomainReport beforeProbe = vm.reportProperty().get();
    robot.interact(
        () ->
            desktop
                .workbench()
                .openLive(
                    beforeProbe,
                    "version: STSv1\nmode: enforce\nmx: *." + domain + "\nmax_age: 86400\n"));
    robot.clickOn("#editor");
    WaitForAsyncUtils.waitForFxEvents();
    var tabs = robot.lookup("#workbench-tabs").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(
        () ->
            tabs.getSelectionModel()
                .select(
                    tabs.getTabs().stream()
                        .filter(t -> "try-tab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
    robot.interact(() -> robot.lookup("#probe-mx").queryButton().fire());
    waitUntil(() -> finished() && vm.reportProperty().get() != beforeProbe);
    assertThat(vm.reportProperty().get().origin().isLab()).isTrue();
    assertThat(vm.reportProperty().get().verdict().word()).isEqualTo(verdict);
    assertThat(vm.history()).doesNotContain(domain);

    // leaving on purpose: the same name now goes to the usual DNS, which does not know it
    robot.clickOn("#editor");
    robot.clickOn("#leave-lab");
    assertThat(vm.worldProperty().get()).isNull();
    DomainReport inLab = vm.reportProperty().get();
    robot.clickOn("#check");
    waitUntil(() -> finished() && vm.reportProperty().get() != inLab);
    assertThat(vm.reportProperty().get().origin().isLab()).isFalse();
    assertThat(vm.reportProperty().get().verdict().word()).isNotEqualTo(verdict);
  }

  @Test
  void typingAnotherDomainLeavesTheLabAndSaysSo(FxRobot robot) throws Exception {
    runScenario(robot, "mx-cert-expired");
    waitUntil(this::finished);
    robot.clickOn("#domain").type(KeyCode.END).eraseText(60).write("good.test").type(KeyCode.ENTER);
    try {
      waitUntil(() -> finished() && vm.reportProperty().get().domain().equals("good.test"));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          vm.statusProperty().get()
              + " | "
              + vm.bannerProperty().get()
              + " | "
              + vm.domainProperty().get(),
          e);
    }
    assertThat(vm.worldProperty().get()).isNull();
    assertThat(vm.reportProperty().get().origin().isLab()).isFalse();
    assertThat(robot.lookup("#origin-badge").query().isVisible()).isFalse();
    assertThat(vm.history()).containsExactly("good.test");
  }

  @Test
  void noControlShowingDataEatsAnUnderscore(FxRobot robot) throws Exception {
    // max_age, _mta-sts, _smtp._tls: a Button, MenuItem or Hyperlink with mnemonic parsing on
    // would show them without their underscore
    runScenario(robot, "policy-typo");
    waitUntil(this::finished);
    java.util.List<String> eaten = new java.util.ArrayList<>();
    for (org.stslens.ui.shell.StageItem item : java.util.List.copyOf(vm.stages())) {
      robot.interact(() -> vm.selectedProperty().set(item));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(
          () ->
              javafx.stage.Window.getWindows().forEach(w -> eaten(w.getScene().getRoot(), eaten)));
    }
    for (String screen : java.util.List.of("#learn", "#lab")) {
      robot.clickOn(screen);
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(
          () ->
              javafx.stage.Window.getWindows().forEach(w -> eaten(w.getScene().getRoot(), eaten)));
    }
    // the shell's own menus and screens carry deliberate mnemonics (Alt+F, Alt+W...)
    eaten.removeAll(
        java.util.Set.of(
            "_File",
            "_View",
            "_Walkthrough",
            "_Editor",
            "_Lab",
            "Lear_n",
            "_Reports",
            "_Domains",
            "Open _reports …",
            "E_xport",
            "_Export report",
            "_Settings …",
            "_Settings",
            "_Quit"));
    assertThat(eaten).as("texts shown with mnemonic parsing on").isEmpty();
  }

  private static void eaten(javafx.scene.Node node, java.util.List<String> into) {
    if (node instanceof javafx.scene.control.Labeled l
        && l.isMnemonicParsing()
        && l.getText() != null
        && l.getText().contains("_")) {
      into.add(l.getText());
    }
    if (node instanceof javafx.scene.control.MenuButton mb) {
      mb.getItems().stream()
          .filter(i -> i.isMnemonicParsing() && i.getText() != null && i.getText().contains("_"))
          .forEach(i -> into.add(i.getText()));
    }
    if (node instanceof javafx.scene.Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> eaten(c, into));
    }
  }
}
