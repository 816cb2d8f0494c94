package org.stslens.engine.report;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;

/**
 * A finished stage, as sent to listeners and kept in the report.
 *
 * @param stage which stage
 * @param kind a stage, one MX host, or the MX hosts taken together
 * @param target what it was about: the domain, the MX host for {@link StageKind#MX_HOST}, empty for
 *     {@link StageKind#MX_SUMMARY}
 * @param status pass / warn / fail / skipped
 * @param startedAtMillis when it started, in milliseconds after the check started
 * @param durationMillis how long it took
 * @param findings its findings
 * @param evidence what the stage saw; empty for skipped stages and the MX summary
 * @param notApplied for the policy and MX stages: why senders do not apply the policy (in plain
 *     words), empty when they do or for the other stages
 */
public record StageReport(
    CheckStage stage,
    StageKind kind,
    String target,
    StageStatus status,
    long startedAtMillis,
    long durationMillis,
    List<Finding> findings,
    Optional<StageEvidence> evidence,
    Optional<String> notApplied) {

  public StageReport {
    if (!kind.fits(stage)) {
      throw new IllegalArgumentException("a " + stage.word() + " report cannot be " + kind);
    }
    findings = List.copyOf(findings);
    evidence = evidence == null ? Optional.empty() : evidence;
    notApplied = notApplied == null ? Optional.empty() : notApplied;
  }

  /** A report about a policy that senders apply, or of a stage that is not about the policy. */
  public StageReport(
      CheckStage stage,
      StageKind kind,
      String target,
      StageStatus status,
      long startedAtMillis,
      long durationMillis,
      List<Finding> findings,
      Optional<StageEvidence> evidence) {
    this(
        stage,
        kind,
        target,
        status,
        startedAtMillis,
        durationMillis,
        findings,
        evidence,
        Optional.empty());
  }

  /** The name shown in lists and JSON: {@code discovery}, or {@code mx:mx1.example.com}. */
  public String name() {
    return kind == StageKind.MX_HOST ? "mx:" + target : stage.word();
  }
}
