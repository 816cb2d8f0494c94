package org.stslens.workbench.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and spans in the kit's words, the same for every reader: "12 December 2026, 04:00 UTC" (as
 * the history's findings write them) and "7 days", "1 day and 1 hour", "23 hours".
 */
final class Moments {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Moments() {}

  /** The day in UTC: "5 December 2026". */
  static String day(Instant at) {
    return DAY.format(at);
  }

  static String date(Instant at) {
    return FORMAT.format(at);
  }

  /** A span of {@code seconds} in days and hours, or minutes and seconds when it is shorter. */
  static String span(long seconds) {
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    if (days > 0) {
      return plural(days, "day") + (hours > 0 ? " and " + plural(hours, "hour") : "");
    }
    if (hours > 0) {
      return plural(hours, "hour");
    }
    long minutes = seconds / 60;
    return minutes > 0 ? plural(minutes, "minute") : plural(seconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
