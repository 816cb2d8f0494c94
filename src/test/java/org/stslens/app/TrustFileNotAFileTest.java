package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.io.Fifos;
import org.stslens.ui.settings.Settings;
import org.stslens.workbench.draft.DraftStore;

/**
 * A FIFO among the settings' trust files: the app's single background thread reads the trust files
 * and also saves settings and drafts, so a read that blocks would stop every later save.
 */
class TrustFileNotAFileTest {

  @TempDir Path dir;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    background.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private static Settings trusting(Path file) {
    return new Settings(
        "", List.of(file.toString()), 5, 60, 30, false, false, List.of("before.example"));
  }

  @Test
  void aFifoTrustFileIsRefusedAndTheBackgroundThreadKeepsSaving() throws Exception {
    Path fifo = Fifos.make(dir.resolve("ca.pem"));
    EngineCheckService service = new EngineCheckService(pool, timer);
    background.execute(() -> service.apply(trusting(fifo)));

    SettingsStore store = new SettingsStore(dir.resolve("config"));
    DraftStore drafts = new DraftStore(dir.resolve("drafts"));
    Settings later = Settings.defaults().withHistory(List.of("after.example"));
    background
        .submit(
            () -> {
              store.save(later);
              drafts.save(DraftStore.create("d", "example.com", "mode: testing\n", Instant.now()));
              return null;
            })
        .get(20, TimeUnit.SECONDS);

    assertThat(store.load()).isEqualTo(later);
    assertThat(drafts.list().drafts()).hasSize(1);
    assertThat(catchThrowable(() -> EngineCheckService.optionsFor(trusting(fifo))))
        .hasMessageContaining("a FIFO (named pipe), not a regular file");
  }
}
