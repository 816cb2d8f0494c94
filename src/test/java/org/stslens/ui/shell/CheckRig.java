package org.stslens.ui.shell;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.TestWorld;

/**
 * What the view-model tests of a check share: a single "UI" thread standing in for the FX thread,
 * the engine's pools, and a view model checking against a {@link TestWorld}. Close it after each
 * test.
 */
final class CheckRig implements AutoCloseable {

  private final ExecutorService ui = Executors.newSingleThreadExecutor();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  /** A view model whose checks run in {@code world}; saved histories go to {@code history}. */
  CheckViewModel viewModel(TestWorld world, Consumer<List<String>> history) {
    MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
    return new CheckViewModel(checker::start, ui::execute, history::accept);
  }

  CheckViewModel viewModel(TestWorld world) {
    return viewModel(world, history -> {});
  }

  /** Runs {@code action} on the UI thread and waits for it. */
  void onUi(Runnable action) throws Exception {
    ui.submit(action).get(5, TimeUnit.SECONDS);
  }

  /** Waits until {@code condition}, read on the UI thread, holds; fails after {@code seconds}. */
  void await(BooleanSupplier condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      boolean[] done = new boolean[1];
      onUi(() -> done[0] = condition.getAsBoolean());
      if (done[0]) {
        return;
      }
      Thread.sleep(20); // polling what the UI thread shows, not synchronising with it
    }
    throw new AssertionError("condition not reached in " + seconds + " s");
  }

  void await(BooleanSupplier condition) throws Exception {
    await(condition, 15);
  }

  @Override
  public void close() {
    ui.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }
}
