package org.stslens.cli;

import java.io.PrintWriter;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.export.Visible;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;

/** One line on standard error per finished stage, so a slow check visibly progresses. */
final class ProgressPrinter implements CheckListener {

  private final PrintWriter err;
  private final String prefix;

  ProgressPrinter(PrintWriter err, String prefix) {
    this.err = err;
    this.prefix = prefix;
  }

  @Override
  public void stageStarted(CheckStage stage, StageKind kind, String target) {
    // Start lines would interleave with concurrent stages; the finish line says enough.
  }

  @Override
  public void stageFinished(StageReport report) {
    synchronized (err) {
      err.printf(
          "%s%-9s %-28s %6d ms%n",
          Visible.line(prefix),
          "[" + report.status().word() + "]",
          Visible.line(report.name()),
          report.durationMillis());
      err.flush();
    }
  }
}
