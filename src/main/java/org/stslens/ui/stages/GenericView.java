package org.stslens.ui.stages;

import javafx.scene.Node;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.report.StageWords;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;

/** A stage without evidence: skipped (and why), or one whose evidence this view cannot show. */
final class GenericView {

  private GenericView() {}

  static Node create(StageHeader header, StageReport report) {
    String text =
        report.status() == StageStatus.SKIPPED
            ? StageWords.of(report.stage()).skipped()
            : noEvidence();
    StagePage page = new StagePage(header).explanation(new Explanation(text));
    if (report.status() != StageStatus.SKIPPED || !report.findings().isEmpty()) {
      page.findings(report.findings());
    }
    return page.build();
  }

  private static String noEvidence() {
    return "This step finished without evidence to show; its findings are below.";
  }
}
