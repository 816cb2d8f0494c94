package org.stslens.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.stslens.cli.StsLensCommand;
import org.stslens.engine.check.TestWorld;
import org.stslens.lab.LabHttpsServer;

/**
 * {@code stslens check --from LIST --format ndjson} over 1,000 loopback domains (or {@code
 * -Dbench.domains=N}), in this JVM: domains per second and peak heap, each next to its goal. The
 * domains share one lab DNS server, two MX hosts ({@code mx1/mx2.bench.test}) and ten policy hosts
 * whose certificates each name 100 of the {@code mta-sts.} hosts; every domain is a full check
 * (DNS, HTTPS fetch, two STARTTLS probes, TLS-RPT) with verdict enforced. The output is counted and
 * thrown away, so that the disk is not measured. The lab servers run in the same JVM and share its
 * heap.
 *
 * <p>Run with the heap capped (exec:java runs in Maven's own JVM, whose heap counts too):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx256m mvn -B -Pbench -DskipTests verify \
 *   -Dbench.main=org.stslens.bench.BatchBenchmark [-Dbench.domains=10000] [-Dbench.parallel=8]
 * </pre>
 */
public final class BatchBenchmark {

  private static final int PER_POLICY_HOST = 100;

  /** Goals: a list of 10,000 in under 10 minutes on 2 cores; the heap cap of the issue. */
  private static final double GOAL_DOMAINS_PER_SECOND = 17;

  private static final long GOAL_PEAK_HEAP_MIB = 256;

  private BatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int domains = Integer.getInteger("bench.domains", 1000);
    int parallel = Integer.getInteger("bench.parallel", 8);
    Path dir = Files.createTempDirectory("stslens-batch-bench");
    try (TestWorld world = new TestWorld()) {
      List<String> names = world(world, Math.max(domains, 50));
      List<String> cli = world.checkArguments(dir);

      Path warmUp = Files.write(dir.resolve("warm-up.txt"), names.subList(0, 50));
      run(warmUp, parallel, cli); // class loading, JIT, TLS session setup

      Path list = Files.write(dir.resolve("list.txt"), names.subList(0, domains));
      long worldHeap = usedAfterGc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      HeapSampler sampler = new HeapSampler();
      sampler.start();
      long t0 = System.nanoTime();
      Result r = run(list, parallel, cli);
      double seconds = (System.nanoTime() - t0) / 1e9;
      sampler.interrupt();
      sampler.join();

      long maxHeapMib = Runtime.getRuntime().maxMemory() >> 20;
      double rate = r.lines / seconds;
      System.out.printf(
          "%d domains, --parallel %d, heap cap (-Xmx) %d MiB%s%n",
          domains,
          parallel,
          maxHeapMib,
          maxHeapMib > GOAL_PEAK_HEAP_MIB ? "  (NOT capped: run with MAVEN_OPTS=-Xmx256m)" : "");
      System.out.printf(
          "exit %d; %d ndjson lines, %d enforced, %.1f MiB written; stderr: %s%n",
          r.exit, r.lines, r.enforced, r.chars / 1048576.0, r.err.isBlank() ? "(empty)" : r.err);
      System.out.printf(
          "throughput: %.1f domains/s in %.1f s          goal >= %.0f domains/s%n",
          rate, seconds, GOAL_DOMAINS_PER_SECOND);
      System.out.printf(
          "peak heap used: %d MiB sampled, %d MiB sum of pool peaks   goal < %d MiB%n",
          sampler.peak.get() >> 20, poolPeaks() >> 20, GOAL_PEAK_HEAP_MIB);
      System.out.printf(
          "heap used after GC: %d MiB before the run (the lab world), %d MiB after it (the lab"
              + " servers keep every request they saw; the command has returned)%n",
          worldHeap >> 20, usedAfterGc() >> 20);
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Publishes {@code n} domains d0001.bench.test... and starts their servers; their names. */
  private static List<String> world(TestWorld world, int n) throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(String.format("d%05d.bench.test", i));
    }
    for (int host = 0; host * PER_POLICY_HOST < n; host++) {
      List<String> group =
          names.subList(host * PER_POLICY_HOST, Math.min(n, (host + 1) * PER_POLICY_HOST));
      String address = "127.0.1." + (host + 1);
      for (String d : group) {
        world.dns.txt("_mta-sts." + d, "v=STSv1; id=20261205");
        world.dns.txt("_smtp._tls." + d, "v=TLSRPTv1; rua=mailto:tlsrpt@" + d);
        world.dns.a("mta-sts." + d, address);
        world.dns.mx(d, 10, "mx1.bench.test");
        world.dns.mx(d, 20, "mx2.bench.test");
      }
      world.add(
          LabHttpsServer.builder(
                  world.ca.issue(group.stream().map(d -> "mta-sts." + d).toArray(String[]::new)))
              .bind(InetAddress.getByName(address))
              .route("/.well-known/mta-sts.txt", TestWorld.policy("enforce", "*.bench.test"))
              .start());
    }
    for (int i = 0; i < 2; i++) {
      String mx = "mx" + (i + 1) + ".bench.test";
      world.dns.a(mx, TestWorld.mxAddress(i));
      world.goodMx(i, mx);
    }
    return names;
  }

  private record Result(int exit, long lines, long enforced, long chars, String err) {}

  private static Result run(Path list, int parallel, List<String> worldArgs) {
    CountingWriter out = new CountingWriter();
    StringWriter err = new StringWriter();
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "--from",
                list.toString(),
                "--format",
                "ndjson",
                "--parallel",
                Integer.toString(parallel)));
    args.addAll(worldArgs);
    int exit =
        StsLensCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    return new Result(exit, out.lines, out.enforced, out.chars, err.toString());
  }

  /** Counts lines and enforced verdicts, keeps only the current line. */
  private static final class CountingWriter extends Writer {
    private final StringBuilder line = new StringBuilder();
    long lines;
    long enforced;
    long chars;

    @Override
    public void write(char[] buffer, int off, int len) {
      chars += len;
      for (int i = off; i < off + len; i++) {
        if (buffer[i] == '\n') {
          lines++;
          if (line.indexOf("\"verdict\":\"enforced\"") >= 0) {
            enforced++;
          }
          line.setLength(0);
        } else {
          line.append(buffer[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** The largest used heap seen every 20 ms. */
  private static final class HeapSampler extends Thread {
    final AtomicLong peak = new AtomicLong();

    HeapSampler() {
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        Runtime rt = Runtime.getRuntime();
        peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long usedAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
