package org.stslens.engine.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cancelling a check: blocking socket reads do not react to thread interruption, so every open
 * socket or request registers here and {@link #cancel()} closes them all. Thread-safe.
 *
 * <p>A registration is closed at most once, and never after {@link Registration#close()} returned:
 * a registered action may interrupt a pooled worker, and once its task has ended that thread runs
 * another check's task.
 */
public final class CancelScope {

  private final Set<Entry> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** Registers a resource; it is closed at once if the scope is already cancelled. */
  public Registration register(AutoCloseable resource) {
    Entry entry = new Entry(resource);
    open.add(entry);
    if (cancelled) {
      entry.cancel();
    }
    return entry;
  }

  /** Closes every registered resource; later registrations are closed on arrival. */
  public void cancel() {
    cancelled = true;
    for (Entry entry : open) {
      entry.cancel();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws when the scope was cancelled or the current thread interrupted. */
  public void checkpoint() throws InterruptedException {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("check cancelled");
    }
  }

  /** Who owns a registration: its registrant until it ends, or the canceller once it claims it. */
  private enum State {
    OPEN,
    CANCELLING,
    DONE
  }

  private final class Entry implements Registration {
    private final AutoCloseable resource;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private volatile Thread canceller;

    Entry(AutoCloseable resource) {
      this.resource = resource;
    }

    /** Closes the resource if the registrant has not ended yet; a later close() waits for it. */
    void cancel() {
      if (!state.compareAndSet(State.OPEN, State.CANCELLING)) {
        return;
      }
      canceller = Thread.currentThread();
      try {
        resource.close();
      } catch (Exception e) {
        // closing to cancel; a failure to close changes nothing for the caller
      } finally {
        open.remove(this);
        synchronized (this) {
          state.set(State.DONE);
          notifyAll();
        }
      }
    }

    @Override
    public void close() {
      open.remove(this);
      if (state.compareAndSet(State.OPEN, State.DONE) || canceller == Thread.currentThread()) {
        return; // closed first, or closed from within the cancel's own close: nothing comes later
      }
      // A cancel claimed it first: wait until its close (say, an interrupt) has landed, so that
      // nothing reaches the resource, or the thread, after this returns.
      boolean interrupted = false;
      synchronized (this) {
        while (state.get() != State.DONE) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Removes a resource from the scope once it is closed normally. After {@code close()} returns,
   * cancelling the scope no longer touches the resource.
   */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
