package org.stslens.engine.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A time limit for one whole network step (a reply, a TLS handshake), enforced by closing the
 * step's connection from a timer thread. A per-read timeout cannot do this: a server that sends one
 * byte before each read times out keeps the step alive forever, and a read inside a TLS record
 * looks at no clock at all. Closing the connection ends any blocking read at once.
 *
 * <p>Wrap the step in try-with-resources; afterwards {@link #expired()} says whether the timer
 * closed the connection, in which case the step failed by running out of time, whatever exception
 * the interrupted read showed. Thread-safe: the timer and the step's thread race only through one
 * compare-and-set, so a step that finishes in time never has its connection closed.
 */
public final class StepDeadline implements AutoCloseable {

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int EXPIRED = 2;

  private final Duration limit;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private ScheduledFuture<?> alarm;

  private StepDeadline(Duration limit) {
    this.limit = limit;
  }

  /**
   * Starts the clock of a step: after {@code limit} the timer closes {@code connection}, unless the
   * deadline was closed first.
   *
   * @param timer runs the alarm; owned by the caller
   */
  public static StepDeadline start(
      ScheduledExecutorService timer, Duration limit, AutoCloseable connection) {
    Objects.requireNonNull(timer, "timer");
    Objects.requireNonNull(connection, "connection");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    StepDeadline deadline = new StepDeadline(limit);
    deadline.alarm =
        timer.schedule(
            () -> {
              if (deadline.state.compareAndSet(RUNNING, EXPIRED)) {
                closeQuietly(connection);
              }
            },
            limit.toNanos(),
            TimeUnit.NANOSECONDS);
    return deadline;
  }

  /** The timer ran out and closed the connection. */
  public boolean expired() {
    return state.get() == EXPIRED;
  }

  public Duration limit() {
    return limit;
  }

  /** Time since the step started. */
  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Ends the step: the alarm no longer fires. */
  @Override
  public void close() {
    state.compareAndSet(RUNNING, FINISHED);
    alarm.cancel(false);
  }

  private static void closeQuietly(AutoCloseable connection) {
    try {
      connection.close();
    } catch (Exception e) {
      // closing to end the step; a failure to close changes nothing here
    }
  }
}
