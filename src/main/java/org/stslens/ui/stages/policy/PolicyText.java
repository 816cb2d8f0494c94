package org.stslens.ui.stages.policy;

import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.ui.stages.common.VisibleText;

/**
 * The policy body split into numbered lines the way the parser splits it (RFC 8461 §3.2: a line
 * ends at LF or CRLF; a bare CR stays in the line), each with the findings that point at it.
 */
final class PolicyText {

  /** One numbered line: visible content, its terminator, and its findings. */
  record Line(int number, String content, String terminator, List<Finding> findings) {

    /** The worst severity of the line's findings, if any. */
    Severity worst() {
      return findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
    }
  }

  private PolicyText() {}

  static List<Line> lines(String body, List<Finding> findings) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    while (start < body.length()) {
      int lf = body.indexOf('\n', start);
      String content;
      String terminator;
      if (lf < 0) {
        content = body.substring(start);
        terminator = "";
        start = body.length();
      } else {
        boolean crlf = lf > start && body.charAt(lf - 1) == '\r';
        content = body.substring(start, crlf ? lf - 1 : lf);
        terminator = crlf ? "<CR><LF>" : "<LF>";
        start = lf + 1;
      }
      int n = number++;
      lines.add(
          new Line(
              n,
              VisibleText.of(content, 500),
              terminator,
              findings.stream().filter(f -> f.line() == n).toList()));
    }
    return lines;
  }
}
