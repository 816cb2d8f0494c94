package org.stslens.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportCounter;
import org.stslens.engine.tlsrpt.reports.ReportImporter;
import org.stslens.engine.tlsrpt.reports.ReportSummary;

/**
 * Times {@code stslens tlsrpt summarize}'s import and counting of a folder of {@code bench.reports}
 * (default 10,000) small reports, half of them gzipped, and reports the peak heap; then imports a
 * gzip bomb and a zip bomb of {@code bench.bombMiB} (default 1024) MiB of zeros each and reports
 * the peak heap again. Run with a small heap to check the bound, e.g.:
 *
 * <p>{@code mvn -B -o -Pbench -DskipTests test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt && java -Xmx160m -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) org.stslens.bench.TlsRptImportBenchmark}
 */
public final class TlsRptImportBenchmark {

  private TlsRptImportBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = Integer.getInteger("bench.reports", 10_000);
    long bombMiB = Long.getLong("bench.bombMiB", 1024);
    Path dir = Files.createTempDirectory("tlsrpt-bench");
    for (int i = 0; i < count; i++) {
      byte[] report = report(i).getBytes(StandardCharsets.UTF_8);
      if (i % 2 == 0) {
        Files.write(dir.resolve("r" + i + ".json"), report);
      } else {
        try (OutputStream out =
            new GZIPOutputStream(Files.newOutputStream(dir.resolve("r" + i + ".json.gz")))) {
          out.write(report);
        }
      }
    }
    System.out.printf("max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    for (int run = 1; run <= 3; run++) {
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      ImportResult imported = ReportImporter.importAll(List.of(dir));
      ReportSummary summary = ReportCounter.count(imported);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "run %d: %d files, %d reports, %d skipped, %d domains in %d ms; peak heap %d MiB%n",
          run,
          count,
          summary.reports(),
          summary.skipped().size(),
          summary.domains().size(),
          ms,
          peakHeap() >> 20);
    }

    Path bombs = Files.createTempDirectory("tlsrpt-bombs");
    byte[] zeros = new byte[1 << 20];
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(bombs.resolve("bomb.json.gz")))) {
      for (long i = 0; i < bombMiB; i++) {
        out.write(zeros);
      }
    }
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(bombs.resolve("bomb.zip")))) {
      zip.putNextEntry(new ZipEntry("report.json"));
      for (long i = 0; i < bombMiB; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    ImportResult bombed = ReportImporter.importAll(List.of(bombs));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "bombs (%d MiB inflated each; %d + %d bytes on disk): %s in %d ms; peak heap %d MiB%n",
        bombMiB,
        Files.size(bombs.resolve("bomb.json.gz")),
        Files.size(bombs.resolve("bomb.zip")),
        bombed.skipped(),
        ms,
        peakHeap() >> 20);
    delete(dir);
    delete(bombs);
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String report(int i) {
    String domain = "example" + (i % 10) + ".com";
    return "{\"organization-name\":\"Org "
        + (i % 7)
        + "\",\"date-range\":{\"start-datetime\":\"2026-11-"
        + String.format("%02d", 1 + i % 28)
        + "T00:00:00Z\",\"end-datetime\":\"2026-11-"
        + String.format("%02d", 1 + i % 28)
        + "T23:59:59Z\"},\"contact-info\":\"a@b.example\",\"report-id\":\"r-"
        + i
        + "\",\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version:"
        + " STSv1\",\"mode: enforce\",\"mx: mx1."
        + domain
        + "\",\"max_age: 86400\"],\"policy-domain\":\""
        + domain
        + "\",\"mx-host\":[\"mx1."
        + domain
        + "\"]},\"summary\":{\"total-successful-session-count\":"
        + (10 + i % 50)
        + ",\"total-failure-session-count\":2},\"failure-details\":[{\"result-type\":"
        + "\"certificate-expired\",\"sending-mta-ip\":\"192.0.2.1\",\"receiving-mx-hostname\":\"mx1."
        + domain
        + "\",\"receiving-ip\":\"198.51.100.1\",\"failed-session-count\":2}]}]}";
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since the last reset (an upper bound of the live peak). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
