package org.stslens.engine.check;

import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;

/**
 * Receives a check's progress as it happens, OkHttp-style: every {@code stageStarted} is paired
 * with a {@code stageFinished}. Called from the engine's worker threads, concurrently for stages
 * that run in parallel; implementations must be fast, thread-safe and must not throw (exceptions
 * are swallowed so that a broken listener cannot break a check).
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

  /** The whole check finished. */
  default void checkFinished(DomainReport report) {}
}
