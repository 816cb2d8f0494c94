package org.stslens.ui.workbench.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.ui.testing.Png;
import org.stslens.workbench.publish.PublishingKit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the publishing kit pane to target/kit-pane*.png for a person to look at; nothing is
 * compared. Not part of the unit suite: {@code scripts/screenshots.sh} runs it.
 */
@ExtendWith(ApplicationExtension.class)
class PublishingKitPaneScreenshots {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T13:05:09Z"), ZoneOffset.UTC);
  private static final String DRAFT =
      "version: STSv1\nmode: testing\nmx: mail.example.com\nmx: *.backup.example.com\n"
          + "max_age: 604800\n";

  private PublishingKitPane pane;

  @Start
  void start(Stage stage) {
    PublishingKit kit =
        PublishingKit.build("example.com", DRAFT, CLOCK, Optional.empty(), Optional.empty());
    pane = new PublishingKitPane(kit, k -> {});
    ViewTestSupport.show(stage, pane);
  }

  @Test
  void rendersThePaneAndTheWindow(FxRobot robot) {
    Node content = pane.getContent();
    Image[] image = new Image[2];
    robot.interact(
        () -> {
          image[0] = content.snapshot(null, null);
          image[1] = pane.getScene().getRoot().snapshot(null, null);
        });
    Png.write(image[0], Path.of("target", "kit-pane.png"));
    Png.write(image[1], Path.of("target", "kit-pane-window.png"));
  }
}
