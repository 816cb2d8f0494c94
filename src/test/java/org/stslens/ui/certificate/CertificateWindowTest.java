package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CertificateWindowTest {

  private Stage owner;

  @Start
  void start(Stage stage) {
    owner = stage;
    stage.setScene(new Scene(new Label("owner"), 300, 200));
    stage.show();
  }

  @Test
  void opensANonModalWindowWithTheViewerThatEscapeCloses(FxRobot robot) {
    AtomicReference<Stage> window = new AtomicReference<>();
    robot.interact(
        () -> {
          window.set(
              CertificateWindow.create(
                  owner,
                  "Certificate of mx1.example.com",
                  new Chains().valid(),
                  Chains.CLOCK,
                  Runnable::run));
          window.get().show();
        });
    Stage stage = window.get();

    assertThat(stage.isShowing()).isTrue();
    assertThat(stage.getTitle()).isEqualTo("Certificate of mx1.example.com");
    assertThat(stage.getModality()).isEqualTo(Modality.NONE);
    assertThat(stage.getOwner()).isSameAs(owner);
    assertThat(stage.getScene().getWidth()).isEqualTo(900);
    assertThat(stage.getScene().getStylesheets())
        .anyMatch(s -> s.endsWith("org/stslens/ui/stslens.css"));
    assertThat(stage.getScene().getRoot()).isInstanceOf(CertificateViewer.class);
    assertThat(robot.lookup("#certificate-tree").query().isFocused()).isTrue();

    robot.clickOn("Lab Root").type(KeyCode.ESCAPE);

    assertThat(stage.isShowing()).isFalse();
  }
}
