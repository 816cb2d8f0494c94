package org.stslens.ui.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.workbench.publish.PublishingKit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PublishingKitPaneTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T13:05:09Z"), ZoneOffset.UTC);
  private static final String DRAFT =
      "version: STSv1\nmode: testing\nmx: mail.example.com\nmx: *.backup.example.com\n"
          + "max_age: 604800\n";

  private final PublishingKit kit =
      PublishingKit.build("example.com", DRAFT, CLOCK, Optional.empty(), Optional.empty());
  private final List<PublishingKit> exported = new ArrayList<>();
  private PublishingKitPane pane;

  @Start
  void start(Stage stage) {
    pane = new PublishingKitPane(kit, exported::add);
    ViewTestSupport.show(stage, pane);
  }

  @Test
  void showsTheTxtRecordThePolicyFileAndItsEncoding(FxRobot robot) {
    assertThat(field(robot, "#txt-name")).isEqualTo("_mta-sts.example.com");
    assertThat(field(robot, "#txt-value")).isEqualTo("v=STSv1; id=20261128130509");
    assertThat(robot.lookup("#policy-file").queryAs(TextArea.class).getText()).isEqualTo(DRAFT);
    assertThat(robot.lookup("#file-note").queryAs(Label.class).getText())
        .isEqualTo("CRLF line endings, UTF-8, no BOM, " + kit.fileBytes().length + " bytes");
  }

  @Test
  void showsEverySnippetInItsOwnTab(FxRobot robot) {
    TabPane tabs = robot.lookup("#snippets").queryAs(TabPane.class);
    assertThat(tabs.getTabs())
        .extracting(t -> t.getText())
        .containsExactly("DNS zone file", "nginx", "Apache httpd", "Caddy", "IIS");

    robot.interact(() -> tabs.getSelectionModel().select(1));
    TextArea nginx = robot.lookup("#snippet-nginx-conf").queryAs(TextArea.class);
    assertThat(nginx.isVisible()).isTrue();
    assertThat(nginx.getText()).contains("server_name mta-sts.example.com;", "text/plain");
    assertThat(nginx.isEditable()).isFalse();
  }

  @Test
  void copyPutsTheTxtValueOnTheClipboard(FxRobot robot) {
    Node row = robot.lookup("#txt-value").query().getParent();
    Button copy =
        robot.from(row).lookup(".copy-button").queryAllAs(Button.class).stream()
            .filter(b -> "Copy the TXT record value".equals(b.getAccessibleText()))
            .findFirst()
            .orElseThrow();

    robot.clickOn(copy);
    WaitForAsyncUtils.waitForFxEvents();

    AtomicReference<String> clip = new AtomicReference<>();
    robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
    assertThat(clip.get()).isEqualTo("v=STSv1; id=20261128130509");
    assertThat(copy.getText()).isEqualTo("Copied");
  }

  @Test
  void copyingThePolicyFileGivesItsCrlfText(FxRobot robot) {
    Button copy =
        robot.lookup(".copy-button").queryAllAs(Button.class).stream()
            .filter(b -> "Copy the policy file".equals(b.getAccessibleText()))
            .findFirst()
            .orElseThrow();
    robot.interact(copy::fire);

    AtomicReference<String> clip = new AtomicReference<>();
    robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
    assertThat(clip.get()).isEqualTo(DRAFT.replace("\n", "\r\n"));
  }

  @Test
  void checklistNumbersTheStepsWithTheirRfcSections(FxRobot robot) {
    Parent steps = robot.lookup("#publish-steps").queryAs(Parent.class);
    List<String> texts = texts(steps);
    String all = String.join("\n", texts);

    assertThat(texts).contains("1.", "2.", "RFC 8461 §3.3", "RFC 8461 §8.1");
    assertThat(all.indexOf("Serve the new policy file"))
        .isLessThan(all.indexOf("Only then publish the TXT record"));
    assertThat(texts(robot.lookup("#withdraw-steps").queryAs(Parent.class)))
        .contains("Publish a policy with mode none under a new id", "RFC 8461 §8.3");
  }

  @Test
  void exportButtonHandsTheKitToTheCallerAndShowsItsStatus(FxRobot robot) {
    Button export = robot.lookup("#export-kit").queryAs(Button.class);
    assertThat(export.isMnemonicParsing()).isTrue();

    robot.clickOn(export);
    robot.interact(() -> pane.showExportStatus("Written to /tmp/kit"));

    assertThat(exported).containsExactly(kit);
    assertThat(robot.lookup("#export-status").queryAs(Label.class).getText())
        .isEqualTo("Written to /tmp/kit");
  }

  @Test
  void exportCanBeReachedWithTheKeyboard(FxRobot robot) {
    Button export = robot.lookup("#export-kit").queryAs(Button.class);
    robot.interact(export::requestFocus);
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(exported).containsExactly(kit);
  }

  private static String field(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TextField.class).getText();
  }

  private static List<String> texts(Parent root) {
    List<String> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node node, List<String> out) {
    if (node instanceof Labeled labeled) {
      out.add(labeled.getText());
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
    }
  }
}
