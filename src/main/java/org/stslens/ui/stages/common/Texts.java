package org.stslens.ui.stages.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small factories and formats shared by the stage views. */
public final class Texts {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Texts() {}

  /** A label that wraps and never cuts its text off with an ellipsis. */
  public static Label wrapping(String text, String... styleClasses) {
    // Labels show server text (findings, facts, certificate names): no control acts on the screen.
    Label label = new Label(VisibleText.lines(text));
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.setMaxWidth(Double.MAX_VALUE);
    label.getStyleClass().addAll(styleClasses);
    return label;
  }

  /**
   * An engine text (a finding's message or fix, a reason) that wraps, with its {@code `code`} spans
   * shown as code instead of backticks.
   */
  public static javafx.scene.text.TextFlow code(String text, String... styleClasses) {
    javafx.scene.text.TextFlow flow =
        org.stslens.ui.common.CodeSpans.flow(VisibleText.lines(text), styleClasses);
    flow.setMaxWidth(Double.MAX_VALUE);
    return flow;
  }

  /** A bold section heading. */
  public static Label sectionTitle(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("section-title");
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }

  /** {@code 12 ms}, or an en dash for a phase that never ran (negative). */
  public static String millis(long value) {
    return value < 0 ? "–" : value + " ms";
  }

  /** {@code 604800 s (7 days)}. */
  public static String seconds(long value) {
    long days = value / 86_400;
    if (days >= 1) {
      return value + " s (" + days + (days == 1 ? " day" : " days") + ")";
    }
    long hours = value / 3_600;
    return value + " s" + (hours >= 1 ? " (" + hours + (hours == 1 ? " hour)" : " hours)") : "");
  }

  /** {@code 1 234 bytes}. */
  public static String bytes(long value) {
    return value == 1 ? "1 byte" : value + " bytes";
  }

  public static String date(Instant instant) {
    return DATE.format(instant);
  }

  /** Whole days from {@code now} to {@code end}; negative when past. */
  public static long daysLeft(Instant end, Instant now) {
    return Duration.between(now, end).toDays();
  }

  /** {@code 1 error, 2 warnings}. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
