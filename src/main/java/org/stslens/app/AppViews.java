package org.stslens.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.ui.certificate.CertificateWindow;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.learn.LearnView;
import org.stslens.ui.reports.ReportsView;
import org.stslens.ui.shell.ViewFactory;
import org.stslens.ui.stages.StageViewContext;
import org.stslens.ui.stages.StageViews;

/** The real content views: stage views, certificate windows and Learn. */
final class AppViews implements ViewFactory {

  private final StageViewContext context;
  private final Supplier<List<org.stslens.ui.lab.LabScenarioInfo>> scenarios;
  private final java.util.function.BiConsumer<String, Boolean> runLab;
  private final Supplier<Node> workbench;
  private final Supplier<ReportsView> reports;
  private final Supplier<Node> domains;

  /**
   * @param openInEditor opens the workbench on a policy text of the last check
   * @param workbench builds the workbench screen (once, when first shown)
   * @param commands the "Try it yourself" commands of the world last checked
   * @param reports the Reports screen (built once, when first needed)
   * @param domains the Domains screen (built once, when first shown)
   */
  AppViews(
      Supplier<Window> owner,
      DialogService dialogs,
      Executor background,
      Clock clock,
      Supplier<List<org.stslens.ui.lab.LabScenarioInfo>> scenarios,
      java.util.function.BiConsumer<String, Boolean> runLab,
      Consumer<String> openInEditor,
      Supplier<Node> workbench,
      Supplier<org.stslens.engine.report.TryCommands> commands,
      Supplier<ReportsView> reports,
      Supplier<Node> domains) {
    this.scenarios = scenarios;
    this.domains = domains;
    this.reports = reports;
    this.runLab = runLab;
    this.workbench = workbench;
    this.context =
        new StageViewContext(
            verdict ->
                CertificateWindow.show(
                    owner.get(),
                    "Certificate of " + verdict.referenceHost(),
                    verdict,
                    clock,
                    background),
            openInEditor,
            background,
            dialogs,
            commands);
  }

  @Override
  public Node stageView(StageReport report) {
    return StageViews.forStage(report, context);
  }

  @Override
  public Node mxView(List<MxReport> all, StageReport host) {
    return StageViews.mx(all, host, context);
  }

  @Override
  public Node summaryView(DomainReport report) {
    return StageViews.summary(report, context);
  }

  @Override
  public Node labView(Runnable showWalkthrough) {
    return new org.stslens.ui.lab.LabView(
        scenarios.get(),
        (id, fixed) -> {
          showWalkthrough.run();
          runLab.accept(id, fixed);
        });
  }

  @Override
  public Node workbenchView() {
    return workbench.get();
  }

  @Override
  public Node reportsView() {
    return reports.get().root();
  }

  @Override
  public Node domainsView() {
    return domains.get();
  }

  @Override
  public void openReports(List<java.nio.file.Path> paths) {
    reports.get().open(paths);
  }

  @Override
  public void chooseReports() {
    reports.get().chooseFile();
  }

  @Override
  public Node learnView(Consumer<CheckStage> showStage, Optional<String> lastDomain) {
    LearnView view = new LearnView(showStage);
    view.setLastCheck(lastDomain);
    return view;
  }
}
