package org.stslens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;

class StageReportTest {

  private static StageReport report(CheckStage stage, StageKind kind, String target) {
    return new StageReport(
        stage, kind, target, StageStatus.PASS, 0, 1, List.of(), Optional.empty());
  }

  @Test
  void theNameComesFromTheKindNotFromTheTarget() {
    assertThat(report(CheckStage.DISCOVERY, StageKind.STAGE, "example.com").name())
        .isEqualTo("discovery");
    assertThat(report(CheckStage.MX, StageKind.MX_HOST, "mx1.example.com").name())
        .isEqualTo("mx:mx1.example.com");
    assertThat(report(CheckStage.MX, StageKind.MX_SUMMARY, "").name()).isEqualTo("mx");
  }

  @Test
  void onlyStageFourReportsPerHostOrAsASummary() {
    assertThatThrownBy(() -> report(CheckStage.POLICY, StageKind.MX_HOST, "mx1.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> report(CheckStage.TLSRPT, StageKind.MX_SUMMARY, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> report(CheckStage.MX, StageKind.STAGE, "example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKindsJsonWords() {
    assertThat(List.of(StageKind.values()))
        .extracting(StageKind::word)
        .containsExactly("stage", "mx-host", "mx-summary");
  }
}
