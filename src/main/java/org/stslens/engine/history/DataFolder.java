package org.stslens.engine.history;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the history file lives by default: the user's data folder, the one the desktop app keeps
 * its drafts in ({@code app.SettingsStore}; a test checks that they agree), so that the CLI and the
 * app share one history.
 */
public final class DataFolder {

  private DataFolder() {}

  /**
   * {@code $XDG_DATA_HOME/stslens} (or {@code ~/.local/share/stslens}) on Linux and other Unix;
   * {@code %APPDATA%\STS Lens} on Windows; {@code ~/Library/Application Support/STS Lens} on macOS.
   */
  public static Path forUser() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String home = System.getProperty("user.home");
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return Path.of(appData != null ? appData : home, "STS Lens");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "STS Lens");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "stslens");
  }

  /** The default history file. */
  public static Path historyFile() {
    return forUser().resolve(HistoryStore.FILE_NAME);
  }
}
