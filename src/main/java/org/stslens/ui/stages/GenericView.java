package org.stslens.ui.stages;

import javafx.scene.Node;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;

/** A stage without evidence: skipped (and why), or one whose evidence this view cannot show. */
final class GenericView {

  private GenericView() {}

  static Node create(StageHeader header, StageReport report) {
    String text =
        report.status() == StageStatus.SKIPPED ? whySkipped(report.stage()) : noEvidence();
    StagePage page = new StagePage(header).explanation(new Explanation(text));
    if (report.status() != StageStatus.SKIPPED || !report.findings().isEmpty()) {
      page.findings(report.findings());
    }
    return page.build();
  }

  private static String whySkipped(CheckStage stage) {
    return switch (stage) {
      case RETRIEVAL ->
          "Skipped: the domain does not exist, so there is no policy host to ask. A sender stops"
              + " here and treats the domain as having no MTA-STS.";
      case POLICY ->
          "Skipped: no policy text was retrieved (see the Retrieval step), so there is nothing to"
              + " read. Senders deliver as if the domain had no MTA-STS.";
      case MX -> "Skipped: there is no MX host to check.";
      case DISCOVERY, TLSRPT -> "Skipped: an earlier step kept this one from running.";
    };
  }

  private static String noEvidence() {
    return "This step finished without evidence to show; its findings are below.";
  }
}
