package org.stslens.engine.batch;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.stslens.engine.report.DomainReport;

/**
 * Checks the domains of a list, at most {@code parallel} at once, and hands each outcome to the
 * sink as soon as it is ready (so one slow domain holds up only its own slot). The list is read no
 * further ahead than the free slots, and nothing is kept after the sink took it: memory does not
 * grow with the length of the list. One run per runner.
 */
public final class BatchRunner {

  public static final int MIN_PARALLEL = 1;

  /** Each check runs its own steps concurrently too; more at once only queues them. */
  public static final int MAX_PARALLEL = 64;

  public static final int DEFAULT_PARALLEL = 8;

  private final DomainCheck check;
  private final int parallel;
  private final Semaphore slots;
  private final ExecutorService workers;
  private final Object sinkLock = new Object();
  private volatile boolean cancelled;
  private IOException sinkFailure; // guarded by sinkLock
  private int checked; // the counts: guarded by sinkLock
  private int withErrors;
  private int failed;
  private int skipped;

  public BatchRunner(DomainCheck check, int parallel) {
    if (parallel < MIN_PARALLEL || parallel > MAX_PARALLEL) {
      throw new IllegalArgumentException(
          "parallel must be from " + MIN_PARALLEL + " to " + MAX_PARALLEL + ": " + parallel);
    }
    this.check = check;
    this.parallel = parallel;
    this.slots = new Semaphore(parallel);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            parallel,
            r -> {
              Thread t = new Thread(r, "stslens-batch-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs the list to its end, or until {@link #cancel()}; returns when no check is left running.
   *
   * @throws IOException the first failure of the sink (e.g. standard output closed), which stops
   *     the run
   * @throws InterruptedException when the calling thread is interrupted: the run is cancelled
   */
  public BatchSummary run(Iterator<BatchLine> lines, BatchSink sink)
      throws IOException, InterruptedException {
    try {
      while (!cancelled && lines.hasNext()) {
        BatchLine line = lines.next();
        if (line instanceof BatchLine.Bad bad) {
          deliver(sink, new BatchOutcome.Skipped(bad.line(), bad.text(), bad.reason()));
          continue;
        }
        BatchLine.Domain domain = (BatchLine.Domain) line;
        slots.acquire();
        try {
          workers.execute(() -> checkOne(domain, sink));
        } catch (RejectedExecutionException e) {
          slots.release(); // cancelled meanwhile
          break;
        }
      }
      slots.acquire(parallel); // the last checks
      slots.release(parallel);
    } catch (InterruptedException e) {
      cancel();
      throw e;
    } finally {
      workers.shutdownNow();
    }
    synchronized (sinkLock) {
      if (sinkFailure != null) {
        throw sinkFailure;
      }
      return new BatchSummary(checked, withErrors, failed, skipped, cancelled);
    }
  }

  /**
   * Stops the run: no further domain starts, running checks are interrupted (which closes their
   * sockets), and nothing more reaches the sink. Returns once a write in progress has finished, so
   * the output so far ends with a whole line; safe from a shutdown hook.
   */
  public void cancel() {
    cancelled = true;
    workers.shutdownNow();
    synchronized (sinkLock) {
      // waits for a write in progress; deliver() looks at the flag before the next one
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  private void checkOne(BatchLine.Domain domain, BatchSink sink) {
    try {
      DomainReport report = check.check(domain.domain());
      deliver(sink, new BatchOutcome.Checked(domain.line(), report));
    } catch (InterruptedException e) {
      // cancelled: the run writes nothing more
    } catch (RuntimeException e) {
      deliver(
          sink,
          new BatchOutcome.Failed(
              domain.line(),
              domain.domain(),
              e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      slots.release();
    }
  }

  private void deliver(BatchSink sink, BatchOutcome outcome) {
    boolean failedNow = false;
    synchronized (sinkLock) {
      if (cancelled) {
        return;
      }
      try {
        sink.accept(outcome);
      } catch (IOException e) {
        sinkFailure = e;
        failedNow = true;
      }
      count(outcome);
    }
    if (failedNow) {
      cancel();
    }
  }

  private void count(BatchOutcome outcome) {
    if (outcome instanceof BatchOutcome.Checked c) {
      checked++;
      if (c.report().hasErrors()) {
        withErrors++;
      }
    } else if (outcome instanceof BatchOutcome.Failed) {
      failed++;
    } else {
      skipped++;
    }
  }
}
