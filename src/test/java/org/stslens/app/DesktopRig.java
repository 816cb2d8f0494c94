package org.stslens.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stslens.engine.check.TestWorld;
import org.stslens.lab.ScenarioCatalog;
import org.stslens.ui.settings.Settings;

/**
 * What a desktop journey test needs: the engine's executors, loopback servers, and the main window
 * wired to them with the given settings folder. Closing stops everything.
 */
final class DesktopRig implements AutoCloseable {

  final ExecutorService pool = Executors.newFixedThreadPool(16);
  final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService background = Executors.newSingleThreadExecutor();
  final EngineCheckService service = new EngineCheckService(pool, timer);
  final TestWorld world = new TestWorld();

  /** A new main window (not shown yet) whose settings and drafts live in {@code folder}. */
  Desktop desktop(Path folder) {
    return desktop(new SettingsStore(folder), Settings.defaults());
  }

  /** A new main window with this store and the settings loaded from it. */
  Desktop desktop(SettingsStore store, Settings loaded) {
    return new Desktop(
        service,
        store,
        loaded,
        background,
        Clock.systemUTC(),
        true,
        new LabRunner(ScenarioCatalog.load(), pool, timer, background));
  }

  @Override
  public void close() {
    pool.shutdownNow();
    timer.shutdownNow();
    background.shutdownNow();
    world.close();
  }
}
