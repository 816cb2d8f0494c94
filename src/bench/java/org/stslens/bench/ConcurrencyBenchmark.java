package org.stslens.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.lab.LabHttpResponse;

/**
 * Checks a 3-MX domain served by the in-process lab servers, each of which waits 50 ms before
 * every reply (DNS answers, the HTTPS response, each SMTP reply), and prints the wall time next to
 * the sum of the stage times and the longest single chain. With the stages running concurrently
 * the wall time should be close to discovery + the slowest of (policy fetch, each MX probe).
 *
 * <p>Kept beside {@link CheckLatencyBenchmark}, which measures real round trips inside a network
 * namespace: this one needs no root, and it compares the wall time with the sum of the stage
 * times, which shows whether the stages overlap at all.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests verify} (or with {@code -Dbench.runs=N}).
 */
public final class ConcurrencyBenchmark {

  private static final Duration DELAY = Duration.ofMillis(50);
  private static final String DOMAIN = "bench.test";

  private ConcurrencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 7);
    try (TestWorld world = new TestWorld()) {
      String[] mx = {"mx1." + DOMAIN, "mx2." + DOMAIN, "mx3." + DOMAIN};
      world.standardDns(DOMAIN, "20261128", mx);
      world.dns.replyDelay(DELAY);
      world.policyHost(
          DOMAIN, TestWorld.policy("enforce", "*." + DOMAIN).withDelay(DELAY));
      for (int i = 0; i < mx.length; i++) {
        String host = mx[i];
        world.mx(i, world.ca.issue(host), b -> b.hostname(host).replyDelay(DELAY));
      }
      world.smtpTimeout(Duration.ofSeconds(10));

      world.check(DOMAIN); // warm-up: class loading, JIT, TLS
      List<long[]> rows = new ArrayList<>();
      System.out.printf(
          "%-4s %10s %14s %16s %s%n", "run", "wall ms", "sum stages ms", "longest chain ms", "verdict");
      for (int run = 1; run <= runs; run++) {
        DomainReport r = world.check(DOMAIN);
        long chain = longestChain(r);
        rows.add(new long[] {r.durationMillis(), r.sumOfStageMillis(), chain});
        System.out.printf(
            "%-4d %10d %14d %16d %s%n",
            run, r.durationMillis(), r.sumOfStageMillis(), chain, r.verdict().word());
      }
      System.out.printf(
          "median: wall %d ms, sum of stages %d ms, longest chain %d ms (%d MX, %d ms per reply)%n",
          median(rows, 0), median(rows, 1), median(rows, 2), mx.length, DELAY.toMillis());
    }
  }

  /** Discovery + the slowest of (retrieval + policy, each MX). */
  private static long longestChain(DomainReport r) {
    long discovery = duration(r, CheckStage.DISCOVERY);
    long fetch = duration(r, CheckStage.RETRIEVAL) + duration(r, CheckStage.POLICY);
    long slowestMx =
        r.stages().stream()
            .filter(s -> s.stage() == CheckStage.MX && !s.target().isEmpty())
            .mapToLong(StageReport::durationMillis)
            .max()
            .orElse(0);
    return discovery + Math.max(fetch, slowestMx);
  }

  private static long duration(DomainReport r, CheckStage stage) {
    return r.stages().stream()
        .filter(s -> s.stage() == stage)
        .mapToLong(StageReport::durationMillis)
        .sum();
  }

  private static long median(List<long[]> rows, int column) {
    long[] values = rows.stream().mapToLong(row -> row[column]).sorted().toArray();
    return values[values.length / 2];
  }
}
