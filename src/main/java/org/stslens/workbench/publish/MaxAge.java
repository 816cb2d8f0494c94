package org.stslens.workbench.publish;

/** {@code max_age} in words for the checklist: {@code 604800 seconds (7 days)}. */
final class MaxAge {

  private MaxAge() {}

  static String describe(long seconds) {
    long days = seconds / 86_400;
    long hours = seconds / 3_600;
    String unit =
        days >= 1
            ? plural(days, "day") + (seconds % 86_400 == 0 ? "" : " and more")
            : hours >= 1 ? plural(hours, "hour") : plural(seconds / 60, "minute");
    return plural(seconds, "second") + " (" + unit + ")";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
