package org.stslens.app;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.stslens.engine.io.BoundedFile;
import org.stslens.ui.settings.Settings;

/**
 * Keeps the settings in a properties file in the operating system's usual place: {@code
 * %APPDATA%\STS Lens} on Windows, {@code ~/Library/Application Support/STS Lens} on macOS, {@code
 * $XDG_CONFIG_HOME/stslens} (or {@code ~/.config/stslens}) elsewhere. Written atomically, so a
 * crash never leaves half a file. Called off the FX thread. Also knows where drafts live.
 */
public final class SettingsStore {

  private static final String FILE = "settings.properties";
  private static final int MAX_FILE_BYTES = 1 << 20;
  private static final DateTimeFormatter DAMAGED_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private final Path file;
  private final Path drafts;
  private volatile String loadProblem;
  private volatile boolean keepUnwritten;

  /** Settings in {@code folder}, drafts in its {@code drafts} sub-folder (tests, portable use). */
  public SettingsStore(Path folder) {
    this(folder, folder.resolve("drafts"));
  }

  private SettingsStore(Path folder, Path drafts) {
    this.file = folder.resolve(FILE);
    this.drafts = drafts;
  }

  /** The store in the user's configuration folder, drafts in the user's data folder. */
  public static SettingsStore forUser() {
    return new SettingsStore(userFolder(), userDataFolder().resolve("drafts"));
  }

  public Path file() {
    return file;
  }

  /** Where policy drafts are autosaved. */
  public Path draftsFolder() {
    return drafts;
  }

  /** The history of checks, beside the drafts (the CLI finds the same file: DataFolder). */
  public Path historyFile() {
    return drafts.resolveSibling(org.stslens.engine.history.HistoryStore.FILE_NAME);
  }

  /**
   * Data (drafts) beside the settings on Windows and macOS; {@code $XDG_DATA_HOME/stslens} (or
   * {@code ~/.local/share/stslens}) elsewhere.
   */
  static Path userDataFolder() {
    // one rule for the data folder: the CLI's history file is found by the same one
    return org.stslens.engine.history.DataFolder.forUser();
  }

  static Path userFolder() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String home = System.getProperty("user.home");
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return Path.of(appData != null ? appData : home, "STS Lens");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "STS Lens");
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.config", "stslens");
  }

  /**
   * The saved settings, or the defaults when there are none or the file is unreadable. A file that
   * exists but cannot be read (not UTF-8, a bad {@code \\u} escape, not a regular file, too large)
   * is moved aside to {@code settings.properties.damaged-<time>} so that the next save cannot
   * overwrite it, and {@link #loadProblem()} says so. If it cannot be moved, saving is refused.
   */
  public Settings load() {
    loadProblem = null;
    keepUnwritten = false;
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Settings.defaults();
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(BoundedFile.readUtf8(file, MAX_FILE_BYTES)));
    } catch (IOException | IllegalArgumentException e) {
      keepAside(e instanceof BoundedFile.RefusedException ? e.getMessage() : file + ": " + e);
      return Settings.defaults();
    }
    Settings d = Settings.defaults();
    return new Settings(
        p.getProperty("dns.server", d.dnsServer()),
        list(p.getProperty("trust.files", "")),
        integer(p, "dns.timeout", d.dnsTimeoutSeconds()),
        integer(p, "fetch.timeout", d.fetchTimeoutSeconds()),
        integer(p, "smtp.timeout", d.smtpTimeoutSeconds()),
        Boolean.parseBoolean(p.getProperty("theme.dark", "false")),
        Boolean.parseBoolean(p.getProperty("step.by.step", "false")),
        list(p.getProperty("history", "")),
        integer(p, "check.timeout", d.checkTimeoutSeconds()),
        p.getProperty("dnssec.trust.anchor", d.trustAnchorFile()),
        Boolean.parseBoolean(p.getProperty("domains.autocheck", "false")),
        integer(p, "domains.autocheck.hours", d.autoCheckHours()));
  }

  /** What went wrong when the settings were last loaded (the defaults are in use), for the user. */
  public Optional<String> loadProblem() {
    return Optional.ofNullable(loadProblem);
  }

  private void keepAside(String why) {
    String stamp = DAMAGED_STAMP.format(Instant.now());
    Path aside = file.resolveSibling(FILE + ".damaged-" + stamp);
    try {
      Files.move(file, aside, LinkOption.NOFOLLOW_LINKS);
      loadProblem =
          "The settings could not be read ("
              + why
              + "). The file was kept as "
              + aside
              + " and the default settings are used.";
    } catch (IOException e) {
      keepUnwritten = true;
      loadProblem =
          "The settings could not be read ("
              + why
              + ") nor moved aside ("
              + e.getMessage()
              + "). The default settings are used and changes are not saved, so "
              + file
              + " stays as it is.";
    }
  }

  /**
   * Saves atomically (write a temporary file, then move it over the old one).
   *
   * @throws IOException also when the file on disk could not be read and was not moved aside
   */
  public void save(Settings s) throws IOException {
    if (keepUnwritten) {
      throw new IOException(file + " could not be read and is kept as it is");
    }
    Properties p = new Properties();
    p.setProperty("dns.server", s.dnsServer());
    p.setProperty("trust.files", String.join("\n", s.trustFiles()));
    p.setProperty("dns.timeout", Integer.toString(s.dnsTimeoutSeconds()));
    p.setProperty("fetch.timeout", Integer.toString(s.fetchTimeoutSeconds()));
    p.setProperty("smtp.timeout", Integer.toString(s.smtpTimeoutSeconds()));
    p.setProperty("check.timeout", Integer.toString(s.checkTimeoutSeconds()));
    p.setProperty("theme.dark", Boolean.toString(s.darkTheme()));
    p.setProperty("step.by.step", Boolean.toString(s.stepByStep()));
    p.setProperty("history", String.join("\n", s.history()));
    p.setProperty("dnssec.trust.anchor", s.trustAnchorFile());
    p.setProperty("domains.autocheck", Boolean.toString(s.autoCheck()));
    p.setProperty("domains.autocheck.hours", Integer.toString(s.autoCheckHours()));
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      p.store(out, "STS Lens settings");
    }
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split("\n")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static int integer(Properties p, String key, int fallback) {
    try {
      return Integer.parseInt(p.getProperty(key, "").strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
