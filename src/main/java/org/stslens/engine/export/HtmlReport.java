package org.stslens.engine.export;

import java.util.List;
import java.util.Map;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;

/** The walkthrough as one self-contained HTML page; every server-supplied string is escaped. */
public final class HtmlReport {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
          + "color:#1d2330}pre{background:#f4f5f7;padding:.6rem;overflow-x:auto}"
          + "table{border-collapse:collapse}td{padding:.15rem .8rem .15rem 0;vertical-align:top}"
          + ".error{color:#b3261e}.warning{color:#8a5a00}.info{color:#35618f}"
          + ".finding{margin:.5rem 0;padding-left:.6rem;border-left:3px solid currentColor}"
          + ".finding p{margin:.2rem 0;color:#1d2330}";

  private HtmlReport() {}

  public static String render(List<DomainReport> reports) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.append("<title>STS Lens report</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    for (DomainReport r : reports) {
      for (Block b : Narrative.of(r)) {
        render(b, out);
      }
    }
    out.append("</body></html>\n");
    return out.toString();
  }

  private static void render(Block block, StringBuilder out) {
    if (block instanceof Block.Heading h) {
      out.append("<h")
          .append(h.level())
          .append('>')
          .append(esc(h.text()))
          .append("</h")
          .append(h.level())
          .append(">\n");
    } else if (block instanceof Block.Paragraph p) {
      out.append("<p>").append(esc(p.text())).append("</p>\n");
    } else if (block instanceof Block.Fields f) {
      out.append("<table>");
      for (Map.Entry<String, String> e : f.fields().entrySet()) {
        out.append("<tr><td>")
            .append(esc(e.getKey()))
            .append("</td><td>")
            .append(esc(e.getValue()))
            .append("</td></tr>");
      }
      out.append("</table>\n");
    } else if (block instanceof Block.Verbatim v) {
      out.append("<p><code>")
          .append(esc(v.caption()))
          .append("</code></p><pre>")
          .append(esc(v.text()))
          .append("</pre>\n");
    } else if (block instanceof Block.Items i) {
      out.append("<ul>");
      i.items().forEach(item -> out.append("<li>").append(esc(item)).append("</li>"));
      out.append("</ul>\n");
    } else if (block instanceof Block.FindingItem fi) {
      finding(fi.finding(), out);
    }
  }

  private static void finding(Finding f, StringBuilder out) {
    out.append("<div class=\"finding ")
        .append(f.severity().word())
        .append("\"><b>")
        .append(f.severity().word())
        .append("</b> <code>")
        .append(esc(f.code().id()))
        .append("</code>");
    if (!f.target().isEmpty()) {
      out.append(" — ").append(esc(f.target()));
    }
    out.append("<p>").append(esc(f.message())).append("</p>");
    if (!f.fix().isEmpty()) {
      out.append("<p><i>Fix:</i> ").append(esc(f.fix())).append("</p>");
    }
    if (!f.rfc().isEmpty()) {
      out.append("<p>RFC ").append(esc(f.rfc()));
      f.tlsrptType()
          .ifPresent(t -> out.append(" · TLS-RPT <code>").append(esc(t)).append("</code>"));
      out.append("</p>");
    }
    out.append("</div>\n");
  }

  /**
   * HTML-escapes text, including quotes, so it is safe in elements and attributes; controls become
   * marks first ({@link Visible#lines}), for a page printed on a terminal or read as source.
   */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : Visible.lines(s).toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
