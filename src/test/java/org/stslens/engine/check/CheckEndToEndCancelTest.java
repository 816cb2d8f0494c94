package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;

/** Cancelling a check stuck on a silent MX: prompt, sockets closed, pool reusable. */
class CheckEndToEndCancelTest {

  @Test
  void cancelClosesTheStalledSmtpConnectionAndTheNextCheckRuns() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (TestWorld world = new TestWorld()) {
      // stuck.test: its only MX accepts and never greets; good.test: all fine
      world.standardDns("stuck.test", "1", "mx.stuck.test");
      world.dns.txt("_mta-sts.good.test", "v=STSv1; id=1");
      world.dns.a("mta-sts.good.test", TestWorld.POLICY_ADDRESS);
      world.dns.mx("good.test", 10, "mx.good.test");
      world.dns.a("mx.good.test", TestWorld.mxAddress(1));
      world.policyHost(
          world.ca.issue("mta-sts.stuck.test", "mta-sts.good.test"),
          TestWorld.policy("enforce", "mx.stuck.test", "mx.good.test"));
      SilentServer silent = world.add(SilentServer.stalling(TestWorld.mxAddress(0)));
      world.goodMx(1, "mx.good.test");
      world.smtpTimeout(Duration.ofSeconds(30));
      CountDownLatch mxStarted = new CountDownLatch(1);
      AtomicInteger finishedChecks = new AtomicInteger();
      CheckListener listener =
          new CheckListener() {
            @Override
            public void stageStarted(CheckStage stage, StageKind kind, String target) {
              if (stage == CheckStage.MX) {
                mxStarted.countDown();
              }
            }

            @Override
            public void checkFinished(DomainReport report) {
              finishedChecks.incrementAndGet();
            }
          };
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);

      RunningCheck running = checker.start("stuck.test", listener);
      assertThat(mxStarted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(silent.awaitAccepted(5000)).as("the probe connected").isTrue();
      long before = System.nanoTime();
      running.cancel();

      assertThatThrownBy(running::await).isInstanceOf(InterruptedException.class);
      assertThat(running.isCancelled()).isTrue();
      assertThat(silent.awaitClientClosed(2000)).as("the lab server saw the close").isTrue();
      long tookMillis = (System.nanoTime() - before) / 1_000_000;
      assertThat(tookMillis).isLessThan(2000);
      assertThat(running.report()).isCompletedExceptionally();

      // the same pool and checker still work: no thread is stuck on the silent server
      DomainReport next =
          checker.start("good.test", CheckListener.NONE).report().get(10, TimeUnit.SECONDS);
      assertThat(next.verdict()).as(next.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finishedChecks.get()).as("a cancelled check never reports finished").isZero();
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  @Test
  void interruptingTheWaitingThreadCancelsTheCheck() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("stuck.test", "1", "mx.stuck.test");
      world.policyHost("stuck.test", TestWorld.policy("enforce", "mx.stuck.test"));
      SilentServer silent = world.add(SilentServer.stalling(TestWorld.mxAddress(0)));
      world.smtpTimeout(Duration.ofSeconds(30));
      Thread caller = Thread.currentThread();
      Thread interrupter =
          new Thread(
              () -> {
                try {
                  if (silent.awaitAccepted(5000)) {
                    caller.interrupt();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      interrupter.start();

      assertThatThrownBy(() -> world.check("stuck.test")).isInstanceOf(InterruptedException.class);
      interrupter.join();
      Thread.interrupted(); // clear, should the interrupt have arrived late
      assertThat(silent.awaitClientClosed(2000)).isTrue();
    }
  }
}
