package org.stslens.engine.dns;

import java.util.Locale;

/** Comparison of DNS names in presentation form, as DNS compares them (ASCII case-insensitive). */
final class DnsNames {

  private DnsNames() {}

  /** True when both are the same name, with or without the trailing dot, in any ASCII case. */
  static boolean same(String a, String b) {
    return absolute(a).equals(absolute(b));
  }

  /** True when {@code name} is below {@code ancestor} and not the same name. */
  static boolean isStrictlyBelow(String name, String ancestor) {
    String n = absolute(name);
    String parent = absolute(ancestor);
    return !n.equals(parent) && (parent.equals(".") || n.endsWith("." + parent));
  }

  private static String absolute(String name) {
    // dnsjava escapes anything outside printable ASCII as \\DDD, so ROOT lower-casing is ASCII-only
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }
}
