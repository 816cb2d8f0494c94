package org.stslens.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;

/** Builds the content views the shell shows; the app wires the real ones, tests may stub. */
public interface ViewFactory {

  /** The view of a finished stage (discovery, retrieval, policy, TLS reporting). */
  Node stageView(StageReport report);

  /** The MX table with {@code host} selected, and that host's transcript and certificates. */
  Node mxView(List<MxReport> all, StageReport host);

  /** The verdict, every finding, export. */
  Node summaryView(DomainReport report);

  /**
   * The Lab screen: built-in scenarios. Running one calls {@code showWalkthrough} and then starts
   * the check against the scenario's loopback servers.
   */
  Node labView(Runnable showWalkthrough);

  /** The policy workbench (editor, drafts, trial against the MX hosts, publishing kit). */
  Node workbenchView();

  /** The Learn screen; its links select a stage of the last check. */
  Node learnView(Consumer<CheckStage> showStage, Optional<String> lastDomain);

  /** The Reports screen (TLS-RPT reports senders mailed back); the same node every time. */
  Node reportsView();

  /** The Domains screen (the watchlist); built once, when first shown. */
  Node domainsView();

  /** Opens report files or folders in the Reports screen (a drop onto the window). */
  void openReports(List<Path> paths);

  /** File → Open reports …: asks for a report file, then opens it in the Reports screen. */
  void chooseReports();
}
