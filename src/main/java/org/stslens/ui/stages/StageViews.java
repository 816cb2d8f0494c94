package org.stslens.ui.stages;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import org.stslens.engine.check.StageRules;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.report.StageWords;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.discovery.DiscoveryView;
import org.stslens.ui.stages.mx.MxOverallView;
import org.stslens.ui.stages.mx.MxView;
import org.stslens.ui.stages.policy.PolicyView;
import org.stslens.ui.stages.retrieval.RetrievalView;
import org.stslens.ui.stages.summary.SummaryView;
import org.stslens.ui.stages.tlsrpt.TlsRptView;

/**
 * The walkthrough's per-stage views. Each returns a new, vertically scrolling node: a title with
 * the stage status and duration, an explanation, the evidence, the findings and the equivalent
 * command. Call on the FX thread.
 */
public final class StageViews {

  private StageViews() {}

  /** The view of one finished stage, chosen by the evidence it carries. */
  public static Node forStage(StageReport report, StageViewContext ctx) {
    StageEvidence evidence = report.evidence().orElse(null);
    StageHeader header = StageHeader.of(report, StageWords.heading(report));
    if (evidence instanceof StageEvidence.Discovery d) {
      return DiscoveryView.create(header, d.result(), report.findings(), ctx.commands().get());
    }
    if (evidence instanceof StageEvidence.Retrieval r) {
      return RetrievalView.create(
          header,
          report.target(),
          r.result(),
          report.findings(),
          ctx.openCertificate(),
          ctx.commands().get());
    }
    if (evidence instanceof StageEvidence.PolicyText p) {
      return PolicyView.create(
          header, report.target(), p.policy(), p.source(), report.findings(), ctx.openInEditor());
    }
    if (evidence instanceof StageEvidence.Mx m) {
      return MxView.create(
          header,
          List.of(m.report()),
          m.report().host(),
          ctx.openCertificate(),
          ctx.commands().get());
    }
    if (evidence instanceof StageEvidence.TlsRpt t) {
      return TlsRptView.create(
          header, report.target(), t.result(), report.findings(), ctx.commands().get());
    }
    if (report.kind() == StageKind.MX_SUMMARY && report.status() != StageStatus.SKIPPED) {
      return MxOverallView.create(header, report.findings());
    }
    return GenericView.create(header, report);
  }

  /**
   * Every MX host probed so far in one table, with {@code selectedHost}'s row selected and its
   * transcript, certificate and findings shown below.
   */
  public static Node mx(List<MxReport> allSoFar, String selectedHost, StageViewContext ctx) {
    return mx(allSoFar, selectedHost, Optional.empty(), ctx);
  }

  /**
   * The MX table with the host of {@code selected} (a finished MX host stage) selected: when
   * senders apply no policy, the table and its header say so, as that stage does.
   */
  public static Node mx(List<MxReport> allSoFar, StageReport selected, StageViewContext ctx) {
    return mx(allSoFar, selected.target(), selected.notApplied(), ctx);
  }

  private static Node mx(
      List<MxReport> allSoFar,
      String selectedHost,
      Optional<String> notApplied,
      StageViewContext ctx) {
    // every host of a check is judged against the same policy: one rule for the whole table
    List<Finding> findings = allSoFar.stream().flatMap(m -> m.findings().stream()).toList();
    StageStatus status =
        allSoFar.isEmpty() ? StageStatus.PENDING : StageRules.status(findings, notApplied);
    long duration = allSoFar.stream().mapToLong(m -> m.probe().durationMillis()).max().orElse(-1);
    String title = StageWords.of(CheckStage.MX).heading();
    return MxView.create(
        new StageHeader(title, status, StageHeader.of(status, duration), notApplied),
        allSoFar,
        selectedHost,
        ctx.openCertificate(),
        ctx.commands().get());
  }

  /** The verdict, every finding worst first, the per-MX verdicts and the export buttons. */
  public static Node summary(DomainReport report, StageViewContext ctx) {
    return SummaryView.create(report, ctx.background(), ctx.dialogs());
  }
}
