package org.stslens.engine.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments in the findings' words: "4 December 2026, 23:41 UTC", the same for every reader. */
final class HistoryClock {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private HistoryClock() {}

  static String format(Instant at) {
    return FORMAT.format(at);
  }
}
