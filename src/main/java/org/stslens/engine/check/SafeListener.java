package org.stslens.engine.check;

import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.net.Step;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;

/** Shields the check from a listener that throws: progress is a courtesy, the report is not. */
final class SafeListener implements CheckListener {

  private final CheckListener delegate;

  SafeListener(CheckListener delegate) {
    this.delegate = delegate == null ? CheckListener.NONE : delegate;
  }

  @Override
  public void stageStarted(CheckStage stage, StageKind kind, String target) {
    try {
      delegate.stageStarted(stage, kind, target);
    } catch (RuntimeException e) {
      // a listener must not break the check
    }
  }

  @Override
  public void stageFinished(StageReport report) {
    try {
      delegate.stageFinished(report);
    } catch (RuntimeException e) {
      // a listener must not break the check
    }
  }

  @Override
  public void stepEvent(CheckStage stage, String target, Step step, String detail) {
    try {
      delegate.stepEvent(stage, target, step, detail);
    } catch (RuntimeException e) {
      // a listener must not break the check
    }
  }

  @Override
  public void stageCancelled(CheckStage stage, String target) {
    try {
      delegate.stageCancelled(stage, target);
    } catch (RuntimeException e) {
      // a listener must not break the check
    }
  }

  @Override
  public void checkFinished(DomainReport report) {
    try {
      delegate.checkFinished(report);
    } catch (RuntimeException e) {
      // a listener must not break the check
    }
  }
}
