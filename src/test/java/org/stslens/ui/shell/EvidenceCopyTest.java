package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/** What Ctrl+C copies from the stage list, without a window or a clipboard. */
class EvidenceCopyTest {

  @Test
  void aRunningStageIsItsTitleAndStatus() {
    StageItem item =
        new StageItem(StageItem.Kind.STAGE, CheckStage.DISCOVERY, "example.com", "Discovery (DNS)");
    item.setStatus(StageStatus.RUNNING);
    assertThat(EvidenceCopy.of(item, null)).isEqualTo("Discovery (DNS) — running");
  }

  @Test
  void aFinishedStageAddsItsDurationAndFindings() {
    StageItem item =
        new StageItem(StageItem.Kind.STAGE, CheckStage.DISCOVERY, "example.com", "Discovery (DNS)");
    item.setStatus(StageStatus.FAIL);
    Finding nx =
        Finding.of(
            Code.DNS_NXDOMAIN, "example.com", "example.com does not exist", "Create the zone");
    item.setReport(
        new StageReport(
            CheckStage.DISCOVERY,
            StageKind.STAGE,
            "example.com",
            StageStatus.FAIL,
            0,
            42,
            List.of(nx),
            Optional.empty()));
    String text = EvidenceCopy.of(item, null);
    assertThat(text).startsWith("Discovery (DNS) — fail (42 ms)\n");
    assertThat(text).contains("dns.nxdomain", "example.com does not exist");
  }

  @Test
  void theSummaryWithoutAReportIsOnlyItsLine() {
    StageItem item = new StageItem(StageItem.Kind.SUMMARY, null, "example.com", "Summary");
    assertThat(EvidenceCopy.of(item, null)).isEqualTo("Summary — pending");
  }
}
