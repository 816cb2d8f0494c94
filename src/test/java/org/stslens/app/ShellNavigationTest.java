package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.ui.shell.StageItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The screens by keyboard shortcut, and the stage list from every screen beside it. */
@ExtendWith(ApplicationExtension.class)
class ShellNavigationTest {

  private final DesktopRig rig = new DesktopRig();
  private Desktop desktop;

  @Start
  void start(Stage stage) throws Exception {
    TestWorld world = rig.world;
    world.standardDns("nav.test", "1", "mx1.nav.test");
    world.policyHost("nav.test", TestWorld.policy("enforce", "mx1.nav.test"));
    world.goodMx(0, "mx1.nav.test");
    rig.service.use(world.options());
    desktop = rig.desktop(Files.createTempDirectory("stslens-nav"));
    desktop.show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void shortcutsSwitchScreensAndAStageClickedInLabOrLearnIsShown(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          desktop.viewModel().domainProperty().set("nav.test");
          desktop.viewModel().check();
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> desktop.viewModel().reportProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#lab-scenarios").tryQuery()).isPresent();
    assertThat(robot.lookup("#lab").queryAs(ToggleButton.class).isSelected()).isTrue();

    robot.clickOn("Policy");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#lab-scenarios").tryQuery()).isEmpty();
    assertThat(robot.lookup("#walkthrough").queryAs(ToggleButton.class).isSelected()).isTrue();
    assertThat(desktop.viewModel().selectedProperty().get().title()).isEqualTo("Policy");

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#learn").queryAs(ToggleButton.class).isSelected()).isTrue();
    // the row already selected, clicked again, also brings the walkthrough back
    ListView<StageItem> stages = robot.lookup("#stages").queryListView();
    robot.clickOn("Policy");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#walkthrough").queryAs(ToggleButton.class).isSelected()).isTrue();
    assertThat(stages.getSelectionModel().getSelectedItem().title()).isEqualTo("Policy");

    // a second click on the screen shown keeps it: some screen is always chosen
    robot.clickOn("#walkthrough");
    assertThat(robot.lookup("#walkthrough").queryAs(ToggleButton.class).isSelected()).isTrue();

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#editor").queryAs(ToggleButton.class).isSelected()).isTrue();
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#stages").tryQuery()).isPresent();
  }
}
