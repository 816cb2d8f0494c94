package org.stslens.engine.names;

import java.util.Locale;
import java.util.Optional;

/**
 * Host-name rules shared by mx patterns (RFC 8461 §3.2, §4.1) and certificate names (§3.3, §4.2):
 * LDH labels of 1–63 characters, not starting or ending with a hyphen, at most 253 characters,
 * compared case-insensitively with one trailing dot ignored; the last label is not all-numeric (so
 * IPv4 addresses are not names). Pure functions, no state.
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
    // Validate before lower-casing: Locale.ROOT maps some non-ASCII letters (KELVIN SIGN U+212A)
    // to ASCII, which would smuggle a U-label in as a valid LDH name.
    return isLdhName(n) ? Optional.of(n.toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** True for a name of LDH labels without trailing dot (already lower-cased or not). */
  public static boolean isLdhName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        if (!isLdhLabel(name, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      }
    }
    // RFC 3696 §2: a top-level label is never all-numeric, so 192.0.2.1 is an address, not a name.
    return isLdhLabel(name, labelStart, name.length())
        && !isAllDigits(name, labelStart, name.length());
  }

  private static boolean isAllDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
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
