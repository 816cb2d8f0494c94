package org.stslens.ui.settings;

import java.util.List;

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
    int checkTimeoutSeconds) {

  /** The default of the whole-check limit, as the engine's. */
  public static final int DEFAULT_CHECK_TIMEOUT_SECONDS = 180;

  public Settings {
    dnsServer = dnsServer == null ? "" : dnsServer.strip();
    trustFiles = List.copyOf(trustFiles);
    history = List.copyOf(history);
    dnsTimeoutSeconds = clamp(dnsTimeoutSeconds, 1, 60);
    fetchTimeoutSeconds = clamp(fetchTimeoutSeconds, 1, 300);
    smtpTimeoutSeconds = clamp(smtpTimeoutSeconds, 1, 300);
    checkTimeoutSeconds = clamp(checkTimeoutSeconds, 1, 3600);
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

  /** The defaults of product.md: DNS 5 s, policy fetch 60 s, SMTP steps 30 s, check 180 s. */
  public static Settings defaults() {
    return new Settings("", List.of(), 5, 60, 30, false, false, List.of());
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
        checkTimeoutSeconds);
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
