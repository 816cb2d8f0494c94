package org.stslens.engine.check;

import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.net.Step;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;

/**
 * Receives a check's progress as it happens, OkHttp-style: every {@code stageStarted} is paired
 * with exactly one {@code stageFinished}, or, when the check is cancelled before the stage
 * finished, with one {@code stageCancelled}; between the two come the stage's {@code stepEvent}s. A
 * check cut short by its time limit finishes its open stages (with a check.time-limit finding), it
 * does not cancel them. Nothing is told after {@code checkFinished} or the last {@code
 * stageCancelled}.
 *
 * <p>Called from the engine's worker threads, one call at a time per check but from different
 * threads; {@code stageCancelled} comes on the thread that cancels. Implementations must be fast
 * and must not throw (exceptions are swallowed so that a broken listener cannot break a check).
 */
public interface CheckListener {

  CheckListener NONE = new CheckListener() {};

  /**
   * A stage started.
   *
   * @param stage the stage
   * @param kind a stage, one MX host, or the MX hosts taken together, as in the {@link StageReport}
   *     that will finish it
   * @param target the domain, the MX host for {@link StageKind#MX_HOST}, empty for {@link
   *     StageKind#MX_SUMMARY}
   */
  default void stageStarted(CheckStage stage, StageKind kind, String target) {}

  /** A stage finished, with its status, duration and findings. */
  default void stageFinished(StageReport report) {}

  /**
   * A step inside a started stage: a DNS question sent or answered, a connection, an SMTP reply, a
   * TLS handshake, the policy's headers or body. The steps of one target come in the order they
   * happen; those of addresses probed at once interleave (the detail of an MX step starts with the
   * address, e.g. {@code [192.0.2.1]}).
   *
   * @param stage the stage the step belongs to
   * @param target the stage's target, as given to {@link #stageStarted}
   * @param step what happened; {@link Step#isFailure()} tells a failed step from a good one
   * @param detail a short text for people; never meant to be parsed
   */
  default void stepEvent(CheckStage stage, String target, Step step, String detail) {}

  /**
   * A started stage will never finish because the check was cancelled: it ends the stage in place
   * of {@link #stageFinished}. Told for every stage started and not finished, when the cancel
   * happens.
   */
  default void stageCancelled(CheckStage stage, String target) {}

  /** The whole check finished. */
  default void checkFinished(DomainReport report) {}
}
