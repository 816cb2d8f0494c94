package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.ChangeSet;
import org.stslens.engine.report.DomainReport;

/**
 * A check followed by a step (the desktop's history): the step sees the report; cancel stops both.
 */
class RunningCheckThenTest {

  @Test
  void theStepReceivesTheReportAndItsResultIsAwaited() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (TestWorld world = new TestWorld()) {
      world.standardDns("then.test", "1", "mx1.then.test");
      world.policyHost("then.test", TestWorld.policy("enforce", "mx1.then.test"));
      world.goodMx(0, "mx1.then.test");
      RunningCheck running =
          new MtaStsChecker(world.options(), pool, timer)
              .start("then.test", CheckListener.NONE)
              .then(
                  r -> r.withChanges(ChangeSet.of(java.util.Optional.empty(), java.util.List.of())),
                  pool);
      DomainReport report = running.await();
      assertThat(report.domain()).isEqualTo("then.test");
      assertThat(report.changes().compared()).isTrue();
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  @Test
  void cancellingStopsTheStalledCheckAndTheStepNeverRuns() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (TestWorld world = new TestWorld()) {
      world.standardDns("stuck.test", "1", "mx.stuck.test");
      world.policyHost("stuck.test", TestWorld.policy("enforce", "mx.stuck.test"));
      SilentServer silent = world.add(SilentServer.stalling(TestWorld.mxAddress(0)));
      world.smtpTimeout(Duration.ofSeconds(30));
      AtomicBoolean stepRan = new AtomicBoolean();
      RunningCheck running =
          new MtaStsChecker(world.options(), pool, timer)
              .start("stuck.test", CheckListener.NONE)
              .then(
                  r -> {
                    stepRan.set(true);
                    return r;
                  },
                  pool);
      assertThat(silent.awaitAccepted(5000)).as("the probe connected").isTrue();
      long before = System.nanoTime();
      running.cancel();
      assertThatThrownBy(running::await).isInstanceOf(InterruptedException.class);
      assertThat(running.isCancelled()).isTrue();
      assertThat(silent.awaitClientClosed(2000)).as("the stalled SMTP socket was closed").isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(5000);
      Thread.sleep(200);
      assertThat(stepRan).isFalse();
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }
}
