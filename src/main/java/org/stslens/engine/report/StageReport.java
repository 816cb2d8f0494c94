package org.stslens.engine.report;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;

/**
 * A finished stage, as sent to listeners and kept in the report.
 *
 * @param stage which stage
 * @param target what it was about: the domain, or the MX host for stage 4
 * @param status pass / warn / fail / skipped
 * @param startedAtMillis when it started, in milliseconds after the check started
 * @param durationMillis how long it took
 * @param findings its findings
 * @param evidence what the stage saw; empty for skipped stages and the MX summary
 */
public record StageReport(
    CheckStage stage,
    String target,
    StageStatus status,
    long startedAtMillis,
    long durationMillis,
    List<Finding> findings,
    Optional<StageEvidence> evidence) {

  public StageReport {
    findings = List.copyOf(findings);
    evidence = evidence == null ? Optional.empty() : evidence;
  }

  /** The name shown in lists and JSON: {@code discovery}, or {@code mx:mx1.example.com}. */
  public String name() {
    return stage == CheckStage.MX && !target.isEmpty() ? "mx:" + target : stage.word();
  }
}
