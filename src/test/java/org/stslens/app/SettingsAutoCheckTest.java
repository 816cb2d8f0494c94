package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.ui.settings.Settings;

/** "Check all every N hours" is kept between runs, within 1 to 168 hours. */
class SettingsAutoCheckTest {

  @TempDir Path dir;

  @Test
  void theTimerIsSavedAndReadBackAndOffByDefault() throws Exception {
    SettingsStore store = new SettingsStore(dir);
    assertThat(store.load().autoCheck()).isFalse();
    assertThat(store.load().autoCheckHours()).isEqualTo(24);
    store.save(Settings.defaults().withAutoCheck(true, 6).withHistory(java.util.List.of("a.test")));
    Settings read = new SettingsStore(dir).load();
    assertThat(read.autoCheck()).isTrue();
    assertThat(read.autoCheckHours()).isEqualTo(6);
    assertThat(read.history()).containsExactly("a.test");
    assertThat(Settings.defaults().withAutoCheck(true, 1000).autoCheckHours()).isEqualTo(168);
    assertThat(Settings.defaults().withAutoCheck(true, 0).autoCheckHours()).isEqualTo(1);
  }
}
