package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.ui.testing.Png;
import org.stslens.workbench.edit.Diagnostic;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The policy workbench as a user meets it: typing a broken policy, fixing it, trying a draft
 * against the MX hosts of a real check (loopback servers), and finding a draft again after the app
 * went away without closing.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchJourneyTest {

  private final DesktopRig rig = new DesktopRig();
  private final TestWorld world = rig.world;
  private Path folder;
  private Desktop desktop;

  @Start
  void start(Stage stage) throws Exception {
    world.smtpTimeout(Duration.ofSeconds(30));
    // draft.test: two healthy MX, but the live policy names only mx1, so mx2 is refused
    world.standardDns("draft.test", "1", "mx1.draft.test", "mx2.draft.test");
    world.policyHost("draft.test", TestWorld.policy("enforce", "mx1.draft.test"));
    world.goodMx(0, "mx1.draft.test");
    world.goodMx(1, "mx2.draft.test");
    rig.service.use(world.options());
    folder = Files.createTempDirectory("stslens-workbench");
    desktop = newDesktop();
    desktop.show(stage);
  }

  private Desktop newDesktop() {
    return rig.desktop(folder);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private CodeArea openEditorWith(FxRobot robot, String text) throws Exception {
    robot.clickOn("#editor");
    waitUntil(() -> robot.lookup("#policy-editor").tryQuery().isPresent());
    CodeArea area = robot.lookup("#policy-editor").queryAs(CodeArea.class);
    robot.interact(() -> area.replaceText(text));
    robot.clickOn(area);
    robot.interact(() -> area.moveTo(area.getLength()));
    return area;
  }

  @Test
  void aTypedMistakeIsUnderlinedListedAndFixed(FxRobot robot) throws Exception {
    CodeArea area = openEditorWith(robot, "version: STSv1\n");
    robot.write("Mode: enforce");
    robot.type(KeyCode.ENTER);
    robot.write("mx: mx1.example.com");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).isEqualTo("version: STSv1\nMode: enforce\nmx: mx1.example.com");

    int mode = area.getText().indexOf("Mode");
    assertThat(area.getStyleOfChar(mode + 1)).contains("pk-warning", "pk-unknown-key");
    ListView<Diagnostic> problems = robot.lookup("#problems").queryListView();
    assertThat(problems.getItems())
        .anySatisfy(
            d -> {
              assertThat(d.finding().code().id()).isEqualTo("policy.likely-typo");
              assertThat(d.line()).isEqualTo(2);
            });
    Png.write(
        robot.capture(robot.lookup("#workbench").queryParent()).getImage(),
        Path.of("target/workbench-typo.png"));

    // select the finding: the editor jumps to it and the quick fix is one click away
    Diagnostic typo =
        problems.getItems().stream()
            .filter(d -> d.finding().code().id().equals("policy.likely-typo"))
            .findFirst()
            .orElseThrow();
    robot.interact(() -> problems.getSelectionModel().select(typo));
    assertThat(area.getSelectedText()).isEqualTo("Mode");
    robot.clickOn("Change Mode to mode");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).contains("\nmode: enforce\n");
    assertThat(problems.getItems())
        .noneSatisfy(d -> assertThat(d.finding().code().id()).isEqualTo("policy.likely-typo"));

    // the keyboard way: Ctrl+1 on the missing max_age adds it; undo takes it back
    robot.interact(() -> area.moveTo(0));
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("Add max_age: 604800 (one week)");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).endsWith("mx: mx1.example.com\nmax_age: 604800\n");
    Label summary = robot.lookup("#problems-summary").queryAs(Label.class);
    assertThat(summary.getText()).startsWith("Valid policy");
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).doesNotContain("max_age");
    assertThat(summary.getText()).startsWith("Not a valid policy");
  }

  @Test
  void aMisspeltKeyIsBlamedForTheMissingFieldAndItsFixKeepsTheUnderscore(FxRobot robot)
      throws Exception {
    openEditorWith(robot, "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax-age: 86400\n");
    WaitForAsyncUtils.waitForFxEvents();
    ListView<Diagnostic> problems = robot.lookup("#problems").queryListView();
    waitUntil(() -> !problems.getItems().isEmpty());
    Diagnostic missing =
        problems.getItems().stream()
            .filter(d -> d.finding().code().id().equals("policy.missing-max-age"))
            .findFirst()
            .orElseThrow();
    assertThat(missing.line()).as("blamed on the max-age line, not line 1").isEqualTo(4);
    robot.interact(() -> problems.getSelectionModel().select(missing));
    Button fix = robot.lookup(".quick-fix").queryButton();
    assertThat(fix.getText()).isEqualTo("Change max-age to max_age");
    assertThat(fix.isMnemonicParsing()).as("the underscore is shown, not eaten").isFalse();
  }

  @Test
  void tabLeavesTheEditorAndCtrlTabTypesATab(FxRobot robot) throws Exception {
    CodeArea area = openEditorWith(robot, "version: STSv1\n");
    assertThat(area.isFocused()).isTrue();
    robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).isEqualTo("version: STSv1\n\t");
    assertThat(area.isFocused()).isTrue();

    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).as("Tab types nothing").isEqualTo("version: STSv1\n\t");
    assertThat(area.isFocused()).as("Tab moves the focus on").isFalse();
    robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.isFocused()).as("Shift+Tab comes back").isTrue();
  }

  @Test
  void completionProposesKeysAndModeWordsAndHoverShowsTheFinding(FxRobot robot) throws Exception {
    CodeArea area = openEditorWith(robot, "version: STSv1\nmo");
    robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.type(KeyCode.ENTER); // the only proposal: mode
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).isEqualTo("version: STSv1\nmode: ");
    robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // testing, then enforce
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getText()).isEqualTo("version: STSv1\nmode: enforce");

    robot.interact(() -> area.replaceText("version: STSv1\nmode: Enforce\n"));
    int at = area.getText().indexOf("Enforce") + 2;
    javafx.geometry.Bounds chars =
        WaitForAsyncUtils.asyncFx(() -> area.getCharacterBoundsOnScreen(at, at + 1))
            .get(10, TimeUnit.SECONDS)
            .orElseThrow();
    robot.moveTo(new javafx.geometry.Point2D(chars.getCenterX(), chars.getCenterY()));
    waitUntil(
        () ->
            robot.listWindows().stream()
                .anyMatch(
                    w ->
                        w instanceof javafx.stage.Popup p
                            && p.isShowing()
                            && p.getContent().stream()
                                .anyMatch(
                                    n ->
                                        n instanceof Label l
                                            && l.getText().contains("policy.invalid-mode"))));
  }

  @Test
  void aDraftIsTriedAgainstTheLiveMxHostsAndAnMxChangesVerdict(FxRobot robot) throws Exception {
    robot.clickOn("#domain").eraseText(30).write("draft.test").type(KeyCode.ENTER);
    waitUntil(() -> desktop.viewModel().reportProperty().get() != null);
    robot.clickOn("Policy");
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> robot.lookup("#open-in-editor").queryButton().fire());
    waitUntil(() -> robot.lookup("#policy-editor").tryQuery().isPresent());
    CodeArea area = robot.lookup("#policy-editor").queryAs(CodeArea.class);
    assertThat(area.getText()).contains("mx: mx1.draft.test");

    TabPane tabs = robot.lookup("#workbench-tabs").queryAs(TabPane.class);
    Tab tryTab =
        tabs.getTabs().stream().filter(t -> "try-tab".equals(t.getId())).findFirst().orElseThrow();
    robot.interact(() -> tabs.getSelectionModel().select(tryTab));
    Label headline = robot.lookup("#try-headline").queryAs(Label.class);
    assertThat(headline.getText()).contains("delivers to 1 of 2").contains("Nothing changes");
    assertThat(robot.lookup("#try-gaps").queryAs(Label.class).getText())
        .contains("MX hosts that match no pattern: mx2.draft.test");

    // add the missing host by typing it, as an admin would
    int afterMx1 = area.getText().indexOf("mx: mx1.draft.test") + "mx: mx1.draft.test".length();
    robot.clickOn(area);
    robot.interact(() -> area.moveTo(afterMx1));
    robot.type(KeyCode.ENTER);
    robot.write("mx: mx2.draft.test");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#try-changes").queryAs(Label.class).getText())
        .contains("mx2.draft.test goes from refused to delivered");
    assertThat(headline.getText()).contains("delivers to 2 of 2");
    Png.write(
        robot.capture(robot.lookup("#workbench").queryParent()).getImage(),
        Path.of("target/workbench-try.png"));

    Tab publish =
        tabs.getTabs().stream()
            .filter(t -> "publish-tab".equals(t.getId()))
            .findFirst()
            .orElseThrow();
    robot.interact(() -> tabs.getSelectionModel().select(publish));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(
            robot
                .lookup("#txt-value")
                .queryAs(javafx.scene.control.TextInputControl.class)
                .getText())
        .startsWith("v=STSv1; id=")
        .doesNotEndWith("id=1");
    Png.write(
        robot.capture(robot.lookup("#workbench").queryParent()).getImage(),
        Path.of("target/workbench-publish.png"));
  }

  @Test
  void aDraftIsBackAfterTheAppWentAwayWithoutClosing(FxRobot robot) throws Exception {
    CodeArea area = openEditorWith(robot, "");
    robot.write("version: STSv1");
    robot.type(KeyCode.ENTER);
    robot.write("mode: testing");
    Path drafts = folder.resolve("drafts");
    waitUntil(
        () -> {
          if (!Files.isDirectory(drafts)) {
            return false;
          }
          try (var files = Files.list(drafts)) {
            return files.anyMatch(
                f -> {
                  try {
                    return Files.readString(f).contains("mode: testing");
                  } catch (java.io.IOException e) {
                    return false;
                  }
                });
          }
        });
    // no close, no shutdown: a second app instance on the same folder, as after a kill
    Stage second =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  Stage s = new Stage();
                  newDesktop().show(s);
                  return s;
                })
            .get(20, TimeUnit.SECONDS);
    try {
      robot.interact(
          () ->
              ((javafx.scene.control.ToggleButton) second.getScene().lookup("#editor"))
                  .setSelected(true));
      waitUntil(
          () -> {
            CodeArea restored = (CodeArea) second.getScene().lookup("#policy-editor");
            return restored != null && restored.getText().equals("version: STSv1\nmode: testing");
          });
    } finally {
      robot.interact(second::close);
    }
    assertThat(area.getText()).isEqualTo("version: STSv1\nmode: testing");
  }
}
