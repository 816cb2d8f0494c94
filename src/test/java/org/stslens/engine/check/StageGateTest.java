package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;

class StageGateTest {

  @Test
  void noStageStartsBeforeTheGateLetsItThroughAndStartNeverBlocks() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("gate.test", "1", "mx1.gate.test");
      world.policyHost("gate.test", TestWorld.policy("enforce", "mx1.gate.test"));
      world.goodMx(0, "mx1.gate.test");
      Semaphore permits = new Semaphore(0);
      List<CheckStage> asked = new CopyOnWriteArrayList<>();
      List<CheckStage> started = new CopyOnWriteArrayList<>();
      CountDownLatch firstAsked = new CountDownLatch(1);
      StageGate gate =
          (stage, target) -> {
            asked.add(stage);
            firstAsked.countDown();
            permits.acquire();
          };
      CheckListener listener =
          new CheckListener() {
            @Override
            public void stageStarted(CheckStage stage, StageKind kind, String target) {
              started.add(stage);
            }
          };
      ExecutorService pool = Executors.newFixedThreadPool(8);
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
      try {
        RunningCheck running =
            new MtaStsChecker(world.options(), pool, timer).start("gate.test", listener, gate);
        // start() returned although the gate holds every stage; the worker now waits in the gate
        assertThat(firstAsked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).containsExactly(CheckStage.DISCOVERY);
        assertThat(started).isEmpty();

        permits.release(100);
        DomainReport report = running.report().get(20, TimeUnit.SECONDS);

        assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
        assertThat(asked)
            .containsExactlyInAnyOrder(
                CheckStage.DISCOVERY,
                CheckStage.TLSRPT,
                CheckStage.RETRIEVAL,
                CheckStage.POLICY,
                CheckStage.MX);
        assertThat(report.stages()).extracting(StageReport::stage).contains(CheckStage.MX);
      } finally {
        pool.shutdownNow();
        timer.shutdownNow();
      }
    }
  }

  @Test
  void cancellingWhileTheGateWaitsEndsTheCheck() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("gate2.test", "1", "mx1.gate2.test");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
      try {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Semaphore never = new Semaphore(0);
        StageGate gate =
            (stage, target) -> {
              waiting.countDown();
              try {
                never.acquire();
              } catch (InterruptedException e) {
                released.countDown();
                throw e;
              }
            };
        RunningCheck running =
            new MtaStsChecker(world.options(), pool, timer)
                .start("gate2.test", CheckListener.NONE, gate);
        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the worker reached the gate").isTrue();

        running.cancel();

        // The worker blocked in the gate is interrupted, not left waiting on a pool thread forever.
        assertThat(released.await(2, TimeUnit.SECONDS)).as("the gate's worker released").isTrue();
        assertThat(running.report()).isDone();
        assertThat(running.isCancelled()).isTrue();
      } finally {
        pool.shutdownNow();
        timer.shutdownNow();
      }
    }
  }
}
