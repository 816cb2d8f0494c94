package org.stslens.ui.stages.summary;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.lab.LabReports;
import org.stslens.ui.common.FakeDialogService;
import org.stslens.ui.stages.ViewTestSupport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Summary of a world where senders disagree: said in the verdict area and above the matrix. */
@ExtendWith(ApplicationExtension.class)
class SummarySendersTest {

  @Start
  void start(Stage stage) throws InterruptedException {
    SummaryView view =
        new SummaryView(
            LabReports.check("policy-key-space"), Runnable::run, new FakeDialogService());
    ViewTestSupport.show(stage, (Parent) view.node());
  }

  @Test
  void theVerdictAreaMentionsTheDisagreementAndTheBannerTellsIt(FxRobot robot) {
    String banner = robot.lookup("#senders-banner").queryAs(Label.class).getText();

    assertThat(banner).contains("enforce the policy;").contains("see no policy.");
    assertThat(robot.lookup("#verdict #senders-mention").queryAs(Label.class).getText())
        .isEqualTo("Real senders disagree: " + banner + " See Senders below.");
    assertThat(robot.lookup("#senders-matrix").tryQuery()).isPresent();
  }
}
