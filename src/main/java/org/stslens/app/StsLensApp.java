package org.stslens.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.stage.Stage;
import org.stslens.ui.settings.Settings;

/**
 * The desktop application and its composition root: it owns the executors (shut down on exit), the
 * settings store and the engine service.
 */
public final class StsLensApp extends Application {

  private final ExecutorService pool = Executors.newFixedThreadPool(32, daemon("stslens-io"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("stslens-timer"));
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(daemon("stslens-background"));
  private final EngineCheckService service = new EngineCheckService(pool, timer);
  private SettingsStore store;
  private LabRunner lab;
  private Settings settings;
  private Desktop desktop;

  /**
   * Off the FX thread: read the settings file. The engine's options (the JDK trust store) and the
   * lab catalog (JSON) are prepared in the background while the window opens: they are not needed
   * to show it, and together they took about half a second of the start.
   */
  @Override
  public void init() {
    store = SettingsStore.forUser();
    settings = store.load();
    Settings initial = settings;
    background.execute(() -> service.apply(initial));
    lab =
        new LabRunner(
            CompletableFuture.supplyAsync(org.stslens.lab.ScenarioCatalog::load, background),
            pool,
            timer,
            background);
  }

  @Override
  public void start(Stage primary) {
    desktop = new Desktop(service, store, settings, background, Clock.systemUTC(), false, lab);
    desktop.show(primary);
    StartupProbe.armIfRequested();
    List<String> params = getParameters().getUnnamed();
    if (params.size() == 2
        && params.get(0).equals("--lab")
        && lab.scenarios().stream().anyMatch(s -> s.id().equals(params.get(1)))) {
      lab.run(params.get(1), false, desktop.viewModel());
    } else if (!params.isEmpty()) {
      desktop.viewModel().domainProperty().set(params.get(0));
      desktop.viewModel().check();
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (desktop != null && desktop.viewModel() != null) {
      desktop.viewModel().cancel();
    }
    if (lab != null) {
      lab.close();
    }
    pool.shutdownNow();
    timer.shutdownNow();
    background.shutdown();
    background.awaitTermination(2, TimeUnit.SECONDS);
  }

  static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
