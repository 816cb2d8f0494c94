package org.stslens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/**
 * The warm check of issue 14: the 2-MX lab scenario checked again and again in one JVM (as the
 * desktop app does), against the critical path of the round-trip model. Only meaningful inside
 * {@code ../shared/tools/with-latency MS}, where every packet on loopback waits MS ms, so that TCP
 * and TLS round trips count; {@code scripts/bench-latency.sh} runs it there.
 *
 * <p>The critical path: the TXT, MX and TLS-RPT queries together (1 RTT), the MX host's address (1
 * RTT), then TCP connect, greeting, EHLO, STARTTLS, the TLS 1.3 handshake and the EHLO after TLS
 * (5.5 RTT): 7.5 RTT. The policy chain (5 RTT) runs beside it.
 *
 * <p>Run: {@code scripts/bench-latency.sh [runs] [ms]}; alone (without latency it measures CPU
 * only): {@code mvn -B -Pbench -DskipTests verify -Dbench.main=org.stslens.bench.CheckLatencyBenchmark}.
 */
public final class CheckLatencyBenchmark {

  private static final String SCENARIO = "good-enforce";
  private static final double GOAL_RATIO = 1.15;

  /** Round trips on the critical path when the MX address needs its own query. */
  static final double CRITICAL_RTT = 7.5;

  private CheckLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 7);
    int msPerPacket = Integer.getInteger("bench.msPerPacket", 25);
    if ("compare".equals(System.getProperty("bench.dane"))) {
      compareDane(System.getProperty("bench.scenario", "dane-ee-valid"), runs, msPerPacket);
      return;
    }
    double critical = CRITICAL_RTT * 2 * msPerPacket;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world = LabWorld.start(ScenarioCatalog.load().byId(SCENARIO).orElseThrow(), false)) {
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
      for (int i = 0; i < 3; i++) {
        checker.check(world.domain(), CheckListener.NONE); // warm-up: classes, JIT, TLS
      }
      List<Long> walls = new ArrayList<>();
      System.out.printf("%-4s %8s  %-9s %s%n", "run", "wall ms", "verdict", "slowest MX: steps ms");
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        DomainReport r = checker.check(world.domain(), CheckListener.NONE);
        long wall = (System.nanoTime() - start) / 1_000_000;
        walls.add(wall);
        System.out.printf(
            "%-4d %8d  %-9s %s%n", run, wall, r.verdict().word(), slowestEndpoint(r));
      }
      List<Long> sorted = walls.stream().sorted().toList();
      long median = sorted.get(sorted.size() / 2);
      double ratio = median / critical;
      System.out.printf(
          "warm check, %d ms per packet: median %d ms (range %d-%d), critical path %.0f ms"
              + " (%.1f RTT), ratio %.2f, goal <= %.2f: %s%n",
          msPerPacket,
          median,
          sorted.get(0),
          sorted.get(sorted.size() - 1),
          critical,
          CRITICAL_RTT,
          ratio,
          GOAL_RATIO,
          ratio <= GOAL_RATIO ? "met" : "NOT met");
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  /**
   * DANE's cost on the critical path (issue 18): the same signed world checked with DANE on and
   * with {@code --no-dane}, alternately (so that load on a shared machine hits both alike), with
   * the queries the TLSA look-up's validator sent.
   */
  private static void compareDane(String scenario, int runs, int msPerPacket) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world = LabWorld.start(ScenarioCatalog.load().byId(scenario).orElseThrow(), false)) {
      MtaStsChecker on = new MtaStsChecker(world.options(), pool, timer);
      MtaStsChecker off =
          new MtaStsChecker(
              world.options().withDane(world.options().dane().withEnabled(false)), pool, timer);
      for (int i = 0; i < 3; i++) {
        on.check(world.domain(), CheckListener.NONE); // warm-up: classes, JIT, TLS, validator
        off.check(world.domain(), CheckListener.NONE);
      }
      List<Long> withDane = new ArrayList<>();
      List<Long> without = new ArrayList<>();
      System.out.printf("%-4s %10s %10s  %s%n", "run", "DANE ms", "no-DANE ms", "DANE per MX: validator");
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        DomainReport r = on.check(world.domain(), CheckListener.NONE);
        long a = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        off.check(world.domain(), CheckListener.NONE);
        long b = (System.nanoTime() - start) / 1_000_000;
        withDane.add(a);
        without.add(b);
        String queries =
            String.join(
                " ",
                r.mx().stream()
                    .map(
                        m ->
                            m.dane()
                                .map(
                                    d ->
                                        d.verdict().word()
                                            + " "
                                            + d.tlsa().chain().queries()
                                            + " queries in "
                                            + d.tlsa().chain().roundTrips()
                                            + " RTT")
                                .orElse("-"))
                    .toList());
        System.out.printf("%-4d %10d %10d  %s%n", run, a, b, queries);
      }
      long medOn = median(withDane);
      long medOff = median(without);
      double rtt = 2.0 * msPerPacket;
      System.out.printf(
          "%s, %d ms per packet, %d runs each: DANE median %d ms (range %d-%d), --no-dane median"
              + " %d ms (range %d-%d); DANE adds %d ms = %.2f RTT; goal <= 1 RTT: %s%n",
          scenario,
          msPerPacket,
          runs,
          medOn,
          min(withDane),
          max(withDane),
          medOff,
          min(without),
          max(without),
          medOn - medOff,
          (medOn - medOff) / rtt,
          medOn - medOff <= rtt ? "met" : "NOT met");
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long min(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /**
   * The steps of the slowest endpoint; "after TLS" is what the probe spent after the handshake
   * (the EHLO after TLS, and QUIT).
   */
  private static String slowestEndpoint(DomainReport r) {
    EndpointProbe slowest = null;
    for (MxReport mx : r.mx()) {
      for (EndpointProbe e : mx.endpoints()) {
        if (slowest == null || total(e) > total(slowest)) {
          slowest = e;
        }
      }
    }
    if (slowest == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(slowest.mxHost() + ":");
    long steps = 0;
    for (Map.Entry<String, Long> t : slowest.timingsMillis().entrySet()) {
      if (!t.getKey().equals("total")) {
        out.append(' ').append(t.getKey()).append(' ').append(t.getValue());
        steps += t.getValue();
      }
    }
    return out.append(" after-TLS ")
        .append(total(slowest) - steps)
        .append(" total ")
        .append(total(slowest))
        .toString();
  }

  private static long total(EndpointProbe e) {
    return e.timingsMillis().getOrDefault("total", 0L);
  }
}
