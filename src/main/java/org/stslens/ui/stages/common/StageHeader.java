package org.stslens.ui.stages.common;

import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * What the title line of a stage view shows.
 *
 * @param title e.g. {@code 2 · Retrieval (HTTPS)}
 * @param status the stage status (its icon is shown)
 * @param durationMillis how long the stage took; negative to show none
 */
public record StageHeader(String title, StageStatus status, long durationMillis) {

  public static StageHeader of(StageReport report, String title) {
    return new StageHeader(title, report.status(), report.durationMillis());
  }
}
