package org.stslens.ui.shell;

import java.util.Optional;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * One row of the stage list: a stage (or one MX host, or the summary), its live status and
 * duration, and its report once finished. Observable; changed only on the FX thread.
 */
public final class StageItem {

  /** What the row stands for. */
  public enum Kind {
    STAGE,
    MX_HOST,
    SUMMARY
  }

  private final Kind kind;
  private final CheckStage stage;
  private final String target;
  private final String title;
  private final ReadOnlyObjectWrapper<StageStatus> status =
      new ReadOnlyObjectWrapper<>(StageStatus.PENDING);
  private final ReadOnlyLongWrapper durationMillis = new ReadOnlyLongWrapper(-1);
  private final ReadOnlyObjectWrapper<StageReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<StepLine> tlsaStep = new ReadOnlyObjectWrapper<>();
  private long startedNanos;

  StageItem(Kind kind, CheckStage stage, String target, String title) {
    this.kind = kind;
    this.stage = stage;
    this.target = target;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  /** The engine stage; {@code null} for the summary row. */
  public CheckStage stage() {
    return stage;
  }

  /** The MX host for MX rows, else the domain. */
  public String target() {
    return target;
  }

  public String title() {
    return title;
  }

  public ReadOnlyObjectProperty<StageStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public StageStatus status() {
    return status.get();
  }

  void setStatus(StageStatus value) {
    if (value == StageStatus.RUNNING && status.get() != StageStatus.RUNNING) {
      startedNanos = System.nanoTime();
    }
    status.set(value);
  }

  /** How long the stage has been running so far (for the progress pane); 0 before it started. */
  public long runningMillis() {
    return startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
  }

  /** -1 until the stage finished. */
  public ReadOnlyLongProperty durationMillisProperty() {
    return durationMillis.getReadOnlyProperty();
  }

  void setDurationMillis(long value) {
    durationMillis.set(value);
  }

  public ReadOnlyObjectProperty<StageReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public Optional<StageReport> report() {
    return Optional.ofNullable(report.get());
  }

  void setReport(StageReport value) {
    report.set(value);
  }

  /**
   * The latest step of the MX host's TLSA look-up (started, answered or failed), as the engine told
   * it; null before the look-up starts and for rows that are not MX hosts or when DANE is off.
   */
  public ReadOnlyObjectProperty<StepLine> tlsaStepProperty() {
    return tlsaStep.getReadOnlyProperty();
  }

  public Optional<StepLine> tlsaStep() {
    return Optional.ofNullable(tlsaStep.get());
  }

  void setTlsaStep(StepLine value) {
    tlsaStep.set(value);
  }

  @Override
  public String toString() {
    return title + " [" + status.get().word() + "]";
  }
}
