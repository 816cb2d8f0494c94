package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.ReportBuilder;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PolicyViewTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String BODY =
      "version: STSv1\r\nMode: enforce\r\nmx: " + MX1 + "\r\nmax_age: 604800\r\n";
  private static DomainReport report;
  private final ViewTestSupport.RecordingContext ctx = new ViewTestSupport.RecordingContext();

  @BeforeAll
  static void report() {
    report = ReportBuilder.forDomain(DOMAIN).mx(MX1).policy(BODY).build();
  }

  @Start
  void start(Stage stage) {
    StageReport policy =
        ViewTestSupport.stage(report, org.stslens.engine.finding.CheckStage.POLICY);
    ViewTestSupport.show(stage, (ScrollPane) StageViews.forStage(policy, ctx.context()));
  }

  @Test
  void typoLineIsMarkedAndClickingItsFindingSelectsIt(FxRobot robot) {
    ListView<?> lines = robot.lookup("#policy-lines").queryAs(ListView.class);
    assertThat(lines.getItems()).hasSize(4);
    Node typoCell =
        robot
            .lookup("#policy-lines .list-cell")
            .match(n -> n.getStyleClass().contains("line-error"))
            .query();
    assertThat(robot.from(typoCell).lookup(".label").queryAllAs(javafx.scene.control.Label.class))
        .anyMatch(l -> l.getText().equals("Mode: enforce"));
    assertThat(lines.getSelectionModel().getSelectedIndex()).isEqualTo(-1);

    Node card =
        robot
            .lookup(".finding-card")
            .match(n -> ((Finding) n.getUserData()).code().id().equals("policy.likely-typo"))
            .query();
    assertThat(((Finding) card.getUserData()).line()).isEqualTo(2);
    robot.interact(() -> ViewTestSupport.reveal(card));
    robot.clickOn(card);

    assertThat(lines.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    assertThat(card.getPseudoClassStates())
        .anyMatch(p -> p.getPseudoClassName().equals("selected"));
  }

  @Test
  void openInEditorHandsOverThePolicyText(FxRobot robot) {
    Node button = robot.lookup("#open-in-editor").query();
    robot.interact(() -> ViewTestSupport.reveal(button));
    robot.clickOn(button);
    assertThat(ctx.openedInEditor).containsExactly(BODY);
  }
}
