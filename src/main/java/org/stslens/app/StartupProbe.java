package org.stslens.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * A measuring aid for {@code scripts/bench-startup.sh} and for recording the AppCDS class list, not
 * a feature: with {@code -Dstslens.startupProbe=FILE} the app writes the wall-clock time (epoch
 * milliseconds) at which its first window was rendered and interactive into FILE, then exits. The
 * caller subtracts the time at which it started the process, so a native launcher's own time counts
 * too ({@code ProcessHandle}'s start instant is only accurate to about a second on Linux). The
 * window counts as shown when the second pulse begins: the first pulse has laid out and rendered
 * the scene by then.
 */
final class StartupProbe {

  static final String PROPERTY = "stslens.startupProbe";

  private StartupProbe() {}

  /** Arms the probe if the property is set; call right after the first stage is shown. */
  static void armIfRequested() {
    String target = System.getProperty(PROPERTY);
    if (target == null || target.isBlank()) {
      return;
    }
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses < 2) {
          return;
        }
        stop();
        long millis = System.currentTimeMillis();
        try {
          Files.writeString(Path.of(target), millis + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
          // a measuring aid: nothing to report to the user
        }
        Platform.exit();
      }
    }.start();
  }
}
