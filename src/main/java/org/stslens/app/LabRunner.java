package org.stslens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.report.CheckOrigin;
import org.stslens.lab.LabWorld;
import org.stslens.lab.Scenario;
import org.stslens.lab.ScenarioCatalog;
import org.stslens.ui.lab.LabScenarioInfo;
import org.stslens.ui.shell.CheckViewModel;
import org.stslens.ui.shell.CheckWorld;

/**
 * Runs lab scenarios for the desktop app: starts a scenario's loopback world off the FX thread,
 * then checks it with the world's DNS server, CA and port map for that check only. One world runs
 * at a time; the previous one is closed when the next starts, and on exit.
 */
final class LabRunner implements AutoCloseable {

  private final CompletableFuture<ScenarioCatalog> catalog;
  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final Executor background;
  private final AtomicReference<LabWorld> running = new AtomicReference<>();

  LabRunner(
      ScenarioCatalog catalog,
      ExecutorService pool,
      ScheduledExecutorService timer,
      Executor background) {
    this(CompletableFuture.completedFuture(catalog), pool, timer, background);
  }

  /**
   * With a catalog that is still loading (the app loads it in the background, off the path to the
   * first window); it is waited for only when the Lab screen or a scenario needs it.
   */
  LabRunner(
      CompletableFuture<ScenarioCatalog> catalog,
      ExecutorService pool,
      ScheduledExecutorService timer,
      Executor background) {
    this.catalog = catalog;
    this.pool = pool;
    this.timer = timer;
    this.background = background;
  }

  List<LabScenarioInfo> scenarios() {
    return catalog.join().all().stream().map(LabRunner::info).toList();
  }

  static LabScenarioInfo info(Scenario s) {
    Optional<Scenario.Fix> fix = Optional.ofNullable(s.fix());
    return new LabScenarioInfo(
        s.id(),
        s.title(),
        s.story().whatWentWrong(),
        s.story().howItHappens(),
        s.story().howToFix(),
        fix.map(Scenario.Fix::description),
        s.expect().verdict(),
        fix.map(f -> f.expect().verdict()));
  }

  /**
   * Starts the scenario's world in the background, then enters it in {@code vm}: every check of its
   * domain goes to the world until the user leaves it. The view model shows that the servers start.
   */
  void run(String id, boolean fixed, CheckViewModel vm) {
    vm.startingWorld(
        "Starting the lab's servers for " + id + (fixed ? " (fixed)" : "") + " on loopback …");
    background.execute(
        () -> {
          try {
            Scenario scenario = catalog.join().byId(id).orElseThrow();
            LabWorld world = LabWorld.start(scenario, fixed);
            LabWorld previous = running.getAndSet(world);
            if (previous != null) {
              previous.close();
            }
            // curl and openssl read the lab CA from a file: the "Try it yourself" commands name it
            Path ca = Files.createTempFile("stslens-lab-", "-ca.pem");
            ca.toFile().deleteOnExit();
            world.writeCaPem(ca);
            CheckWorld entered =
                new CheckWorld(
                    world.domain(),
                    CheckOrigin.lab(id, fixed, world.tryCommands(ca)),
                    (domain, listener, gate) ->
                        new MtaStsChecker(world.options(), pool, timer)
                            .start(domain, listener, gate));
            Platform.runLater(() -> vm.enterWorld(entered));
          } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> vm.worldFailed(String.valueOf(e.getMessage())));
          }
        });
  }

  @Override
  public void close() {
    LabWorld world = running.getAndSet(null);
    if (world != null) {
      world.close();
    }
  }
}
