package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.domains.DomainRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Domains screen's Compare: a domain with two stored checks (testing, then enforce under a new
 * id), compared from the keyboard; the changed rows are highlighted and a section copies.
 */
@ExtendWith(ApplicationExtension.class)
class DomainsCompareJourneyTest {

  private static final String DOMAIN = "cmp.test";
  private static final String MX1 = "mx1.cmp.test";
  private final DesktopRig rig = new DesktopRig();
  private Path folder;

  private static DomainReport check(String id, String mode) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, id, MX1);
      world.policyHost(DOMAIN, TestWorld.policy(mode, MX1));
      world.goodMx(0, MX1);
      return world.check(DOMAIN);
    }
  }

  @Start
  void start(Stage stage) throws Exception {
    folder = Files.createTempDirectory("stslens-compare");
    HistoryStore store = HistoryStore.open(folder.resolve(HistoryStore.FILE_NAME));
    store.save(check("20260101", "testing"));
    store.save(check("20260102", "enforce"));
    store.watch(List.of(DOMAIN), Instant.now());
    rig.desktop(folder).show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void theLastTwoChecksAreComparedFromTheKeyboardWithTheChangesHighlighted(FxRobot robot)
      throws Exception {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
    TableView<DomainRow> table = robot.lookup("#domains-table").queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
    robot.interact(() -> table.getSelectionModel().select(0));
    TabPane tabs = robot.lookup("#domains-tabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(1));
    ListView<?> checks = robot.lookup("#domains-past-checks").queryListView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> checks.getItems().size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(checks.getSelectionModel().getSelectedIndices()).containsExactlyInAnyOrder(0, 1);

    // from the list, Tab reaches Compare and Space presses it
    robot.interact(checks::requestFocus);
    robot.type(KeyCode.TAB);
    Button compare = robot.lookup("#domains-compare").queryButton();
    assertThat(compare.isFocused()).isTrue();
    robot.type(KeyCode.SPACE);
    GridPane grid = robot.lookup("#domains-diff").queryAs(GridPane.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(grid, 2, "mode: enforce") != null);

    // the newer on the right, the older on the left, both highlighted
    Label newer = cell(grid, 2, "mode: enforce");
    assertThat(newer.getStyleClass()).contains("diff-changed");
    assertThat(cell(grid, 1, "mode: testing").getStyleClass()).contains("diff-changed");
    assertThat(cell(grid, 1, "Older: check ")).isNotNull();
    assertThat(cell(grid, 2, "Newer: check ")).isNotNull();
    // a line both have is not highlighted
    assertThat(cell(grid, 1, "version: STSv1").getStyleClass()).doesNotContain("diff-changed");
    assertThat(cell(grid, 2, "20260102").getStyleClass()).contains("diff-changed");

    robot.clickOn("#domains-diff-copy-1");
    String copied =
        robot.interact(() -> Clipboard.getSystemClipboard().getString()) == null
            ? null
            : WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertThat(copied)
        .startsWith("Policy\n")
        .contains("- mode: testing")
        .contains("+ mode: enforce");
  }

  @Test
  void checkAllEveryNHoursIsSwitchedOnFromTheStatusBarAndKeptInTheSettings(FxRobot robot)
      throws Exception {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.Spinner<?> hours =
        robot.lookup("#domains-autocheck-hours").queryAs(javafx.scene.control.Spinner.class);
    robot.interact(() -> hours.increment()); // 25
    robot.clickOn("#domains-autocheck");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#domains-next-check").queryLabeled().getText())
        .matches("Next check at \\d\\d:\\d\\d");
    SettingsStore store = new SettingsStore(folder);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load().autoCheck());
    assertThat(store.load().autoCheckHours()).isEqualTo(25);
  }

  /** The label in {@code column} of the diff grid whose text starts with or equals {@code text}. */
  private static Label cell(GridPane grid, int column, String text) {
    for (Node n : grid.getChildren()) {
      Integer c = GridPane.getColumnIndex(n);
      if (n instanceof Label l
          && (c == null ? 0 : c) == column
          && l.getText() != null
          && (l.getText().startsWith(text) || l.getText().contains(text))) {
        return l;
      }
    }
    return null;
  }
}
