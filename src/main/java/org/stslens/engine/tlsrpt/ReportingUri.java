package org.stslens.engine.tlsrpt;

import java.util.Locale;

/**
 * Judges one entry of a TLSRPT {@code rua=} list (RFC 8460 §3): it must be an RFC 3986 URI in ASCII
 * with {@code ,} and {@code !} percent-encoded (the list separator and a reserved mark); {@code
 * mailto:} needs an addr-spec (RFC 6068) and {@code https:} a host. Other schemes are well-formed
 * but unusable, and senders skip them.
 */
final class ReportingUri {

  enum Kind {
    USABLE,
    OTHER_SCHEME,
    MALFORMED
  }

  /** The verdict, with a plain-language reason when the entry is not usable. */
  record Verdict(Kind kind, String problem) {}

  private static final String GEN_AND_SUB_DELIMS = ":/?#[]@!$&'()*+,;=";
  private static final String UNRESERVED_MARKS = "-._~";

  private ReportingUri() {}

  static Verdict judge(String uri) {
    if (uri.isEmpty()) {
      return malformed("the entry is empty");
    }
    int colon = uri.indexOf(':');
    if (colon <= 0 || !isScheme(uri.substring(0, colon))) {
      return malformed("it is not a URI (it needs a scheme such as `mailto:` or `https:`)");
    }
    for (int i = colon + 1; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '!') {
        // RFC 8460 §3: "commas (ASCII 0x2C) and exclamation points (ASCII 0x21) MUST be encoded"
        return malformed(
            "`!` must be written `%21` inside a TLS-RPT URI (RFC 8460 §3); a `!10m` size limit is"
                + " DMARC syntax, which TLS-RPT does not have");
      }
      if (c == '%') {
        if (i + 2 >= uri.length() || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2))) {
          return malformed("`%` must be followed by two hexadecimal digits");
        }
      } else if (!isUriChar(c)) {
        return malformed(
            c > 0x7e
                ? "it contains the non-ASCII character "
                    + String.format("U+%04X", uri.codePointAt(i))
                    + " (URIs must be ASCII, percent-encoded)"
                : "it contains a character that URIs do not allow: `" + c + "`");
      }
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = uri.substring(colon + 1);
    return switch (scheme) {
      case "mailto" -> judgeMailto(rest);
      case "https" -> judgeHttps(rest);
      default ->
          new Verdict(
              Kind.OTHER_SCHEME,
              "senders only send reports to `mailto:` and `https:` URIs, so `"
                  + scheme
                  + ":` is ignored");
    };
  }

  private static Verdict judgeMailto(String rest) {
    int query = rest.indexOf('?');
    String address = query < 0 ? rest : rest.substring(0, query);
    int at = address.indexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.indexOf('@', at + 1) >= 0) {
      return malformed("a `mailto:` URI needs one e-mail address of the form local@domain");
    }
    return new Verdict(Kind.USABLE, "");
  }

  private static Verdict judgeHttps(String rest) {
    if (!rest.startsWith("//")) {
      return malformed("an `https:` URI must be of the form https://host/path");
    }
    int end = 2;
    while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    String authority = rest.substring(2, end);
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (!host.startsWith("[")) {
      int port = host.lastIndexOf(':');
      if (port >= 0) {
        String digits = host.substring(port + 1);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return malformed("the port of the `https:` URI is not a number");
        }
        host = host.substring(0, port);
      }
    }
    if (host.isEmpty()) {
      return malformed("the `https:` URI has no host name");
    }
    return new Verdict(Kind.USABLE, "");
  }

  /** True when the entry starts with {@code scheme:}. */
  static boolean hasScheme(String uri) {
    int colon = uri.indexOf(':');
    return colon > 0 && isScheme(uri.substring(0, colon));
  }

  private static boolean isScheme(String s) {
    if (!isAlpha(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isUriChar(char c) {
    return isAlpha(c)
        || isDigit(c)
        || UNRESERVED_MARKS.indexOf(c) >= 0
        || GEN_AND_SUB_DELIMS.indexOf(c) >= 0;
  }

  private static boolean isAlpha(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static Verdict malformed(String problem) {
    return new Verdict(Kind.MALFORMED, problem);
  }
}
