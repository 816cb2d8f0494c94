package org.stslens.engine.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises an unknown policy key that was probably meant to be a defined one: equal ignoring case
 * and {@code -}/{@code _}, or within Damerau–Levenshtein distance 2 ({@code nmx}, {@code max-age},
 * {@code Mode}). For the two-letter {@code mx} only distance 1 counts, or nearly every short key
 * would look like it.
 */
public final class KeyTypos {

  private static final List<String> KNOWN = List.of("version", "mode", "max_age", "mx");
  private static final int MAX_DISTANCE = 2;
  private static final int LONGEST_CANDIDATE = "max_age".length() + MAX_DISTANCE;

  private KeyTypos() {}

  /** The defined key {@code key} was most likely meant to be, if any. */
  public static Optional<String> intendedKey(String key) {
    if (key.length() > LONGEST_CANDIDATE) {
      return Optional.empty();
    }
    String folded = key.toLowerCase(Locale.ROOT).replace('-', '_');
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : KNOWN) {
      if (Math.abs(folded.length() - known.length()) > MAX_DISTANCE) {
        continue; // also keeps the distance computation small for hostile keys
      }
      int distance = distance(folded, known);
      int allowed = Math.min(MAX_DISTANCE, known.length() - 1);
      if (distance <= allowed && distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * How {@code key} differs from the defined key {@code intended}, in words: the case, a dash for
   * the underscore, or a misspelling. Said exactly, because "keys are case-sensitive" teaches the
   * wrong lesson for {@code max-age}.
   */
  public static String difference(String key, String intended) {
    String lower = key.toLowerCase(Locale.ROOT);
    boolean dash = key.indexOf('-') >= 0 && intended.indexOf('_') >= 0;
    boolean caseOnly = lower.replace('-', '_').equals(intended) && !lower.equals(key);
    if (dash && caseOnly) {
      return "keys are written in lower case, with an underscore: `" + intended + "`";
    }
    if (dash && lower.replace('-', '_').equals(intended)) {
      return "a dash where the key has an underscore: `" + intended + "`";
    }
    if (caseOnly) {
      return "keys are case-sensitive: `" + intended + "` is written in lower case";
    }
    return "it looks like a misspelling of `" + intended + "`";
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
      }
    }
    return d[a.length()][b.length()];
  }
}
