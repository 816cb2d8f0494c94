package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.ReportBuilder;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.ui.stages.common.CommandBox;
import org.stslens.ui.stages.common.EvidenceText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DiscoveryViewTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static DomainReport report;

  @BeforeAll
  static void report() {
    report =
        ReportBuilder.forDomain(DOMAIN).stsId("20260101").mx(MX1).policy("enforce", MX1).build();
  }

  @Start
  void start(Stage stage) {
    StageReport discovery =
        ViewTestSupport.stage(report, org.stslens.engine.finding.CheckStage.DISCOVERY);
    ViewTestSupport.show(
        stage,
        (ScrollPane)
            StageViews.forStage(discovery, new ViewTestSupport.RecordingContext().context()));
  }

  @Test
  void showsTheTxtStringAsPublishedAndThatDnssecIsNotNeeded(FxRobot robot) {
    EvidenceText txt = robot.lookup("#txt-raw").queryAs(EvidenceText.class);
    assertThat(txt.text()).isEqualTo("\"v=STSv1; id=20260101\"");

    Label dnssec = robot.lookup("#dnssec").queryAs(Label.class);
    assertThat(dnssec.getText()).contains("Not validated").contains("does not need DNSSEC");

    TableView<?> queries = robot.lookup("#dns-queries").queryAs(TableView.class);
    assertThat(queries.getItems()).hasSize(3);
    assertThat(robot.lookup("#mx-records").queryAs(TableView.class).getItems()).hasSize(1);

    CommandBox command = robot.lookup("#command").queryAs(CommandBox.class);
    assertThat(command.commands()).anyMatch(c -> c.startsWith("dig ") && c.contains("_mta-sts."));
  }
}
