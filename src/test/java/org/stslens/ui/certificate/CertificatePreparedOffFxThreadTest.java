package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14, item 6: what the viewer shows of each certificate that takes work (decoding and parsing
 * the PEM, the SHA-1 fingerprint, the details as text, the days left) is computed on the background
 * executor before the window opens; the FX thread only builds and shows it.
 */
@ExtendWith(ApplicationExtension.class)
class CertificatePreparedOffFxThreadTest {

  private final ExecutorService background =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "test-background"));
  private Stage owner;

  @Start
  void start(Stage stage) {
    owner = stage;
    stage.setScene(new Scene(new Label("owner"), 300, 200));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  /** Chains.CLOCK, telling on which threads "now" was read (for the days left). */
  private static final class RecordingClock extends Clock {
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public Instant instant() {
      threads.add(Thread.currentThread().getName());
      return Chains.CLOCK.instant();
    }

    @Override
    public ZoneId getZone() {
      return Chains.CLOCK.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void theDetailsAreComputedOnTheBackgroundThreadAndShownTheSame(FxRobot robot) throws Exception {
    RecordingClock clock = new RecordingClock();
    var verdict = new Chains().valid();
    robot.interact(() -> CertificateWindow.show(owner, "Certificate", verdict, clock, background));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Window[] window = new Window[1];
    while (window[0] == null && System.nanoTime() < deadline) {
      robot.interact(
          () ->
              window[0] =
                  Window.getWindows().stream()
                      .filter(w -> w != owner && w.isShowing())
                      .findFirst()
                      .orElse(null));
      Thread.sleep(20);
    }
    assertThat(window[0]).as("the window opened").isNotNull();

    assertThat(clock.threads).isNotEmpty().allMatch("test-background"::equals);

    // and it shows what the viewer computing it itself shows
    CertificateViewer shown = (CertificateViewer) window[0].getScene().getRoot();
    String[] texts = new String[2];
    robot.interact(
        () -> {
          texts[0] = ((TextArea) shown.lookup("#certificate-sha1")).getText();
          texts[1] = ((Label) shown.lookup("#certificate-days-left")).getText();
          ((Stage) window[0]).close();
        });
    PreparedChain.Entry direct =
        PreparedChain.of(verdict, Chains.CLOCK).entries().values().stream()
            .filter(e -> e.sha1().equals(texts[0]))
            .findFirst()
            .orElseThrow();
    assertThat(texts[0]).isNotEmpty();
    assertThat(texts[1]).isEqualTo(direct.validity().text());
  }
}
