package org.stslens.workbench.edit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an admin meant by a max_age written with units or decoration ({@code 7d}, {@code 1w},
 * {@code 604800s}, {@code 604,800}, {@code +86400}), so a quick fix can offer the plain seconds.
 */
final class MaxAgeValues {

  private static final Pattern WITH_UNIT =
      Pattern.compile(
          "^\\+?([0-9][0-9,_' ]*?)\\s*(s|sec|secs|seconds?|m|mins?|minutes?|h|hours?|d|days?|w|weeks?)?$");

  private MaxAgeValues() {}

  static Optional<Long> seconds(String written) {
    Matcher m = WITH_UNIT.matcher(written.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String digits = m.group(1).replaceAll("[,_' ]", "");
    if (digits.isEmpty() || digits.length() > 12) {
      return Optional.empty();
    }
    long n = Long.parseLong(digits);
    String unit = m.group(2) == null ? "s" : m.group(2);
    long factor =
        switch (unit.charAt(0)) {
          case 'm' -> 60;
          case 'h' -> 3_600;
          case 'd' -> 86_400;
          case 'w' -> 604_800;
          default -> 1;
        };
    return Optional.of(n * factor);
  }
}
