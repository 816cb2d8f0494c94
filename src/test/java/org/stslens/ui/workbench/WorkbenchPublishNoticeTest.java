package org.stslens.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.history.StoredCheck;
import org.stslens.ui.common.FakeDialogService;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.workbench.draft.DraftStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor says until when senders keep the current policy of the draft's domain, read from the
 * history file where a real (loopback) check of it was stored.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchPublishNoticeTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T04:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  private static Path history;

  /** hist.test served mode enforce, max_age 604800, under TXT id 20260101 at its stored check. */
  @BeforeAll
  static void storeACheck() throws Exception {
    history = dir.resolve("history.sqlite");
    try (TestWorld world = new TestWorld()) {
      world.standardDns("hist.test", "20260101", "mx1.hist.test");
      world.policyHost("hist.test", TestWorld.policy("enforce", "mx1.hist.test"));
      world.goodMx(0, "mx1.hist.test");
      HistoryStore.open(history).save(world.check("hist.test"));
    }
  }

  @Start
  void start(Stage stage) {
    WorkbenchViewModel vm =
        new WorkbenchViewModel(
            new DraftStore(dir.resolve("drafts")), Runnable::run, Platform::runLater, CLOCK);
    vm.useHistory(d -> HistoryStore.open(history).latest(d).map(StoredCheck::facts));
    ViewTestSupport.show(
        stage,
        (javafx.scene.Parent) new WorkbenchView(vm, new FakeDialogService(), d -> {}).root());
  }

  private static String notice(FxRobot robot) {
    return robot.lookup("#publish-notice").queryAs(Label.class).getText();
  }

  private static void typeDomain(FxRobot robot, String domain) {
    TextField field = robot.lookup("#draft-domain").queryAs(TextField.class);
    robot.interact(field::clear);
    robot.clickOn(field).write(domain);
  }

  @Test
  void theEditorSaysUntilWhenSendersKeepTheStoredPolicy(FxRobot robot) throws Exception {
    typeDomain(robot, "hist.test");

    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> notice(robot).startsWith("If you publish this draft now"));
    assertThat(notice(robot))
        .contains("(mode enforce, id 20260101, max_age 604800)")
        .contains("keep applying it until 12 December 2026, 04:00 UTC (7 days).")
        .contains("Under the same TXT id they never fetch it");
    assertThat(robot.lookup("#publish-notice").queryAs(Label.class).getParent().isVisible())
        .isTrue();
  }

  @Test
  void aDomainWithoutStoredCheckSaysHowToGetOne(FxRobot robot) throws Exception {
    typeDomain(robot, "other.test");

    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> notice(robot).startsWith("No check of other.test is stored"));
    assertThat(notice(robot)).contains("Check other.test");
  }
}
