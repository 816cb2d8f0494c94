package org.stslens.ui.stages.summary;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.lab.LabReports;
import org.stslens.ui.stages.ViewTestSupport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SendersMatrixViewTest {

  private SendersViewModel vm;
  private SendersMatrixView view;

  @Start
  void start(Stage stage) throws InterruptedException {
    vm = SendersViewModel.forReport(LabReports.check("policy-key-space"));
    view = new SendersMatrixView(vm);
    ViewTestSupport.show(stage, new VBox(view.node()));
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void aCellSelectedWithTheKeyboardExplainsItself(FxRobot robot) {
    assertThat(text(robot, "#senders-explanation")).isEqualTo(SendersViewModel.NOTHING_SELECTED);
    robot.interact(
        () -> {
          view.table().requestFocus();
          view.table().getFocusModel().focus(0, view.table().getColumns().get(1));
          view.table().getSelectionModel().select(0, view.table().getColumns().get(1));
        });

    robot.type(KeyCode.DOWN); // RFC 8461's policy → postfix-mta-sts-resolver's policy

    assertThat(text(robot, "#senders-explanation"))
        .startsWith("Postfix with postfix-mta-sts-resolver sees no policy")
        .contains("policy-key-whitespace")
        .contains("Source: ");

    robot.type(KeyCode.RIGHT); // its MX host
    assertThat(text(robot, "#senders-explanation"))
        .startsWith("Postfix with postfix-mta-sts-resolver delivers to mx1.policy-key-space");
  }

  @Test
  void theBannerIsShownAboveTheMatrixAndCopyPutsTheMatrixOnTheClipboard(FxRobot robot) {
    assertThat(robot.lookup("#senders-banner").queryAs(Label.class).isVisible()).isTrue();
    assertThat(text(robot, "#senders-banner")).contains("see no policy");

    robot.interact(() -> robot.lookup("#senders-copy").queryButton().fire());

    final String[] clip = new String[1];
    robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
    assertThat(clip[0]).isEqualTo(vm.asText()).contains("no-policy");
  }
}
