package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.RunningCheck;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.report.StageStatus;

/**
 * Issue 14, item 6: the engine's events reach the FX thread in bursts; while the FX thread is busy
 * (a long pulse), the events that pile up are handed over as one task, not one task each.
 */
class CheckViewModelCoalescingTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void eventsThatArriveWhileTheFxThreadIsBusyAreOneTaskAndAllApplyInOrder() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("vm.test", "1", "mx1.vm.test", "mx2.vm.test");
      world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test", "mx2.vm.test"));
      world.goodMx(0, "mx1.vm.test");
      world.goodMx(1, "mx2.vm.test");
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
      AtomicReference<RunningCheck> running = new AtomicReference<>();
      // the "FX thread" runs nothing until the check has ended: every event waits for it
      List<Runnable> handedOver = java.util.Collections.synchronizedList(new ArrayList<>());
      CheckViewModel vm =
          new CheckViewModel(
              (domain, listener, gate) -> {
                RunningCheck check = checker.start(domain, listener, gate);
                running.set(check);
                return check;
              },
              handedOver::add,
              h -> {});
      vm.domainProperty().set("vm.test");
      vm.check();
      running.get().report().get(30, TimeUnit.SECONDS);
      Thread.sleep(200); // the report's own event follows the future's completion

      assertThat(handedOver).as("FX tasks for a whole check's events").hasSize(1);

      while (!handedOver.isEmpty()) {
        handedOver.remove(0).run();
      }
      assertThat(vm.reportProperty().get()).isNotNull();
      assertThat(vm.runningProperty().get()).isFalse();
      assertThat(vm.stages())
          .extracting(StageItem::title)
          .contains("MX mx1.vm.test", "MX mx2.vm.test", "Summary");
      assertThat(vm.stages())
          .allSatisfy(
              s ->
                  assertThat(s.status())
                      .as(s.title())
                      .isNotIn(StageStatus.RUNNING, StageStatus.PENDING));
      assertThat(vm.stages())
          .filteredOn(s -> s.kind() == StageItem.Kind.MX_HOST)
          .allSatisfy(s -> assertThat(s.report()).isPresent());
      assertThat(vm.mxReports()).hasSize(2);
    }
  }

  @Test
  void anEventAfterTheTaskRanIsHandedOverAgain() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("vm.test", "1", "mx1.vm.test");
      world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test"));
      world.goodMx(0, "mx1.vm.test");
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
      ExecutorService ui = Executors.newSingleThreadExecutor();
      try {
        CheckViewModel vm = new CheckViewModel(checker::start, ui::execute, h -> {});
        ui.submit(
                () -> {
                  vm.domainProperty().set("vm.test");
                  vm.check();
                })
            .get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean done = false;
        while (!done && System.nanoTime() < deadline) {
          done = ui.submit(() -> vm.reportProperty().get() != null).get(5, TimeUnit.SECONDS);
          Thread.sleep(20);
        }
        assertThat(done).as("the check's end reached the UI thread").isTrue();
      } finally {
        ui.shutdownNow();
      }
    }
  }
}
