package org.stslens.engine.tlsrpt.reports;

import java.util.Locale;

/**
 * What the conventional report file name says (RFC 8460 §5.3): {@code
 * sender!policy-domain!begin-timestamp!end-timestamp[!unique-id].json[.gz]}.
 */
final class FileNames {

  private FileNames() {}

  /** The policy domain the name carries, or empty when it does not follow the convention. */
  static String domain(String name) {
    String[] parts = last(name).split("!", -1);
    if (parts.length < 4 || parts[1].isBlank() || !parts[1].contains(".")) {
      return "";
    }
    return ReportParser.normalDomain(parts[1]);
  }

  /** The name without a final {@code .gz} or {@code .gzip}. */
  static String withoutGzip(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      return name.substring(0, name.length() - 3);
    }
    if (lower.endsWith(".gzip")) {
      return name.substring(0, name.length() - 5);
    }
    return name;
  }

  /** The last element of a path inside an archive or attachment name. */
  static String last(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
