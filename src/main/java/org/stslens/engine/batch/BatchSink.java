package org.stslens.engine.batch;

import java.io.IOException;

/**
 * Takes each outcome as it is ready. The runner calls it from one thread at a time, so a sink
 * writes whole lines without locking of its own; it should keep nothing it has written.
 */
@FunctionalInterface
public interface BatchSink {
  void accept(BatchOutcome outcome) throws IOException;
}
