package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.export.Block;
import org.stslens.engine.export.Narrative;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Each stage's view is headed and explained as the exported narrative heads and explains it: the
 * same title and number, and the same words for what the sender does.
 */
@ExtendWith(ApplicationExtension.class)
class StageWordsInTheViewsTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static DomainReport report;
  private Stage stage;

  @BeforeAll
  static void check() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);
      report = world.check(DOMAIN);
    }
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private record Shown(String title, String explanation) {}

  @Test
  void everyStageViewIsHeadedAndExplainedAsTheNarrativeTellsIt(FxRobot robot) {
    // the narrative: a heading per stage (with its status) and what the sender does right after
    Map<String, String> narrative = new LinkedHashMap<>();
    List<Block> blocks = Narrative.of(report);
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Block.Heading h && h.level() == 3) {
        narrative.put(h.text(), ((Block.Paragraph) blocks.get(i + 1)).text());
      }
    }

    List<Shown> shown = new ArrayList<>();
    ViewTestSupport.RecordingContext ctx = new ViewTestSupport.RecordingContext();
    for (CheckStage s : CheckStage.values()) {
      Parent view =
          s == CheckStage.MX
              ? (Parent) StageViews.mx(report.mx(), MX1, ctx.context())
              : (Parent)
                  StageViews.forStage(
                      ViewTestSupport.stage(
                          report, r -> r.stage() == s && r.kind() == StageKind.STAGE),
                      ctx.context());
      robot.interact(() -> ViewTestSupport.show(stage, view));
      Label title = robot.lookup(".stage-title").queryAs(Label.class);
      VBox explanation = robot.lookup("#explanation").queryAs(VBox.class);
      shown.add(new Shown(title.getText(), ((Label) explanation.getChildren().get(0)).getText()));
    }

    assertThat(shown).hasSameSizeAs(narrative.entrySet());
    int i = 0;
    for (Map.Entry<String, String> told : narrative.entrySet()) {
      Shown view = shown.get(i++);
      // the narrative adds the status to the heading: " — pass (12 ms)"
      assertThat(told.getKey())
          .as("heading")
          .matches(java.util.regex.Pattern.quote(view.title()) + "( — .*)?");
      assertThat(view.explanation())
          .as("explanation of " + view.title())
          .isEqualTo(told.getValue());
    }
  }

  @Test
  void anMxHostAndTheMxSummaryAreHeadedAsStageFour(FxRobot robot) {
    StageReport host = ViewTestSupport.stage(report, r -> r.kind() == StageKind.MX_HOST);
    StageReport summary =
        new StageReport(
            CheckStage.MX,
            StageKind.MX_SUMMARY,
            "",
            host.status(),
            0,
            1,
            host.findings(),
            java.util.Optional.empty());
    ViewTestSupport.RecordingContext ctx = new ViewTestSupport.RecordingContext();
    robot.interact(
        () -> ViewTestSupport.show(stage, (Parent) StageViews.forStage(host, ctx.context())));
    assertThat(robot.lookup(".stage-title").queryAs(Label.class).getText())
        .isEqualTo("4 · MX host " + MX1);
    robot.interact(
        () -> ViewTestSupport.show(stage, (Parent) StageViews.forStage(summary, ctx.context())));
    assertThat(robot.lookup(".stage-title").queryAs(Label.class).getText())
        .isEqualTo("4 · MX hosts, all together");
  }
}
