package org.stslens.workbench.draft;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Saves the newest version of a draft after every change, off the caller's thread. Changes that
 * arrive while a save runs are coalesced into one more save of the latest text; saves never run
 * concurrently, so an older version can never overwrite a newer one.
 */
public final class DraftAutosaver {

  private final DraftStore store;
  private final Executor executor;
  private final Consumer<String> problems;
  private final AtomicReference<Draft> pending = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object writing = new Object();

  /**
   * @param problems receives a sentence when a save fails (on the executor's thread)
   */
  public DraftAutosaver(DraftStore store, Executor executor, Consumer<String> problems) {
    this.store = store;
    this.executor = executor;
    this.problems = problems;
  }

  public void changed(Draft draft) {
    pending.set(draft);
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(this::saveLatest);
    }
  }

  private void saveLatest() {
    synchronized (writing) {
      scheduled.set(false);
      Draft latest = pending.getAndSet(null);
      if (latest == null) {
        return;
      }
      try {
        store.save(latest);
      } catch (IOException | RuntimeException e) {
        problems.accept(
            "The draft \"" + latest.name() + "\" could not be saved: " + e.getMessage());
      }
    }
  }
}
