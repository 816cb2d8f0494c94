package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.lab.CertificateSpec;
import org.stslens.ui.shell.StageItem;
import org.stslens.ui.testing.Truncation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window at the sizes people use, down to a 1024×700 laptop: after a check whose MX names
 * are long, no label of the toolbar, the stage list or a stage's title line is cut short, every
 * stage's duration shows, and the stage list never scrolls sideways.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

  static final String DOMAIN = "layout.test";
  static final String LONG_MX = "mx2-secondary-mail-exchanger.eu-west-3.layout.test";

  private final DesktopRig rig = new DesktopRig();
  private final TestWorld world = rig.world;
  private Desktop desktop;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    world.smtpTimeout(Duration.ofSeconds(10));
    world.standardDns(DOMAIN, "1", "mx1." + DOMAIN, LONG_MX);
    world.policyHost(DOMAIN, TestWorld.policy("enforce", "*." + DOMAIN));
    world.goodMx(0, "mx1." + DOMAIN);
    world.mx(1, world.ca.issue(CertificateSpec.expired(LONG_MX)), b -> b);
    rig.service.use(world.options());
    Path folder = Files.createTempDirectory("stslens-layout");
    desktop = rig.desktop(folder);
    desktop.show(stage);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void fitsA1024By700Laptop(FxRobot robot) throws Exception {
    checkAt(robot, 1024, 700);
  }

  @Test
  void fits1280By800(FxRobot robot) throws Exception {
    checkAt(robot, 1280, 800);
  }

  @Test
  void fits1920By1200(FxRobot robot) throws Exception {
    checkAt(robot, 1920, 1200);
  }

  private void checkAt(FxRobot robot, int width, int height) throws Exception {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    List<String> problems = new ArrayList<>();
    // paused before the first stage, every row says "pending": the widest words they show
    robot.interact(
        () -> {
          desktop.viewModel().stepByStepProperty().set(true);
          desktop.viewModel().domainProperty().set(DOMAIN);
          desktop.viewModel().check();
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> desktop.viewModel().pendingStepProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    problems.addAll(Truncation.truncated(robot.lookup("#stages").query()));
    problems.addAll(Truncation.truncated(robot.lookup("#step-panel").query()));
    robot.interact(() -> desktop.viewModel().runAll());
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            !desktop.viewModel().runningProperty().get()
                && desktop.viewModel().reportProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.getWidth()).isEqualTo(width);
    assertThat(stage.getHeight()).isEqualTo(height);

    for (String row : List.of("#menu-row", "#toolbar")) {
      Node toolbar = robot.lookup(row).query();
      problems.addAll(Truncation.truncated(toolbar));
      // a row too wide is not shortened but runs off the window's edge, taking the rest along
      double sceneWidth = stage.getScene().getWidth();
      for (Node item : ((javafx.scene.Parent) toolbar).getChildrenUnmodifiable()) {
        if (item.localToScene(item.getLayoutBounds()).getMaxX() > sceneWidth + 0.5) {
          problems.add(row + " runs off the window at " + item);
        }
      }
    }
    robot
        .lookup(".tool-bar-overflow-button")
        .queryAll()
        .forEach(b -> problems.add(b.isVisible() ? "the toolbar hides buttons behind >>" : ""));
    ListView<StageItem> list = robot.lookup("#stages").queryListView();
    // a long MX name is shortened with an ellipsis (its tooltip has it whole); nothing else is
    problems.addAll(Truncation.truncated(list, l -> l.getStyleClass().contains("stage-name")));
    for (ScrollBar bar : robot.lookup("#stages .scroll-bar").queryAllAs(ScrollBar.class)) {
      if (bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
        problems.add("the stage list scrolls sideways");
      }
    }
    // every row shows its time or status in full, beside its (perhaps shortened) title
    for (Node cell : robot.lookup("#stages .list-cell").queryAll()) {
      for (Node duration : cell.lookupAll(".stage-time")) {
        double end = duration.localToScene(duration.getLayoutBounds()).getMaxX();
        if (end > list.localToScene(list.getLayoutBounds()).getMaxX()) {
          problems.add("a stage time ends outside the list");
        }
      }
    }
    for (StageItem item : List.copyOf(list.getItems())) {
      robot.interact(() -> desktop.viewModel().selectedProperty().set(item));
      WaitForAsyncUtils.waitForFxEvents();
      for (Node title : robot.lookup("#stage-title").queryAll()) {
        problems.addAll(
            Truncation.truncated(title).stream().map(p -> item.title() + ": " + p).toList());
      }
    }
    problems.removeIf(String::isEmpty);
    assertThat(problems).as("at %dx%d", width, height).isEmpty();
  }
}
