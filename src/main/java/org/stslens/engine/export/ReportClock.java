package org.stslens.engine.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as a customer reads them: "4 December 2026, 23:41:07 UTC", never an instant. */
final class ReportClock {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ReportClock() {}

  /** The instant in UTC to the second: a report read elsewhere names the same moment. */
  static String format(Instant at) {
    return FORMAT.format(at);
  }

  /** A duration for people: "850 ms", "3.2 s", "1 min 5 s". */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
  }
}
