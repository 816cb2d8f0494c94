package org.stslens.ui.shell;

import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.stslens.engine.check.StageGate;
import org.stslens.engine.finding.CheckStage;

/**
 * The step-by-step gate: each stage's worker waits here until the user clicks Next. Stages that ask
 * at the same time are presented in the order a sender thinks of them (discovery, retrieval,
 * policy, MX, TLS reporting). Thread-safe; the FX side only sees {@link Pending} values through
 * {@code onPending}.
 */
final class StepGate implements StageGate {

  /** A stage waiting for Next. */
  public record Pending(CheckStage stage, String target) {}

  private record Waiter(Pending pending, CountDownLatch go) {}

  private final PriorityQueue<Waiter> waiting =
      new PriorityQueue<>(Comparator.comparing(w -> w.pending().stage()));
  private final Consumer<Optional<Pending>> onPending;
  private volatile boolean enabled;
  private Waiter shown;

  /** Time with at least one stage waiting, before {@link #waitingSince}; guarded by this. */
  private long pausedNanos;

  /** When the current pause began (a first stage started waiting), or -1; guarded by this. */
  private long waitingSince = -1;

  /**
   * @param onPending told (on a worker thread) which stage now waits for Next, or empty when none
   */
  StepGate(boolean enabled, Consumer<Optional<Pending>> onPending) {
    this.enabled = enabled;
    this.onPending = onPending;
  }

  @Override
  public void beforeStage(CheckStage stage, String target) throws InterruptedException {
    if (!enabled) {
      return;
    }
    Waiter waiter = new Waiter(new Pending(stage, target), new CountDownLatch(1));
    synchronized (this) {
      if (waiting.isEmpty()) {
        waitingSince = System.nanoTime();
      }
      waiting.add(waiter);
      showNext();
    }
    try {
      waiter.go().await();
    } finally {
      synchronized (this) {
        waiting.remove(waiter);
        pauseEndsIfNoneWaits();
        if (shown == waiter) {
          shown = null; // cancelled while shown
          showNext();
        }
      }
    }
  }

  @Override
  public boolean pacing() {
    return enabled;
  }

  /** Lets the stage that is shown start. */
  synchronized void next() {
    if (shown != null) {
      Waiter released = shown;
      waiting.remove(released);
      pauseEndsIfNoneWaits();
      shown = null;
      released.go().countDown();
    }
    showNext();
  }

  /** Run-all from here on: releases every waiting stage and stops pausing. */
  synchronized void runAll() {
    enabled = false;
    waiting.forEach(w -> w.go().countDown());
    waiting.clear();
    pauseEndsIfNoneWaits();
    shown = null;
    onPending.accept(Optional.empty());
  }

  /**
   * The whole time some stage waited for Next. Stages that wait together (stepping makes that rare)
   * count once: it is the time the check stood still.
   */
  @Override
  public synchronized long pausedMillis() {
    long open = waitingSince < 0 ? 0 : System.nanoTime() - waitingSince;
    return (pausedNanos + open) / 1_000_000;
  }

  private void pauseEndsIfNoneWaits() {
    if (waiting.isEmpty() && waitingSince >= 0) {
      pausedNanos += System.nanoTime() - waitingSince;
      waitingSince = -1;
    }
  }

  private void showNext() {
    if (shown != null) {
      return;
    }
    shown = waiting.peek();
    onPending.accept(Optional.ofNullable(shown).map(Waiter::pending));
  }
}
