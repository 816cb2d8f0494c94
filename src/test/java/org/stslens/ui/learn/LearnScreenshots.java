package org.stslens.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.ui.testing.Png;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Learn view at the smallest window size (1000×700), light and dark, and the diagram
 * alone at its minimum width, to target/screenshots/ for a person to look at.
 *
 * <p>Not part of the unit suite (the name does not end in Test): {@code scripts/screenshots.sh}
 * runs it.
 */
@ExtendWith(ApplicationExtension.class)
class LearnScreenshots {

  private static final Path OUT = Path.of("target", "screenshots");

  private LearnView view;
  private Scene scene;

  @Start
  void start(javafx.stage.Stage window) {
    useTheme(LearnViewTest.PRIMER_LIGHT);
    view = new LearnView(stage -> {});
    scene = new Scene(view, 1000, 700);
    window.setScene(scene);
    window.show();
  }

  @Test
  void rendersTheViewAtEveryScrollPosition(FxRobot robot) {
    robot.interact(() -> view.setLastCheck(Optional.of("example.org")));
    double[] positions = {0, 0.25, 0.5, 0.75, 1};
    for (int i = 0; i < positions.length; i++) {
      double v = positions[i];
      robot.interact(() -> view.setVvalue(v));
      WaitForAsyncUtils.waitForFxEvents();
      write(robot, scene.getRoot(), "learn-" + i + ".png");
    }
    robot.interact(() -> view.setVvalue(0));
    robot.interact(() -> view.setLastCheck(Optional.empty()));
    write(robot, scene.getRoot(), "learn-no-check.png");
  }

  @Test
  void rendersTheDarkTheme(FxRobot robot) {
    useTheme(LearnViewTest.PRIMER_DARK);
    try {
      WaitForAsyncUtils.waitForFxEvents();
      write(robot, scene.getRoot(), "learn-dark.png");
      robot.interact(() -> view.setVvalue(0.5));
      write(robot, scene.getRoot(), "learn-dark-diagram.png");
    } finally {
      useTheme(LearnViewTest.PRIMER_LIGHT);
    }
  }

  @Test
  void rendersTheDiagramAloneAtItsMinimumWidthAndWide(FxRobot robot) {
    for (double width : new double[] {FlowDiagram.MIN_WIDTH, 1000}) {
      for (String domain :
          new String[] {"example.com", "mail-department.long-company-name.co.uk"}) {
        FlowDiagram diagram = new FlowDiagram(domain);
        StackPane root = new StackPane(diagram);
        robot.interact(
            () -> {
              Scene alone = new Scene(root, width, diagram.prefHeight(width));
              alone.getRoot().applyCss();
              alone.getRoot().layout();
              root.resize(width, diagram.prefHeight(width));
              root.layout();
            });
        String name =
            "learn-diagram-" + (int) width + (domain.startsWith("example") ? "" : "-long") + ".png";
        write(robot, root, name);
      }
    }
  }

  private static void useTheme(String resource) {
    Application.setUserAgentStylesheet(
        LearnScreenshots.class.getResource(resource).toExternalForm());
  }

  private static void write(FxRobot robot, Node node, String name) {
    Image[] image = new Image[1];
    robot.interact(() -> image[0] = node.snapshot(null, null));
    Path file = Png.write(image[0], OUT.resolve(name));
    assertThat(file).isNotEmptyFile();
  }
}
