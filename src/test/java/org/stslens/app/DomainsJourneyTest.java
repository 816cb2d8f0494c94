package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.history.HistoryStore;
import org.stslens.lab.LabHttpsServer;
import org.stslens.ui.domains.DomainRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Domains screen: add two loopback domains, Check all, read the verdicts, and the history. */
@ExtendWith(ApplicationExtension.class)
class DomainsJourneyTest {

  private final DesktopRig rig = new DesktopRig();
  private Path folder;

  @Start
  void start(Stage stage) throws Exception {
    TestWorld world = rig.world;
    world.standardDns("one.test", "1", "mx1.one.test");
    world.policyHost("one.test", TestWorld.policy("enforce", "mx1.one.test"));
    world.goodMx(0, "mx1.one.test");
    // two.test's policy host needs an address of its own
    world.dns.txt("_mta-sts.two.test", "v=STSv1; id=1");
    world.dns.a("mta-sts.two.test", "127.0.0.9");
    world.dns.mx("two.test", 10, "mx1.two.test");
    world.dns.a("mx1.two.test", TestWorld.mxAddress(1));
    world.add(
        LabHttpsServer.builder(world.ca.issue("mta-sts.two.test"))
            .bind(InetAddress.getByName("127.0.0.9"))
            .route("/.well-known/mta-sts.txt", TestWorld.policy("testing", "mx1.two.test"))
            .start());
    world.goodMx(1, "mx1.two.test");
    rig.service.use(world.options());
    folder = Files.createTempDirectory("stslens-domains");
    rig.desktop(folder).show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void twoDomainsAddedAndCheckedShowTheirVerdictsAndAreSaved(FxRobot robot) throws Exception {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#domains").queryAs(ToggleButton.class).isSelected()).isTrue();

    robot.clickOn("#domains-add-field").write("one.test").type(KeyCode.ENTER);
    robot.clickOn("#domains-add-field").write("two.test");
    robot.clickOn("#domains-add");
    TableView<DomainRow> table = robot.lookup("#domains-table").queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

    robot.clickOn("#domains-check-all");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> table.getItems().stream().allMatch(r -> r.verdict().isPresent()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("Enforced").tryQuery()).isPresent();
    assertThat(robot.lookup("Testing").tryQuery()).isPresent();
    assertThat(table.getItems()).allMatch(r -> r.changesText().equals("First check"));

    // each check went to the history beside the drafts, through the walkthrough's service
    HistoryStore store = HistoryStore.open(folder.resolve(HistoryStore.FILE_NAME));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.checks("two.test").size() == 1);
    assertThat(store.watchlist()).containsExactly("one.test", "two.test");
  }
}
