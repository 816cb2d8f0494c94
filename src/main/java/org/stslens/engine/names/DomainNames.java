package org.stslens.engine.names;

import java.util.Locale;
import java.util.Optional;

/**
 * Host-name rules shared by mx patterns (RFC 8461 §3.2, §4.1) and certificate names (§3.3, §4.2):
 * LDH labels of 1–63 characters, not starting or ending with a hyphen, at most 253 characters,
 * compared case-insensitively with one trailing dot ignored. Pure functions, no state.
 */
public final class DomainNames {

  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  private DomainNames() {}

  /**
   * Lower-cases the name and removes one trailing dot; empty when the result is not a valid LDH
   * host name (so {@code "a..b"}, {@code ""}, {@code "x.."} and U-labels are rejected).
   */
  public static Optional<String> normalize(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    n = n.toLowerCase(Locale.ROOT);
    return isLdhName(n) ? Optional.of(n) : Optional.empty();
  }

  /** True for a name of LDH labels without trailing dot (already lower-cased or not). */
  public static boolean isLdhName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == '.') {
        if (!isLdhLabel(name, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  private static boolean isLdhLabel(String s, int from, int to) {
    int length = to - from;
    if (length < 1 || length > MAX_LABEL) {
      return false;
    }
    if (s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code wildcardOrName} (already validated: either a name or {@code *.} + name) covers
   * {@code host}: a literal must be identical, {@code *.rest} covers exactly one non-empty label in
   * front of {@code rest}. Both arguments normalised (lower case, no trailing dot).
   */
  public static boolean covers(String wildcardOrName, String host) {
    if (wildcardOrName.startsWith("*.")) {
      String rest = wildcardOrName.substring(2);
      int dot = host.indexOf('.');
      return dot > 0 && host.substring(dot + 1).equals(rest);
    }
    return wildcardOrName.equals(host);
  }

  /**
   * Validates and normalises a name that may start with the wildcard label {@code *.}: the rest
   * must be a valid LDH name. Empty for partial wildcards, inner wildcards, a bare {@code *}.
   */
  public static Optional<String> normalizeWildcardable(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (name.startsWith("*.")) {
      return normalize(name.substring(2)).map(rest -> "*." + rest);
    }
    return normalize(name);
  }
}
