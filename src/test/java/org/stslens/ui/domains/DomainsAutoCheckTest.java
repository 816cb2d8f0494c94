package org.stslens.ui.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.history.HistoryStore;
import org.testfx.util.WaitForAsyncUtils;

/** "Check all every N hours", driven by a scheduler the test fires by hand. */
class DomainsAutoCheckTest {

  @TempDir Path dir;

  /** A scheduled task the test fires; cancelled ones stay in the list, marked. */
  private static final class Pending {
    final Duration delay;
    final Runnable task;
    boolean cancelled;

    Pending(Duration delay, Runnable task) {
      this.delay = delay;
      this.task = task;
    }
  }

  private final List<Pending> scheduled = new ArrayList<>();

  private Pending live() {
    List<Pending> live = scheduled.stream().filter(p -> !p.cancelled).toList();
    assertThat(live).as("exactly one pending timer").hasSize(1);
    return live.get(0);
  }

  @Test
  void theTimerRunsCheckAllEveryNHoursSkipsWhileRunningAndStopsWhenOff() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger blockFrom = new AtomicInteger(Integer.MAX_VALUE);
    DomainsViewModel vm =
        new DomainsViewModel(
            dir.resolve(HistoryStore.FILE_NAME),
            domain -> {
              if (checks.incrementAndGet() >= blockFrom.get()) {
                release.await();
              }
              throw new IllegalStateException("no network in this test");
            },
            Runnable::run,
            Runnable::run,
            Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC),
            (delay, task) -> {
              Pending p = new Pending(delay, task);
              scheduled.add(p);
              return () -> p.cancelled = true;
            });
    vm.add("a.example");
    assertThat(scheduled).isEmpty();
    assertThat(vm.nextCheckTextProperty().get()).isEmpty();

    vm.autoCheckHoursProperty().set(6);
    vm.autoCheckProperty().set(true);
    assertThat(live().delay).isEqualTo(Duration.ofHours(6));
    assertThat(vm.nextCheckTextProperty().get()).isEqualTo("Next check at 16:00");
    assertThat(vm.nextCheckProperty().get()).isEqualTo(Instant.parse("2026-01-01T16:00:00Z"));
    assertThat(checks).hasValue(0);

    // the timer fires: Check all runs, and the next one is set
    Pending first = live();
    first.task.run();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
    assertThat(checks).hasValue(1);
    assertThat(live()).isNotSameAs(first);

    // a Check all still running when the timer fires: skipped, not doubled
    blockFrom.set(2);
    live().task.run();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> checks.get() == 2);
    assertThat(vm.runningProperty().get()).isTrue();
    live().task.run();
    assertThat(vm.statusProperty().get()).contains("skipped");
    Thread.sleep(100);
    assertThat(checks).hasValue(2);
    release.countDown();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());

    // a new N replaces the pending timer; a stale task that fires anyway does nothing
    Pending stale = live();
    vm.autoCheckHoursProperty().set(168);
    assertThat(stale.cancelled).isTrue();
    assertThat(live().delay).isEqualTo(Duration.ofHours(168));
    assertThat(vm.nextCheckTextProperty().get()).isEqualTo("Next check at 10:00");
    stale.task.run();
    Thread.sleep(100);
    assertThat(checks).hasValue(2);

    vm.autoCheckProperty().set(false);
    assertThat(scheduled).allMatch(p -> p.cancelled);
    assertThat(vm.nextCheckTextProperty().get()).isEmpty();
    assertThat(vm.nextCheckProperty().get()).isNull();
  }
}
