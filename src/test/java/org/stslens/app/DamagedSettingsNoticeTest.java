package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window says that the settings could not be read, instead of silently using defaults. */
@ExtendWith(ApplicationExtension.class)
class DamagedSettingsNoticeTest {

  private final DesktopRig rig = new DesktopRig();
  private Desktop desktop;

  @Start
  void start(Stage stage) throws Exception {
    Path folder = Files.createTempDirectory("stslens-settings");
    SettingsStore store = new SettingsStore(folder);
    Files.write(store.file(), "history=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    desktop = rig.desktop(store, store.load());
    desktop.show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void theStatusBarReportsTheDamagedFileAndWhereItWasKept() {
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(desktop.viewModel().statusProperty().get())
        .contains("The settings could not be read")
        .contains("not UTF-8")
        .contains("settings.properties.damaged-");
  }
}
