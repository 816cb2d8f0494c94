package org.stslens.engine.history;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.stslens.engine.batch.BatchOutcome;
import org.stslens.engine.batch.BatchSink;

/**
 * {@code check --from FILE --save}: stores each checked domain in the history, with what changed
 * since its previous stored check, before the next sink writes it. The runner hands outcomes to a
 * sink one at a time, so saves are serialized on that hand-off (one SQLite writer) and never wait
 * for a network check. A store that cannot be used is told once; the batch goes on unsaved.
 */
public final class SavingSink implements BatchSink {

  private final HistoryRecorder recorder;
  private final BatchSink next;
  private final Consumer<HistoryException> firstProblem;
  private final AtomicInteger notSaved = new AtomicInteger();

  /**
   * @param firstProblem told about the first check that could not be saved, and only that one
   */
  public SavingSink(
      HistoryRecorder recorder, BatchSink next, Consumer<HistoryException> firstProblem) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.next = Objects.requireNonNull(next, "next");
    this.firstProblem = Objects.requireNonNull(firstProblem, "firstProblem");
  }

  @Override
  public void accept(BatchOutcome outcome) throws IOException {
    if (outcome instanceof BatchOutcome.Checked checked) {
      HistoryRecorder.Recorded recorded = recorder.record(checked.report());
      if (recorded.problem().isPresent() && notSaved.getAndIncrement() == 0) {
        firstProblem.accept(recorded.problem().get());
      }
      next.accept(new BatchOutcome.Checked(checked.line(), recorded.report()));
    } else {
      next.accept(outcome);
    }
  }

  /** How many checks could not be saved. */
  public int notSaved() {
    return notSaved.get();
  }
}
