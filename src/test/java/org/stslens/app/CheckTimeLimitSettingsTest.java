package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.ui.settings.Settings;

/** The desktop's whole-check limit: kept between runs and handed to the engine. */
class CheckTimeLimitSettingsTest {

  @Test
  void checkTimeoutIsSavedAndReachesTheEngine(@TempDir Path dir) throws Exception {
    SettingsStore store = new SettingsStore(dir);
    Settings s = new Settings("127.0.0.1:5353", List.of(), 5, 60, 30, false, false, List.of(), 42);
    store.save(s);

    Settings loaded = store.load();

    assertThat(loaded.checkTimeoutSeconds()).isEqualTo(42);
    assertThat(EngineCheckService.optionsFor(loaded).checkTimeout())
        .isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void olderSettingsFilesGetTheDefaultAndValuesAreClamped(@TempDir Path dir) throws Exception {
    SettingsStore store = new SettingsStore(dir);
    Files.writeString(store.file(), "dns.timeout=5\n");
    assertThat(store.load().checkTimeoutSeconds()).isEqualTo(180);
    Files.writeString(store.file(), "check.timeout=0\n");
    assertThat(store.load().checkTimeoutSeconds()).isEqualTo(1);
  }
}
