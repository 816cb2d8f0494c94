package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.history.HistoryStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A history that cannot be used is said in the status bar; the check is shown all the same. */
@ExtendWith(ApplicationExtension.class)
class HistoryNoticeTest {

  private final DesktopRig rig = new DesktopRig();
  private Desktop desktop;

  @Start
  void start(Stage stage) throws Exception {
    rig.world.standardDns("notice.test", "1", "mx1.notice.test");
    rig.world.policyHost("notice.test", TestWorld.policy("enforce", "mx1.notice.test"));
    rig.world.goodMx(0, "mx1.notice.test");
    rig.service.use(rig.world.options());
    Path folder = Files.createTempDirectory("stslens-settings");
    // the history beside the drafts, damaged
    Files.writeString(folder.resolve(HistoryStore.FILE_NAME), "garbage".repeat(1000));
    desktop = rig.desktop(folder);
    desktop.show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void theStatusBarSaysTheCheckWasNotSaved(FxRobot robot) throws Exception {
    robot.clickOn("#domain").write("notice.test").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> desktop.viewModel().statusProperty().get().contains("not saved"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(desktop.viewModel().statusProperty().get()).contains("damaged");
    assertThat(desktop.viewModel().reportProperty().get().verdict().word()).isEqualTo("enforced");
  }
}
