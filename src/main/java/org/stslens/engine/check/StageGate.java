package org.stslens.engine.check;

import org.stslens.engine.finding.CheckStage;

/**
 * Asked before each stage starts; the step-by-step mode of the desktop app blocks here until the
 * user has read what the sender does next and clicks Next. Called on a worker thread, never on the
 * caller's; may block; throws when the check is cancelled meanwhile.
 */
@FunctionalInterface
public interface StageGate {

  /** Lets every stage through at once. */
  StageGate OPEN = (stage, target) -> {};

  /**
   * Returns when the stage may start.
   *
   * @param stage the stage about to start
   * @param target the domain (for {@link CheckStage#MX}: the domain too; all MX hosts start
   *     together)
   * @throws InterruptedException when the check is cancelled while waiting
   */
  void beforeStage(CheckStage stage, String target) throws InterruptedException;

  /**
   * True while a person sets the pace (step by step): the whole-check limit does not cut a check
   * then, and counts again from when it would have run out.
   */
  default boolean pacing() {
    return false;
  }

  /**
   * How long, so far, the check stood still waiting here (a person reading before Next): the
   * report's duration leaves it out, so a check stepped through reports the time its work took.
   */
  default long pausedMillis() {
    return 0;
  }
}
