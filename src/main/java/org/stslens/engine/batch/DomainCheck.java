package org.stslens.engine.batch;

import org.stslens.engine.report.DomainReport;

/**
 * Checks one domain within its own time limit (the engine's {@code MtaStsChecker} with {@code
 * CheckOptions.checkTimeout}); a seam so that the runner's scheduling can be tested on its own.
 */
@FunctionalInterface
public interface DomainCheck {
  /**
   * @throws InterruptedException when the batch is cancelled; the check must then stop
   */
  DomainReport check(String domain) throws InterruptedException;
}
