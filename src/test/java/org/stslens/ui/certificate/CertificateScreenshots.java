package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.testing.Png;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the viewer as a user sees it (AtlantaFX theme and the app stylesheet) into
 * target/screenshots, to look at layout changes; the pictures are not compared with anything.
 *
 * <p>Not part of the unit suite (the name does not end in Test): {@code scripts/screenshots.sh}
 * runs it.
 */
@ExtendWith(ApplicationExtension.class)
class CertificateScreenshots {

  private static final Path DIR = Path.of("target", "screenshots");

  private final Chains chains = new Chains();
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(
        new Scene(new Label("empty"), CertificateWindow.WIDTH, CertificateWindow.HEIGHT));
    stage.show();
  }

  @AfterEach
  void restoreTheme() {
    background.shutdownNow();
    Application.setUserAgentStylesheet(null);
  }

  @Test
  void rendersValidAndFailingChainsInLightAndDark(FxRobot robot) throws Exception {
    assertThat(render(robot, chains.valid(), "primer-light", "certview-valid.png")).exists();
    assertThat(render(robot, chains.expiredIntermediate(), "primer-light", "certview-expired.png"))
        .exists();
    assertThat(render(robot, chains.commonNameOnly(), "primer-dark", "certview-dark.png")).exists();
    robot.interact(
        () ->
            robot
                .lookup("#certificate-details > .scroll-pane")
                .queryAs(ScrollPane.class)
                .setVvalue(1));
    assertThat(snapshot(robot, "certview-dark-bottom.png")).exists();
  }

  @Test
  void rendersMissingIntermediateAndLongNamesAtSmallAndLargeSizes(FxRobot robot) throws Exception {
    for (String theme : new String[] {"primer-light", "primer-dark"}) {
      for (double[] size :
          new double[][] {{CertificateWindow.WIDTH, CertificateWindow.HEIGHT}, {1920, 1200}}) {
        String suffix = theme.substring(7) + "-" + (int) size[0] + ".png";
        assertThat(
                render(
                    robot, chains.missingIntermediate(), theme, "certview-missing-" + suffix, size))
            .exists();
        robot.clickOn("missing: “Lab Intermediate” (the server did not send it)");
        assertThat(snapshot(robot, "certview-missing-selected-" + suffix)).exists();
        assertThat(render(robot, chains.longName(), theme, "certview-long-" + suffix, size))
            .exists();
        robot.interact(
            () ->
                robot
                    .lookup("#certificate-details > .scroll-pane")
                    .queryAs(ScrollPane.class)
                    .setVvalue(0.7));
        assertThat(snapshot(robot, "certview-long-extensions-" + suffix)).exists();
      }
    }
  }

  private Path render(FxRobot robot, ChainVerdict verdict, String theme, String file)
      throws Exception {
    return render(
        robot,
        verdict,
        theme,
        file,
        new double[] {CertificateWindow.WIDTH, CertificateWindow.HEIGHT});
  }

  private Path render(FxRobot robot, ChainVerdict verdict, String theme, String file, double[] size)
      throws Exception {
    robot.interact(
        () -> {
          Application.setUserAgentStylesheet(
              getClass().getResource("/atlantafx/base/theme/" + theme + ".css").toExternalForm());
          CertificateViewer viewer = new CertificateViewer(verdict, Chains.CLOCK, background);
          Scene scene = new Scene(viewer, size[0], size[1]);
          scene
              .getStylesheets()
              .add(getClass().getResource("/org/stslens/ui/stslens.css").toExternalForm());
          stage.setScene(scene);
          stage.setWidth(size[0]);
          stage.setHeight(size[1]);
        });
    return snapshot(robot, file);
  }

  private Path snapshot(FxRobot robot, String file) throws Exception {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(stage.getScene().getRoot().snapshot(null, null)));
    return Png.write(image.get(), DIR.resolve(file));
  }
}
