package org.stslens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.LabWorld;
import org.stslens.lab.Scenario;
import org.stslens.lab.ScenarioCatalog;

/**
 * Issue 14, item 7: every built-in scenario's domain checked as one batch, at most {@code
 * bench.parallel} (default 8) at once, as {@code check --from} does, each world on its own {@code
 * 127.0.n.x} addresses. Run inside {@code ../shared/tools/with-latency 25} (see {@code
 * scripts/bench-lab-batch.sh}) so that round trips count. Prints domains per second, peak heap, the
 * most checks seen running at once (the bound), and whether the slowest domain held the others up:
 * the time by which every other domain was done, against the batch's total.
 */
public final class LabBatchBenchmark {

  private LabBatchBenchmark() {}

  /** One domain of the batch: when its check started and ended (ms from the batch's start). */
  private record Timing(String id, long startMs, long endMs, String verdict) {
    long took() {
      return endMs - startMs;
    }
  }

  public static void main(String[] args) throws Exception {
    int parallel = Integer.getInteger("bench.parallel", 8);
    List<Scenario> scenarios = ScenarioCatalog.load().all();
    CertificateAuthority ca = CertificateAuthority.create("STS Lens lab CA");
    List<LabWorld> worlds = new ArrayList<>();
    ExecutorService engine = Executors.newCachedThreadPool();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ExecutorService slots = Executors.newFixedThreadPool(parallel);
    try {
      for (int i = 0; i < scenarios.size(); i++) {
        worlds.add(LabWorld.start(scenarios.get(i), false, ca, i + 1));
      }
      // warm-up: class loading and JIT on one world, so the batch measures checks, not start-up
      LabWorld first = worlds.get(0);
      for (int i = 0; i < 3; i++) {
        new MtaStsChecker(first.options(), engine, timer).check(first.domain(), CheckListener.NONE);
      }
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger mostAtOnce = new AtomicInteger();
      long t0 = System.nanoTime();
      List<Future<Timing>> done = new ArrayList<>();
      for (LabWorld w : worlds) {
        done.add(
            slots.submit(
                () -> {
                  mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                  long start = (System.nanoTime() - t0) / 1_000_000;
                  try {
                    DomainReport r =
                        new MtaStsChecker(w.options(), engine, timer)
                            .check(w.domain(), CheckListener.NONE);
                    return new Timing(
                        w.scenario().id(),
                        start,
                        (System.nanoTime() - t0) / 1_000_000,
                        r.verdict().toString());
                  } finally {
                    running.decrementAndGet();
                  }
                }));
      }
      List<Timing> timings = new ArrayList<>();
      for (Future<Timing> f : done) {
        timings.add(f.get());
      }
      long totalMs = (System.nanoTime() - t0) / 1_000_000;
      long peakHeap = peakHeapMib();
      timings.sort(Comparator.comparingLong(Timing::took).reversed());
      Timing slowest = timings.get(0);
      long finishedMeanwhile =
          timings.subList(1, timings.size()).stream()
              .filter(t -> t.endMs() <= slowest.endMs())
              .count();
      System.out.printf(
          "%d domains (every built-in scenario), at most %d at once (seen: %d), %s%n",
          timings.size(), parallel, mostAtOnce.get(), load());
      System.out.printf(
          "batch %d ms: %.1f domains/s; peak heap %d MiB (lab servers in the same JVM)%n",
          totalMs, timings.size() * 1000.0 / totalMs, peakHeap);
      System.out.println("slowest five (check time, start..end in the batch):");
      for (Timing t : timings.subList(0, Math.min(5, timings.size()))) {
        System.out.printf(
            "  %-32s %6d ms  (%d..%d)  %s%n", t.id(), t.took(), t.startMs(), t.endMs(), t.verdict());
      }
      System.out.printf(
          "while the slowest (%s, %d ms) ran from %d to %d ms, %d of the other %d domains"
              + " finished: it held no slot but its own%n",
          slowest.id(),
          slowest.took(),
          slowest.startMs(),
          slowest.endMs(),
          finishedMeanwhile,
          timings.size() - 1);
    } finally {
      slots.shutdownNow();
      engine.shutdownNow();
      timer.shutdownNow();
      worlds.forEach(LabWorld::close);
    }
  }

  private static long peakHeapMib() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum()
        / (1024 * 1024);
  }

  private static String load() {
    return "load "
        + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
        + " on "
        + Runtime.getRuntime().availableProcessors()
        + " cores";
  }
}
