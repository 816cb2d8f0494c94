package org.stslens.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.finding.CheckStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LearnViewTest {

  static final String PRIMER_LIGHT = "/atlantafx/base/theme/primer-light.css";
  static final String PRIMER_DARK = "/atlantafx/base/theme/primer-dark.css";

  private final List<CheckStage> shown = new ArrayList<>();
  private LearnView view;

  @Start
  void start(javafx.stage.Stage window) {
    // AtlantaFX classes are Java 21 bytecode; its stylesheet is loaded as a resource instead
    Application.setUserAgentStylesheet(
        LearnViewTest.class.getResource(PRIMER_LIGHT).toExternalForm());
    view = new LearnView(shown::add);
    window.setScene(new Scene(view, 1000, 700));
    window.show();
  }

  @Test
  void showsTheSixQuestionsWithTheKeyFacts(FxRobot robot) {
    List<String> cardTexts = new ArrayList<>();
    for (String id :
        List.of("protocol", "file-name", "directory", "txt-record", "dnssec", "direction")) {
      Node card = robot.lookup("#question-" + id).query();
      assertThat(card.isVisible()).isTrue();
      cardTexts.add(textOf(card));
    }
    String all = String.join("\n", cardTexts);
    assertThat(cardTexts.get(0)).contains("Which protocol", "HTTPS", "443");
    assertThat(cardTexts.get(1)).contains("mta-sts.txt");
    assertThat(cardTexts.get(2)).contains("/.well-known/", "mta-sts.<domain>");
    assertThat(cardTexts.get(3)).contains("_mta-sts", "v=STSv1; id=");
    assertThat(cardTexts.get(4)).contains("DNSSEC", "DANE");
    assertThat(cardTexts.get(5)).contains("inbound", "outbound");
    assertThat(all).contains("https://mta-sts.example.com/.well-known/mta-sts.txt");
  }

  @Test
  void linksAreDisabledWithoutACheck(FxRobot robot) {
    List<Hyperlink> links = links(robot);
    assertThat(links).hasSize(6);
    assertThat(links)
        .allSatisfy(
            link -> {
              assertThat(link.isDisabled()).isTrue();
              assertThat(link.getText()).isEqualTo("Run a check to see it live");
            });
    robot.clickOn("#link-file-name");
    assertThat(shown).isEmpty();
  }

  @Test
  void afterACheckTheFileNameLinkOpensRetrievalAndExamplesUseTheDomain(FxRobot robot) {
    robot.interact(() -> view.setLastCheck(Optional.of("example.org")));
    assertThat(links(robot)).noneMatch(Hyperlink::isDisabled);

    robot.clickOn("#link-file-name");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(shown).containsExactly(CheckStage.RETRIEVAL);
    assertThat(robot.lookup("#example-file-name").queryAs(Labeled.class).getText())
        .contains("example.org");
    assertThat(robot.lookup("#example-directory").queryAs(Labeled.class).getText())
        .contains("https://mta-sts.example.org/.well-known/mta-sts.txt")
        .doesNotContain("example.com");
  }

  @Test
  void eachLinkOpensTheStageOfItsAnswer(FxRobot robot) {
    robot.interact(() -> view.setLastCheck(Optional.of("example.org")));
    robot.interact(() -> links(robot).forEach(Hyperlink::fire));
    assertThat(shown)
        .containsExactly(
            CheckStage.RETRIEVAL,
            CheckStage.RETRIEVAL,
            CheckStage.RETRIEVAL,
            CheckStage.DISCOVERY,
            CheckStage.DISCOVERY,
            CheckStage.MX);
  }

  @Test
  void linksCanBeFollowedWithTheKeyboard(FxRobot robot) {
    robot.interact(() -> view.setLastCheck(Optional.of("example.org")));
    Hyperlink link = robot.lookup("#link-txt-record").queryAs(Hyperlink.class);
    assertThat(link.isFocusTraversable()).isTrue();
    robot.interact(link::requestFocus);
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown).containsExactly(CheckStage.DISCOVERY);
  }

  @Test
  void forgettingTheCheckDisablesTheLinksAgain(FxRobot robot) {
    robot.interact(() -> view.setLastCheck(Optional.of("example.org")));
    robot.interact(() -> view.setLastCheck(Optional.empty()));
    assertThat(links(robot)).allMatch(Hyperlink::isDisabled);
    assertThat(robot.lookup("#example-directory").queryAs(Labeled.class).getText())
        .contains("mta-sts.example.com");
  }

  @Test
  void theDiagramShowsTheFourParticipants(FxRobot robot) {
    FlowDiagram diagram = robot.lookup(".flow-diagram").queryAs(FlowDiagram.class);
    String text = textOf(diagram);
    assertThat(text)
        .contains("Sending mail server", "DNS", "Policy host", "MX host", "TLS-RPT report address")
        .contains("mta-sts.example.com", "GET /.well-known/mta-sts.txt", "port 443", "port 25")
        .contains("STARTTLS");
    assertThat(diagram.lookupAll(".flow-arrow")).hasSize(4);
    assertThat(diagram.lookupAll(".flow-arrow-head")).hasSize(4);
  }

  @Test
  void theGlossaryIsShown(FxRobot robot) {
    Node glossary = robot.lookup("#glossary").query();
    String text = textOf(glossary);
    for (Glossary.Entry entry : Glossary.entries()) {
      assertThat(text).contains(entry.term(), entry.definition());
    }
  }

  @Test
  void nothingIsCutOffAtTheSmallestWindow(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    List<Labeled> cut = new ArrayList<>();
    robot.interact(
        () ->
            view.lookupAll(".label").stream()
                .filter(Labeled.class::isInstance)
                .map(Labeled.class::cast)
                .filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty())
                .filter(l -> l.getWidth() > 0 && l.getHeight() + 0.5 < l.prefHeight(l.getWidth()))
                .forEach(cut::add));
    assertThat(cut).extracting(Labeled::getText).isEmpty();
  }

  @Test
  void theDaneTopicSaysWhichOneASenderAppliesWithTheCheckedDomain(FxRobot robot) {
    robot.interact(() -> view.setLastCheck(Optional.of("example.org")));
    String text = textOf(robot.lookup("#topic-dane").query());
    assertThat(text)
        .contains("applies DANE first", "RFC 8461 §2", "Do you need DNSSEC for MTA-STS? No.")
        .contains("_25._tcp.mail.example.org.  IN  TLSA  3 1 1");
    assertThat(textOf(view.getContent())).contains("MTA-STS and DANE: which one, and why both");
  }

  private static List<Hyperlink> links(FxRobot robot) {
    return new ArrayList<>(robot.lookup(".learn-link").queryAllAs(Hyperlink.class));
  }

  /** All text of a node and its descendants, in scene-graph order. */
  static String textOf(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(Node node, StringBuilder out) {
    if (node instanceof Labeled labeled && labeled.getText() != null) {
      out.append(labeled.getText()).append('\n');
    } else if (node instanceof Text text && !(node.getParent() instanceof Labeled)) {
      out.append(text.getText());
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
    }
  }
}
