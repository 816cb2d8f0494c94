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
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.workbench.draft.DraftStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening files in the workbench: hostile files are refused with a reason, odd bytes shown. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {

  @TempDir static Path dir;
  private WorkbenchView view;
  private WorkbenchViewModel vm;
  private final java.util.List<String> probed = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    vm =
        new WorkbenchViewModel(
            new DraftStore(dir.resolve("drafts")),
            Runnable::run,
            Platform::runLater,
            Clock.systemUTC());
    view = new WorkbenchView(vm, Runnable::run, probed::add);
    ViewTestSupport.show(stage, (javafx.scene.Parent) view.root());
  }

  private String status(FxRobot robot) {
    return robot.lookup("#workbench-status").queryAs(Label.class).getText();
  }

  private void open(FxRobot robot, Path file) throws Exception {
    robot.interact(() -> view.openFile(file));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aBinaryFileIsRefusedWithAReason(FxRobot robot) throws Exception {
    Path file = dir.resolve("logo.png");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    open(robot, file);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).contains("binary"));
    assertThat(vm.drafts()).noneMatch(d -> d.name().equals("logo.png"));
  }

  @Test
  void aHugeFileIsNotOpened(FxRobot robot) throws Exception {
    Path file = dir.resolve("huge.txt");
    Files.write(file, new byte[(int) WorkbenchView.MAX_OPEN_BYTES + 1]);
    open(robot, file);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).contains("not opened"));
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
  void binaryDetectionLooksAtNulAndControlBytes() {
    assertThat(
            WorkbenchView.looksBinary(
                "version: STSv1\r\n\tmode: none".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(WorkbenchView.looksBinary(new byte[] {'a', 0, 'b'})).isTrue();
    assertThat(WorkbenchView.looksBinary(new byte[] {1, 2, 3, 4, 'a'})).isTrue();
  }
}
