package org.stslens.engine.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cancelling a check: blocking socket reads do not react to thread interruption, so every open
 * socket or request registers here and {@link #cancel()} closes them all. Thread-safe.
 */
public final class CancelScope {

  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** Registers a resource; it is closed at once if the scope is already cancelled. */
  public Registration register(AutoCloseable resource) {
    open.add(resource);
    if (cancelled) {
      closeQuietly(resource);
    }
    return () -> open.remove(resource);
  }

  /** Closes every registered resource; later registrations are closed on arrival. */
  public void cancel() {
    cancelled = true;
    for (AutoCloseable resource : open) {
      closeQuietly(resource);
    }
    open.clear();
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

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // closing to cancel; a failure to close changes nothing for the caller
    }
  }

  /** Removes a resource from the scope once it is closed normally. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
