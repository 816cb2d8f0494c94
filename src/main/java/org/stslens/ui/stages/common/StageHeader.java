package org.stslens.ui.stages.common;

import java.util.Optional;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * What the title line of a stage view shows.
 *
 * @param title e.g. {@code 2 · Retrieval (HTTPS)}
 * @param status the stage status (its icon is shown)
 * @param caption the words at the right end, e.g. {@code failed · 88 ms}
 * @param notApplied why senders do not apply the policy this stage is about, shown under the title;
 *     empty when they do
 */
public record StageHeader(
    String title, StageStatus status, String caption, Optional<String> notApplied) {

  public StageHeader {
    notApplied = notApplied == null ? Optional.empty() : notApplied;
  }

  public StageHeader(String title, StageStatus status, String caption) {
    this(title, status, caption, Optional.empty());
  }

  /** A header whose caption says the status in words and the duration (none when negative). */
  public StageHeader(String title, StageStatus status, long durationMillis) {
    this(title, status, caption(status, durationMillis));
  }

  public static StageHeader of(StageReport report, String title) {
    return new StageHeader(
        title,
        report.status(),
        caption(report.status(), report.durationMillis()),
        report.notApplied());
  }

  /** The status in words, as the stage views say it. */
  public static String word(StageStatus status) {
    return switch (status) {
      case PASS -> "passed";
      case WARN -> "passed with warnings";
      case FAIL -> "failed";
      case SKIPPED -> "skipped";
      case RUNNING -> "running";
      case PENDING -> "not started";
      case NOT_APPLIED -> "not applied by senders";
    };
  }

  /** The caption of {@code status} and {@code durationMillis}: {@code failed · 88 ms}. */
  public static String of(StageStatus status, long durationMillis) {
    return caption(status, durationMillis);
  }

  static String caption(StageStatus status, long durationMillis) {
    String word = word(status);
    return durationMillis < 0 || status == StageStatus.SKIPPED
        ? word
        : word + " · " + durationMillis + " ms";
  }
}
