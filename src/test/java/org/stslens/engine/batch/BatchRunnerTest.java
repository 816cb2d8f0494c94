package org.stslens.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/** The runner's scheduling, with a fake check: bound, streaming, slow domains, cancel, errors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchRunnerTest {

  private final List<BatchOutcome> written = Collections.synchronizedList(new ArrayList<>());

  /** The lab check behind the fake reports runs once here, outside the tests' timings. */
  @BeforeAll
  static void realReport() throws InterruptedException {
    FakeReports.of("warm.test");
  }

  private static Iterator<BatchLine> list(String text) {
    return new DomainList(new BufferedReader(new StringReader(text)));
  }

  private static String domains(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> "d" + i + ".test")
        .collect(Collectors.joining("\n"));
  }

  private static List<String> domainsOf(List<BatchOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o instanceof BatchOutcome.Checked)
        .map(o -> ((BatchOutcome.Checked) o).report().domain())
        .toList();
  }

  @Test
  void neverMoreChecksAtOnceThanParallel() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    DomainCheck check =
        d -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          Thread.sleep(20);
          running.decrementAndGet();
          return FakeReports.of(d);
        };

    BatchSummary summary = new BatchRunner(check, 3).run(list(domains(30)), written::add);

    assertThat(summary.checked()).isEqualTo(30);
    assertThat(most.get()).isEqualTo(3);
    assertThat(domainsOf(written)).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void theListIsReadNoFurtherAheadThanTheFreeSlots() throws Exception {
    AtomicInteger read = new AtomicInteger();
    Iterator<BatchLine> all = list(domains(200));
    Iterator<BatchLine> counting =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return all.hasNext();
          }

          @Override
          public BatchLine next() {
            read.incrementAndGet();
            return all.next();
          }
        };
    List<Integer> readWhenChecked = Collections.synchronizedList(new ArrayList<>());
    DomainCheck check =
        d -> {
          readWhenChecked.add(read.get());
          Thread.sleep(2);
          return FakeReports.of(d);
        };

    new BatchRunner(check, 4).run(counting, written::add);

    // the i-th check starts when at most i + parallel lines were taken: the rest waits in the file
    for (int i = 0; i < readWhenChecked.size(); i++) {
      assertThat(readWhenChecked.get(i)).isLessThanOrEqualTo(i + 1 + 4);
    }
  }

  @Test
  void aSlowDomainDoesNotHoldUpTheOthersOutput() throws Exception {
    CountDownLatch othersWritten = new CountDownLatch(5);
    DomainCheck check =
        d -> {
          if (d.equals("slow.test")) {
            // finishes only once every other domain is out: in-order output would never get here
            assertThat(othersWritten.await(10, TimeUnit.SECONDS)).isTrue();
          }
          return FakeReports.of(d);
        };
    BatchSink sink =
        o -> {
          written.add(o);
          othersWritten.countDown();
        };

    new BatchRunner(check, 2).run(list("slow.test\n" + domains(5)), sink);

    assertThat(domainsOf(written))
        .containsExactly("d1.test", "d2.test", "d3.test", "d4.test", "d5.test", "slow.test");
  }

  @Test
  void badLinesAndBrokenChecksAreOutcomesAndTheRestRuns() throws Exception {
    DomainCheck check =
        d -> {
          if (d.equals("broken.test")) {
            throw new IllegalStateException("boom");
          }
          return FakeReports.of(d);
        };

    BatchSummary summary =
        new BatchRunner(check, 1)
            .run(
                list("# list\na.test\nnot a domain!\nbroken.test\n\nb.test # two\n"), written::add);

    assertThat(summary).isEqualTo(new BatchSummary(2, 0, 1, 1, false));
    assertThat(written)
        .anySatisfy(
            o -> {
              assertThat(o).isInstanceOf(BatchOutcome.Skipped.class);
              assertThat(o.line()).isEqualTo(3);
            })
        .anySatisfy(
            o -> {
              assertThat(o).isInstanceOf(BatchOutcome.Failed.class);
              assertThat(o.line()).isEqualTo(4);
              assertThat(((BatchOutcome.Failed) o).reason()).contains("boom");
            });
    assertThat(domainsOf(written)).containsExactly("a.test", "b.test");
  }

  @Test
  void cancelStopsRunningChecksAndWritesNothingMore() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    AtomicInteger interrupted = new AtomicInteger();
    DomainCheck check =
        d -> {
          if (d.equals("d1.test")) {
            return FakeReports.of(d);
          }
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
          }
          return FakeReports.of(d);
        };
    BatchRunner runner = new BatchRunner(check, 2);
    Thread canceller =
        new Thread(
            () -> {
              try {
                started.await();
                runner.cancel();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    canceller.start();

    long start = System.nanoTime();
    BatchSummary summary = runner.run(list(domains(100)), written::add);

    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThat(summary.cancelled()).isTrue();
    assertThat(interrupted.get()).isEqualTo(2);
    assertThat(domainsOf(written)).containsExactly("d1.test");
  }

  @Test
  void aFailingSinkStopsTheRunAndIsThrown() {
    AtomicInteger checks = new AtomicInteger();
    DomainCheck check =
        d -> {
          checks.incrementAndGet();
          return FakeReports.of(d);
        };
    BatchSink closed =
        o -> {
          throw new IOException("the output was closed");
        };

    assertThatThrownBy(() -> new BatchRunner(check, 1).run(list(domains(50)), closed))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
    assertThat(checks.get()).isLessThan(5);
  }

  @Test
  void parallelOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> new BatchRunner(d -> null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchRunner(d -> null, 65))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A real report of a lab world, renamed: the runner only passes reports through. */
  static final class FakeReports {
    private static DomainReport real;

    static synchronized DomainReport of(String domain) throws InterruptedException {
      if (real == null) {
        real = LabReports.check("good-enforce");
      }
      DomainReport r = real;
      return new DomainReport(
          domain,
          r.startedAt(),
          r.durationMillis(),
          r.verdict(),
          r.verdictReason(),
          r.discovery(),
          r.fetch(),
          r.policy(),
          r.policyApplies(),
          r.mx(),
          r.tlsrpt(),
          r.stages(),
          r.origin());
    }
  }
}
