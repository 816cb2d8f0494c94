package org.stslens.engine.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a policy body into lines as RFC 8461 §3.2 defines them: a line ends at LF or CRLF; a bare
 * CR is not a line end and stays in the content. A final terminator is optional and does not start
 * another line. Linear in the body length.
 */
final class BodyLines {

  /** One physical line: its content without terminator, and the terminator. */
  record RawLine(int number, String content, String terminator) {}

  private BodyLines() {}

  static List<RawLine> split(String body) {
    List<RawLine> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    while (start < body.length()) {
      int lf = body.indexOf('\n', start);
      if (lf < 0) {
        lines.add(new RawLine(number, body.substring(start), ""));
        break;
      }
      boolean crlf = lf > start && body.charAt(lf - 1) == '\r';
      int end = crlf ? lf - 1 : lf;
      lines.add(new RawLine(number++, body.substring(start, end), crlf ? "\r\n" : "\n"));
      start = lf + 1;
    }
    return lines;
  }
}
