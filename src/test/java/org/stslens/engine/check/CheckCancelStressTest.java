package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;

/**
 * Hundreds of checks share one small pool and about half are cancelled at random moments: a cancel
 * must reach only its own check, never a task of another check that a pooled thread runs next.
 */
class CheckCancelStressTest {

  private static final int CHECKS = Integer.getInteger("stress.checks", 1500);
  private static final int IN_FLIGHT = Integer.getInteger("stress.inFlight", 16);
  private static final int THREADS = Integer.getInteger("stress.threads", 3);
  private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("stress.seconds", 15));

  @Test
  void cancellingSomeChecksNeverDisturbsTheOthers() throws Exception {
    long seed = Long.getLong("stress.seed", System.nanoTime());
    System.out.println("CheckCancelStressTest seed: " + seed + " (rerun with -Dstress.seed=...)");
    Random random = new Random(seed);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService cancels = Executors.newSingleThreadScheduledExecutor();
    try (TestWorld world = new TestWorld()) {
      // three MX hosts: a cancel has several probes of one check to interrupt at once
      String[] mxHosts = {"mx1.good.test", "mx2.good.test", "mx3.good.test"};
      world.standardDns("good.test", "1", mxHosts);
      world.policyHost("good.test", TestWorld.policy("enforce", "*.good.test"));
      for (int i = 0; i < mxHosts.length; i++) {
        world.goodMx(i, mxHosts[i]);
      }
      world.slowThreshold(Duration.ofMinutes(1));
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
      // a full check (DNS, HTTPS, SMTP with STARTTLS) and a quick one (DNS only: short tasks)
      DomainReport full = checker.check("good.test", CheckListener.NONE);
      assertThat(full.verdict()).as(full.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      DomainReport quick = checker.check("none.test", CheckListener.NONE);
      Map<String, String> expected =
          Map.of("good.test", summary(full), "none.test", summary(quick));
      long checkMillis = Math.max(5, full.durationMillis());

      // IN_FLIGHT checks at all times; each cancelled one at a random moment of its run
      long start = System.nanoTime();
      long deadline = start + BUDGET.toNanos();
      Semaphore slots = new Semaphore(IN_FLIGHT);
      List<RunningCheck> kept = new ArrayList<>();
      List<RunningCheck> cancelled = new ArrayList<>();
      while (kept.size() + cancelled.size() < CHECKS && System.nanoTime() < deadline) {
        if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
          continue;
        }
        RunningCheck check =
            checker.start(random.nextBoolean() ? "good.test" : "none.test", CheckListener.NONE);
        check.report().whenComplete((report, failure) -> slots.release());
        if (random.nextBoolean()) {
          kept.add(check);
        } else {
          cancelled.add(check);
          cancels.schedule(
              check::cancel, random.nextLong(checkMillis * 1000), TimeUnit.MICROSECONDS);
        }
      }

      List<String> disturbed = new ArrayList<>();
      for (RunningCheck check : kept) {
        String problem = problem(check, expected.get(check.domain()));
        if (problem != null) {
          disturbed.add(problem);
        }
      }
      for (RunningCheck check : cancelled) {
        try {
          check.report().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | CancellationException e) {
          // a cancelled check may end either way; only the uncancelled ones are judged
        }
      }
      System.out.printf(
          "CheckCancelStressTest: %d checks, %d cancelled, %d ms, seed %d%n",
          kept.size() + cancelled.size(),
          cancelled.size(),
          (System.nanoTime() - start) / 1_000_000,
          seed);
      assertThat(kept.size() + cancelled.size()).as("checks run").isGreaterThanOrEqualTo(100);
      assertThat(disturbed).as("uncancelled checks disturbed (seed " + seed + ")").isEmpty();
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
      cancels.shutdownNow();
    }
  }

  private static String problem(RunningCheck check, String expected) throws InterruptedException {
    DomainReport report;
    try {
      report = check.report().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return check.domain() + " failed: " + e.getCause();
    } catch (TimeoutException e) {
      return check.domain() + " did not finish";
    }
    String summary = summary(report);
    return summary.equals(expected) ? null : check.domain() + ": " + summary;
  }

  /** The verdict and the codes found, in a stable order (stages run concurrently). */
  private static String summary(DomainReport report) {
    return report.verdict() + " " + TestWorld.codes(report).stream().sorted().toList();
  }
}
