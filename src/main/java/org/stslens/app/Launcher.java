package org.stslens.app;

import javafx.application.Application;
import org.stslens.cli.StsLensCommand;

/**
 * The one entry point of the jar and of the installers: no arguments (or {@code gui DOMAIN}) opens
 * the desktop application, a subcommand runs the command line. {@code gui --lab SCENARIO} opens the
 * app and runs a built-in lab scenario at once (used to verify an installation and measure memory).
 * A plain class, not the {@link Application} subclass, so that JavaFX starts from the class path.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      if (noDisplay()) {
        System.exit(StsLensCommand.runWithoutDisplay());
      }
      Application.launch(StsLensApp.class);
      return;
    }
    if (args[0].equals("gui")) {
      if (noDisplay()) {
        System.exit(StsLensCommand.runWithoutDisplay());
      }
      Application.launch(StsLensApp.class, java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.exit(StsLensCommand.run(args));
  }

  /** On Linux and BSD a GUI needs an X11 or Wayland display; Windows and macOS always have one. */
  private static boolean noDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return false;
    }
    return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
