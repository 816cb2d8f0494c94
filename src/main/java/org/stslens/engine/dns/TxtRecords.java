package org.stslens.engine.dns;

import java.util.List;

/**
 * How RFC 8461 §3.1 and RFC 8460 §3 pick records out of a TXT RRset: the character-strings of a
 * record are joined without spaces, and only a record that begins exactly (case-sensitively) with
 * the version tag, followed by {@code ;}, SP, HTAB or the end, is a candidate.
 */
public final class TxtRecords {

  private TxtRecords() {}

  /** The record's character-strings joined as the RFCs require: without adding anything. */
  public static String join(List<String> characterStrings) {
    StringBuilder joined = new StringBuilder();
    for (String part : characterStrings) {
      if (part != null) {
        joined.append(part);
      }
    }
    return joined.toString();
  }

  /** All records of the RRset, joined, in the order given. */
  public static List<String> joinAll(List<List<String>> rrset) {
    return rrset.stream().map(r -> r == null ? "" : join(r)).toList();
  }

  /** True when {@code record} begins with exactly {@code version} (e.g. {@code v=STSv1}). */
  public static boolean isCandidate(String record, String version) {
    if (!record.startsWith(version)) {
      return false;
    }
    if (record.length() == version.length()) {
      return true;
    }
    char next = record.charAt(version.length());
    return next == ';' || TxtFieldList.isWsp(next);
  }
}
