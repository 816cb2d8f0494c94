package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.ReportBuilder;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.ui.stages.common.CommandBox;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RetrievalViewTest {

  private static final String DOMAIN = "example.test";
  private static final String HOST = "mta-sts.example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String LOCATION = "https://www.example.test/mta-sts.txt";
  private static DomainReport report;
  private final ViewTestSupport.RecordingContext ctx = new ViewTestSupport.RecordingContext();

  @BeforeAll
  static void report() {
    report = ReportBuilder.forDomain(DOMAIN).mx(MX1).redirect(301, LOCATION).build();
  }

  @Start
  void start(Stage stage) {
    StageReport retrieval =
        ViewTestSupport.stage(report, org.stslens.engine.finding.CheckStage.RETRIEVAL);
    ViewTestSupport.show(stage, (ScrollPane) StageViews.forStage(retrieval, ctx.context()));
  }

  @Test
  void redirectIsShownWithItsLocationAndTheCurlCommand(FxRobot robot) {
    Node card =
        robot
            .lookup(".finding-card")
            .match(n -> ((Finding) n.getUserData()).code().id().equals("fetch.redirect"))
            .query();
    assertThat(card.isVisible()).isTrue();
    assertThat(
            org.stslens.ui.common.CodeSpans.plainOf(
                robot
                    .from(card)
                    .lookup(".finding-message")
                    .queryAs(javafx.scene.text.TextFlow.class)))
        .contains(LOCATION);
    assertThat(robot.from(card).lookup(".rfc-quote-text").queryAs(Label.class).getText())
        .contains("HTTP 3xx redirects MUST NOT be followed");

    assertThat(robot.lookup("#location").queryAs(Label.class).getText()).contains(LOCATION);
    assertThat(robot.lookup("#status-line").queryAs(Label.class).getText()).contains("301");
    assertThat(robot.lookup("#command").queryAs(CommandBox.class).commands())
        .containsExactly("curl -v --max-redirs 0 https://" + HOST + "/.well-known/mta-sts.txt");
  }

  @Test
  void openCertificateHandsTheChainToTheViewer(FxRobot robot) {
    Node button = robot.lookup("#open-certificate").query();
    robot.interact(() -> ViewTestSupport.reveal(button));
    robot.clickOn(button);
    assertThat(ctx.openedCertificates).hasSize(1);
    assertThat(ctx.openedCertificates.get(0).referenceHost()).isEqualTo(HOST);
  }
}
