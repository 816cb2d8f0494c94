package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MxViewTest {

  private static final String DOMAIN = ViewTestSupport.DOMAIN;
  private static final String MX1 = ViewTestSupport.MX1;
  private static final String MX2 = ViewTestSupport.MX2;
  private static final DomainReport report = ViewTestSupport.secondHostWithoutStartTls();

  @Start
  void start(Stage stage) {
    ViewTestSupport.show(
        stage,
        (ScrollPane)
            StageViews.mx(report.mx(), MX1, new ViewTestSupport.RecordingContext().context()));
  }

  @Test
  void bothHostsAreListedWithWhatASenderDoes(FxRobot robot) {
    @SuppressWarnings("unchecked")
    TableView<MxReport> table = robot.lookup("#mx-table").queryAs(TableView.class);
    assertThat(table.getItems())
        .extracting(MxReport::host, MxReport::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MX1, MxVerdict.DELIVER),
            org.assertj.core.groups.Tuple.tuple(MX2, MxVerdict.REFUSE));
    assertThat(table.getSelectionModel().getSelectedItem().host()).isEqualTo(MX1);
    assertThat(
            robot.lookup("#mx-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText))
        .contains("deliver", "refuse", "NOT offered");
  }

  @Test
  void hostsAreListedByPreferenceWhateverOrderTheirProbesEnded(FxRobot robot) {
    java.util.List<MxReport> finishedLastFirst = new java.util.ArrayList<>(report.mx());
    java.util.Collections.reverse(finishedLastFirst);
    java.util.List<String> hosts = new java.util.ArrayList<>();
    robot.interact(
        () -> {
          ScrollPane view =
              (ScrollPane)
                  StageViews.mx(
                      finishedLastFirst, MX2, new ViewTestSupport.RecordingContext().context());
          @SuppressWarnings("unchecked")
          TableView<MxReport> table = (TableView<MxReport>) view.getContent().lookup("#mx-table");
          table.getItems().forEach(m -> hosts.add(m.host()));
        });
    assertThat(hosts).containsExactly(MX1, MX2);
  }

  /**
   * Issue 14, item 6: the walkthrough keeps each MX host's view and shows it again; shown again, it
   * selects its own host, whichever row was chosen in it meanwhile.
   */
  @Test
  void shownAgainItSelectsItsOwnHostAgain(FxRobot robot) {
    java.util.List<String> selected = new java.util.ArrayList<>();
    robot.interact(
        () -> {
          ScrollPane view =
              (ScrollPane)
                  StageViews.mx(report.mx(), MX1, new ViewTestSupport.RecordingContext().context());
          @SuppressWarnings("unchecked")
          TableView<MxReport> table = (TableView<MxReport>) view.getContent().lookup("#mx-table");
          table.getSelectionModel().select(1);
          selected.add(table.getSelectionModel().getSelectedItem().host());
          org.stslens.ui.common.Reshow.shownAgain(view);
          selected.add(table.getSelectionModel().getSelectedItem().host());
        });
    assertThat(selected).containsExactly(MX2, MX1);
  }

  @Test
  void transcriptTellsClientAndServerApart(FxRobot robot) {
    TextFlow transcript = robot.lookup("#transcript").queryAs(TextFlow.class);
    String text =
        transcript.getChildren().stream()
            .map(n -> ((Text) n).getText())
            .collect(Collectors.joining());
    assertThat(text).contains("C: EHLO").contains("S: 220");
    assertThat(transcript.getChildren().stream().filter(n -> ((Text) n).getText().equals("C: ")))
        .allMatch(n -> n.getStyleClass().contains("transcript-client"));
  }

  @Test
  void selectingTheOtherHostShowsItsFindings(FxRobot robot) {
    robot.clickOn(
        robot
            .lookup("#mx-table .table-cell")
            .match(n -> MX2.equals(((Labeled) n).getText()))
            .queryAs(Labeled.class));
    assertThat(
            robot.lookup(".finding-code").queryAllAs(Labeled.class).stream().map(Labeled::getText))
        .contains("smtp.starttls-missing");
  }
}
