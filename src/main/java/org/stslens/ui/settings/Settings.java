package org.stslens.ui.settings;

import java.time.Duration;
import java.util.List;
import org.stslens.engine.check.CheckOptions;

/**
 * What the user sets once and keeps: persisted by the app between runs.
 *
 * @param dnsServer {@code IP[:PORT]}, or empty for the system's resolvers
 * @param trustFiles extra trusted CA certificates (PEM files)
 * @param dnsTimeoutSeconds per DNS query
 * @param fetchTimeoutSeconds the whole policy fetch
 * @param smtpTimeoutSeconds each SMTP step
 * @param darkTheme dark instead of light
 * @param stepByStep the default of the Step-by-step switch
 * @param history the domains checked, most recent first
 * @param checkTimeoutSeconds the whole check of one domain (not when stepping through)
 * @param trustAnchorFile the DNSSEC trust-anchor file TLSA answers are validated from, or empty for
 *     the built-in IANA root anchors
 * @param autoCheck the Domains screen runs Check all on a timer while the app is open
 * @param autoCheckHours its period, {@link #MIN_AUTO_CHECK_HOURS} to {@link #MAX_AUTO_CHECK_HOURS}
 */
public record Settings(
    String dnsServer,
    List<String> trustFiles,
    int dnsTimeoutSeconds,
    int fetchTimeoutSeconds,
    int smtpTimeoutSeconds,
    boolean darkTheme,
    boolean stepByStep,
    List<String> history,
    int checkTimeoutSeconds,
    String trustAnchorFile,
    boolean autoCheck,
    int autoCheckHours) {

  // The defaults are the engine's (CheckOptions), so the app, its dialog and the CLI agree.
  public static final int DEFAULT_DNS_TIMEOUT_SECONDS = seconds(CheckOptions.DEFAULT_DNS_TIMEOUT);
  public static final int DEFAULT_FETCH_TIMEOUT_SECONDS =
      seconds(CheckOptions.DEFAULT_FETCH_TIMEOUT);
  public static final int DEFAULT_SMTP_TIMEOUT_SECONDS =
      seconds(CheckOptions.DEFAULT_SMTP_STEP_TIMEOUT);
  public static final int DEFAULT_CHECK_TIMEOUT_SECONDS =
      seconds(CheckOptions.DEFAULT_CHECK_TIMEOUT);

  /** The ranges the settings accept (and the dialog's spinners offer), from 1 s. */
  public static final int MIN_TIMEOUT_SECONDS = 1;

  public static final int MAX_DNS_TIMEOUT_SECONDS = 60;
  public static final int MAX_STEP_TIMEOUT_SECONDS = 300;
  public static final int MAX_CHECK_TIMEOUT_SECONDS = 3600;

  /** "Check all every N hours": one hour to one week, a day by default. */
  public static final int MIN_AUTO_CHECK_HOURS = 1;

  public static final int MAX_AUTO_CHECK_HOURS = 168;
  public static final int DEFAULT_AUTO_CHECK_HOURS = 24;

  public Settings {
    dnsServer = dnsServer == null ? "" : dnsServer.strip();
    trustFiles = List.copyOf(trustFiles);
    history = List.copyOf(history);
    dnsTimeoutSeconds = clamp(dnsTimeoutSeconds, MAX_DNS_TIMEOUT_SECONDS);
    fetchTimeoutSeconds = clamp(fetchTimeoutSeconds, MAX_STEP_TIMEOUT_SECONDS);
    smtpTimeoutSeconds = clamp(smtpTimeoutSeconds, MAX_STEP_TIMEOUT_SECONDS);
    checkTimeoutSeconds = clamp(checkTimeoutSeconds, MAX_CHECK_TIMEOUT_SECONDS);
    trustAnchorFile = trustAnchorFile == null ? "" : trustAnchorFile.strip();
    autoCheckHours = Math.max(MIN_AUTO_CHECK_HOURS, Math.min(MAX_AUTO_CHECK_HOURS, autoCheckHours));
  }

  /** Settings with the built-in DNSSEC root anchors and without the timer. */
  public Settings(
      String dnsServer,
      List<String> trustFiles,
      int dnsTimeoutSeconds,
      int fetchTimeoutSeconds,
      int smtpTimeoutSeconds,
      boolean darkTheme,
      boolean stepByStep,
      List<String> history,
      int checkTimeoutSeconds) {
    this(
        dnsServer,
        trustFiles,
        dnsTimeoutSeconds,
        fetchTimeoutSeconds,
        smtpTimeoutSeconds,
        darkTheme,
        stepByStep,
        history,
        checkTimeoutSeconds,
        "",
        false,
        DEFAULT_AUTO_CHECK_HOURS);
  }

  /** Settings with the default whole-check limit. */
  public Settings(
      String dnsServer,
      List<String> trustFiles,
      int dnsTimeoutSeconds,
      int fetchTimeoutSeconds,
      int smtpTimeoutSeconds,
      boolean darkTheme,
      boolean stepByStep,
      List<String> history) {
    this(
        dnsServer,
        trustFiles,
        dnsTimeoutSeconds,
        fetchTimeoutSeconds,
        smtpTimeoutSeconds,
        darkTheme,
        stepByStep,
        history,
        DEFAULT_CHECK_TIMEOUT_SECONDS);
  }

  /** The engine's defaults (product.md: DNS 5 s, policy fetch 60 s, SMTP steps 30 s, 180 s). */
  public static Settings defaults() {
    return new Settings(
        "",
        List.of(),
        DEFAULT_DNS_TIMEOUT_SECONDS,
        DEFAULT_FETCH_TIMEOUT_SECONDS,
        DEFAULT_SMTP_TIMEOUT_SECONDS,
        false,
        false,
        List.of());
  }

  public Settings withHistory(List<String> newHistory) {
    return new Settings(
        dnsServer,
        trustFiles,
        dnsTimeoutSeconds,
        fetchTimeoutSeconds,
        smtpTimeoutSeconds,
        darkTheme,
        stepByStep,
        newHistory,
        checkTimeoutSeconds,
        trustAnchorFile,
        autoCheck,
        autoCheckHours);
  }

  /** True when TLSA answers are validated from the built-in IANA root anchors. */
  public boolean builtInTrustAnchor() {
    return trustAnchorFile.isEmpty();
  }

  /** The same settings with TLSA answers validated from {@code file} (empty: the built-in root). */
  public Settings withTrustAnchor(String file) {
    return new Settings(
        dnsServer,
        trustFiles,
        dnsTimeoutSeconds,
        fetchTimeoutSeconds,
        smtpTimeoutSeconds,
        darkTheme,
        stepByStep,
        history,
        checkTimeoutSeconds,
        file,
        autoCheck,
        autoCheckHours);
  }

  /** The same settings with the Domains screen's timer as given. */
  public Settings withAutoCheck(boolean on, int hours) {
    return new Settings(
        dnsServer,
        trustFiles,
        dnsTimeoutSeconds,
        fetchTimeoutSeconds,
        smtpTimeoutSeconds,
        darkTheme,
        stepByStep,
        history,
        checkTimeoutSeconds,
        trustAnchorFile,
        on,
        hours);
  }

  private static int clamp(int value, int max) {
    return Math.max(MIN_TIMEOUT_SECONDS, Math.min(max, value));
  }

  /** Whole seconds, at least one: the settings count in seconds. */
  private static int seconds(Duration d) {
    return (int) Math.max(1, d.toSeconds());
  }
}
