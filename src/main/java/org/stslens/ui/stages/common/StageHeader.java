package org.stslens.ui.stages.common;

import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * What the title line of a stage view shows.
 *
 * @param title e.g. {@code 2 · Retrieval (HTTPS)}
 * @param status the stage status (its icon is shown)
 * @param caption the words at the right end, e.g. {@code failed · 88 ms}
 */
public record StageHeader(String title, StageStatus status, String caption) {

  /** A header whose caption says the status in words and the duration (none when negative). */
  public StageHeader(String title, StageStatus status, long durationMillis) {
    this(title, status, caption(status, durationMillis));
  }

  public static StageHeader of(StageReport report, String title) {
    return new StageHeader(title, report.status(), report.durationMillis());
  }

  private static String caption(StageStatus status, long durationMillis) {
    String word =
        switch (status) {
          case PASS -> "passed";
          case WARN -> "passed with warnings";
          case FAIL -> "failed";
          case SKIPPED -> "skipped";
          case RUNNING -> "running";
          case PENDING -> "not started";
        };
    return durationMillis < 0 || status == StageStatus.SKIPPED
        ? word
        : word + " · " + durationMillis + " ms";
  }
}
