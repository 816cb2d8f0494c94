package org.stslens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;

class StageWordsTest {

  @Test
  void everyStageHasWordsNumberedInTheOrderSendersGoThroughThem() {
    assertThat(StageWords.all()).extracting(StageWords::stage).containsExactly(CheckStage.values());
    assertThat(StageWords.all())
        .extracting(StageWords::number)
        .containsExactly(1, 2, 3, 4, 5)
        .hasSize(CheckStage.values().length);
    for (StageWords w : StageWords.all()) {
      assertThat(w.heading()).isEqualTo(w.number() + " · " + w.longTitle());
      // the short title is the long one or its beginning: a list row and a heading name one thing
      assertThat(w.longTitle()).startsWith(w.title());
      assertThat(w.title()).startsWith(w.name());
      assertThat(w.stepTitle()).startsWith("Step " + w.number() + " — " + w.name() + ": ");
      assertThat(w.skipped()).startsWith("Skipped: ");
    }
    assertThat(StageWords.all()).extracting(StageWords::title).doesNotHaveDuplicates();
  }

  @Test
  void whatTheSenderDoesNamesTheCheckedDomain() {
    for (StageWords w : StageWords.all()) {
      String text = w.sender("example.org");
      assertThat(text).doesNotContain(StageWords.DOMAIN).doesNotContain("{").isNotBlank();
      if (w.stage() != CheckStage.MX) {
        assertThat(text).as(w.name()).contains("example.org");
      }
    }
    // stage 4's view can show hosts before the report is there: its words need no domain
    assertThat(StageWords.of(CheckStage.MX).senderText()).doesNotContain(StageWords.DOMAIN);
  }

  @Test
  void aFinishedStageIsHeadedByItsKind() {
    assertThat(StageWords.heading(report(CheckStage.RETRIEVAL, StageKind.STAGE, "example.org")))
        .isEqualTo("2 · Retrieval (HTTPS)");
    assertThat(StageWords.heading(report(CheckStage.MX, StageKind.MX_HOST, "mx1.example.org")))
        .isEqualTo("4 · MX host mx1.example.org");
    assertThat(StageWords.heading(report(CheckStage.MX, StageKind.MX_SUMMARY, "")))
        .isEqualTo("4 · MX hosts, all together");
    assertThat(StageWords.heading(report(CheckStage.TLSRPT, StageKind.STAGE, "example.org")))
        .isEqualTo("5 · TLS reporting (RFC 8460)");
  }

  private static StageReport report(CheckStage stage, StageKind kind, String target) {
    return new StageReport(
        stage, kind, target, StageStatus.PASS, 0, 1, List.of(), Optional.empty());
  }
}
