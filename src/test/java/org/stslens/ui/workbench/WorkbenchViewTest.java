package org.stslens.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.ui.common.FakeDialogService;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.workbench.draft.DraftFiles;
import org.stslens.workbench.draft.DraftStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files in the workbench, through its buttons and a double of the OS dialogs: hostile files are
 * refused with a reason, odd bytes shown, saved files canonical.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {

  @TempDir static Path dir;
  private WorkbenchView view;
  private WorkbenchViewModel vm;
  private final FakeDialogService dialogs = new FakeDialogService();
  private final java.util.List<String> probed = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    vm =
        new WorkbenchViewModel(
            new DraftStore(dir.resolve("drafts")),
            Runnable::run,
            Platform::runLater,
            Clock.systemUTC());
    view = new WorkbenchView(vm, dialogs, probed::add);
    ViewTestSupport.show(stage, (javafx.scene.Parent) view.root());
  }

  private String status(FxRobot robot) {
    return robot.lookup("#workbench-status").queryAs(Label.class).getText();
  }

  /** The user presses Open… and picks {@code file}; returns once the outcome is shown. */
  private void open(FxRobot robot, Path file) throws Exception {
    dialogs.choose(file);
    robot.clickOn("#open-file");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !status(robot).startsWith("Opening"));
  }

  @Test
  void aBinaryFileIsRefusedWithAReason(FxRobot robot) throws Exception {
    Path file = dir.resolve("logo.png");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    int before = vm.drafts().size();
    open(robot, file);
    assertThat(status(robot)).contains("binary", "not opened");
    assertThat(vm.drafts()).hasSize(before).noneMatch(d -> d.name().equals("logo.png"));
  }

  @Test
  void aHugeFileIsNotOpened(FxRobot robot) throws Exception {
    // text, not binary: only the size check can refuse it
    Path file = dir.resolve("huge.txt");
    String line = "# a comment line in an oversized policy file\n";
    Files.writeString(file, line.repeat(DraftFiles.MAX_OPEN_BYTES / line.length() + 1));
    assertThat(Files.size(file)).isGreaterThan(DraftFiles.MAX_OPEN_BYTES);
    int before = vm.drafts().size();
    open(robot, file);
    assertThat(status(robot)).contains("larger than 1 MiB: not opened");
    assertThat(vm.drafts()).hasSize(before).noneMatch(d -> d.name().equals("huge.txt"));
  }

  @Test
  void saveAsWritesTheCanonicalFileWhereTheUserChose(FxRobot robot) throws Exception {
    open(robot, writePolicy("to-save.txt", "version: STSv1\nmode: testing\n"));
    Path target = dir.resolve("saved-mta-sts.txt");
    dialogs.choose(target);
    robot.clickOn("#save-file");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).startsWith("Saved"));
    assertThat(dialogs.fileDialogs.get(dialogs.fileDialogs.size() - 1).initialFileName())
        .isEqualTo("mta-sts.txt");
    assertThat(Files.readString(target)).isEqualTo("version: STSv1\r\nmode: testing\r\n");
  }

  @Test
  void renameAsksForANameAndRenamesTheDraft(FxRobot robot) {
    dialogs.type("Rollout step 1");
    robot.clickOn("Rename…");
    assertThat(vm.currentProperty().get().name()).isEqualTo("Rollout step 1");
  }

  @Test
  void theKitIsExportedToTheFolderTheUserChoseAndTheOutcomeShownInTheKit(FxRobot robot)
      throws Exception {
    Path folder = dir.resolve("kit-export");
    dialogs.choose(folder);
    robot.interact(() -> vm.domainProperty().set("example.com"));
    robot.clickOn("Publish");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#export-kit").tryQuery().isPresent());
    robot.interact(() -> robot.lookup("#export-kit").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#kit-pane #export-status")
                .queryAs(Label.class)
                .getText()
                .startsWith("Exported to"));
    assertThat(folder.resolve("mta-sts.txt")).exists();
  }

  @Test
  void cancellingTheOpenDialogOpensNothing(FxRobot robot) {
    int before = vm.drafts().size();
    robot.clickOn("#open-file"); // nothing queued: the user cancels
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.drafts()).hasSize(before);
    assertThat(status(robot)).doesNotContain("Opening");
  }

  private static Path writePolicy(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aServedFileWithBomAndCrlfIsShownAsSendersReadIt(FxRobot robot) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.write(
        file,
        "\uFEFFversion: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n"
            .getBytes(StandardCharsets.UTF_8));
    open(robot, file);
    CodeArea area = robot.lookup("#policy-editor").queryAs(CodeArea.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("max_age"));
    assertThat(area.getText()).startsWith("\uFEFFversion: STSv1\nmode: enforce\n");
    assertThat(area.getStyleOfChar(0)).contains("pk-bom", "pk-warning");
    robot.clickOn("#show-invisibles");
    assertThat(robot.lookup("#invisibles").queryAs(TextArea.class).getText())
        .startsWith("⟨BOM⟩version: STSv1␍␊");
    assertThat(status(robot)).contains("Opened");
  }

  @Test
  void probingAsksForTheDomainFirstThenChecksIt(FxRobot robot) {
    robot.interact(() -> vm.domainProperty().set(""));
    robot.clickOn("Try against MX");
    robot.clickOn("#probe-mx");
    assertThat(status(robot)).contains("Enter the policy domain");
    assertThat(probed).isEmpty();
    robot.interact(() -> vm.domainProperty().set("example.com"));
    robot.clickOn("#probe-mx");
    assertThat(probed).containsExactly("example.com");
  }

  @Test
  void theSendersTabFollowsTheDraftAsItIsTyped(FxRobot robot) throws Exception {
    CodeArea area = robot.lookup("#policy-editor").queryAs(CodeArea.class);
    robot.clickOn("Senders");
    robot.interact(
        () ->
            area.replaceText(
                "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n"));
    Label sentences = robot.lookup("#draft-senders-sentences").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            vm.senders().matrixProperty().get().columns().contains("mx1.example.com")
                && !sentences.isVisible());

    robot.interact(() -> area.replaceText(area.getText().replace("mode:", "mode :")));

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sentences::isVisible);
    assertThat(sentences.getText())
        .contains("Postfix with postfix-mta-sts-resolver")
        .contains("would reject this draft: the key `mode ` has a space before the colon.");
    assertThat(robot.lookup("#senders-matrix").query().isVisible()).isTrue();
  }
}
