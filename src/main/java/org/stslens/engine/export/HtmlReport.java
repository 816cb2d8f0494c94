package org.stslens.engine.export;

import java.util.List;
import java.util.Map;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;

/**
 * The report as one self-contained page for a customer: the verdict in a coloured box, what senders
 * do, the MX table and the fixes in order of effect, then the evidence in appendices. It is
 * well-formed XHTML, so the PDF export renders the very same page. Every server-supplied string is
 * escaped.
 */
public final class HtmlReport {

  private static final String STYLE =
      """
      @page{size:A4;margin:16mm 15mm 18mm 15mm;\
      @bottom-left{content:"STS Lens MTA-STS report";font-family:"DejaVu Sans";font-size:8pt;\
      color:#5a6473}\
      @bottom-right{content:"page " counter(page) " of " counter(pages);\
      font-family:"DejaVu Sans";font-size:8pt;color:#5a6473}}
      body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:60rem;margin:2rem auto;\
      padding:0 1rem;color:#1d2330;background:#fff;font-size:10.5pt;line-height:1.4}
      h1{font-size:18pt;margin:0 0 .6rem}h2{font-size:13.5pt;margin:1.4rem 0 .5rem}\
      h3{font-size:12pt;margin:1.2rem 0 .4rem}h4{font-size:10.5pt;margin:1rem 0 .3rem}
      a{color:#1f5fa8}
      pre,code{font-family:"DejaVu Sans Mono",ui-monospace,monospace;font-size:8.5pt}
      pre{background:#f4f5f7;border:1px solid #dfe2e7;padding:.5rem;white-space:pre-wrap;\
      word-wrap:break-word;page-break-inside:avoid}
      table{border-collapse:collapse}td,th{padding:.2rem .8rem .2rem 0;vertical-align:top;\
      text-align:left}td:first-child{white-space:nowrap}
      .verdict{border:2px solid;border-left-width:8px;padding:.6rem 1rem;margin:0 0 1rem;\
      -webkit-print-color-adjust:exact;print-color-adjust:exact}
      .verdict .title{font-size:15pt;font-weight:bold;margin:0 0 .3rem}
      .verdict .answer{font-size:11.5pt;font-weight:bold;margin:.2rem 0}
      .verdict .reason{margin:.2rem 0 .5rem}.verdict table{font-size:9pt;color:#3a4150}
      .tone-good{border-color:#1e7d3a;background:#e8f5ec}.tone-good .title{color:#1e7d3a}
      .tone-warn{border-color:#b86e00;background:#fff5e3}.tone-warn .title{color:#8a5200}
      .tone-bad{border-color:#b3261e;background:#fdecea}.tone-bad .title{color:#b3261e}
      .tone-neutral{border-color:#5a6473;background:#eef1f5}
      table.mx{width:100%;font-size:9.5pt;margin:.3rem 0 1rem}
      table.mx th{border-bottom:2px solid #1d2330;padding:.3rem .5rem}
      table.mx td{border-bottom:1px solid #dfe2e7;padding:.3rem .5rem;white-space:normal}
      .mx-deliver .senders{color:#1e7d3a;font-weight:bold}\
      .mx-refuse .senders,.mx-unreachable .senders{color:#b3261e;font-weight:bold}\
      .mx-report .senders,.mx-not-probed .senders{color:#8a5200;font-weight:bold}
      ol.fixes{padding-left:1.6rem}ol.fixes li{margin:0 0 .7rem}
      .fix p,.finding p{margin:.15rem 0}.effect{font-style:italic;color:#3a4150}
      .error{color:#b3261e}.warning{color:#8a5200}.info{color:#35618f}
      .sev{font-weight:bold;text-transform:uppercase;font-size:8.5pt}
      .finding{margin:.5rem 0;padding-left:.6rem;border-left:3px solid}
      .finding p,.fix{color:#1d2330}
      h2.appendix{page-break-before:always;border-top:2px solid #1d2330;padding-top:.4rem}
      .report + .report{page-break-before:always}
      @media print{body{margin:0;max-width:none}a{color:#1d2330}}
      """;

  private HtmlReport() {}

  public static String render(List<DomainReport> reports) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>");
    out.append("<meta charset=\"utf-8\"/><title>");
    out.append(
        esc(
            reports.size() == 1
                ? "MTA-STS report for " + reports.get(0).domain()
                : "MTA-STS report"));
    out.append("</title><style>").append(STYLE).append("</style></head><body>\n");
    for (DomainReport r : reports) {
      out.append("<div class=\"report\">\n");
      for (Block b : Narrative.of(r)) {
        render(b, out);
      }
      out.append("</div>\n");
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
      fields(f.fields(), out);
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
    } else if (block instanceof Block.Verdict v) {
      verdict(v, out);
    } else if (block instanceof Block.MxTable t) {
      mxTable(t, out);
    } else if (block instanceof Block.SendersTable t) {
      out.append("<table class=\"senders\"><thead><tr><th>Sender</th><th>Policy it applies</th>")
          .append("<th>Delivery</th><th>Why it differs</th></tr></thead><tbody>");
      for (SenderRows.Row row : t.rows()) {
        out.append("<tr><td>")
            .append(esc(row.sender()))
            .append("</td><td>")
            .append(esc(row.policy()))
            .append("</td><td>")
            .append(esc(row.delivery()))
            .append("</td><td>")
            .append(esc(row.why()))
            .append("</td></tr>");
      }
      out.append("</tbody></table>\n");
    } else if (block instanceof Block.Fixes f) {
      fixes(f, out);
    } else if (block instanceof Block.Appendix a) {
      out.append("<h2 class=\"appendix\">").append(esc(a.title())).append("</h2>\n");
    }
  }

  private static void fields(Map<String, String> fields, StringBuilder out) {
    out.append("<table>");
    for (Map.Entry<String, String> e : fields.entrySet()) {
      out.append("<tr><td>")
          .append(esc(e.getKey()))
          .append("</td><td>")
          .append(esc(e.getValue()))
          .append("</td></tr>");
    }
    out.append("</table>\n");
  }

  private static void verdict(Block.Verdict v, StringBuilder out) {
    out.append("<div class=\"verdict verdict-")
        .append(v.verdict().word())
        .append(" tone-")
        .append(Overview.tone(v.verdict()).word())
        .append("\"><p class=\"title\">Verdict: ")
        .append(esc(Overview.title(v.verdict())))
        .append("</p><p class=\"answer\">")
        .append(esc(v.answer()))
        .append("</p><p class=\"reason\">")
        .append(esc(v.reason()))
        .append("</p>");
    fields(v.facts(), out);
    out.append("</div>\n");
  }

  private static void mxTable(Block.MxTable t, StringBuilder out) {
    out.append("<table class=\"mx\"><thead><tr><th>MX host</th><th>Preference</th>")
        .append("<th>Covered by the policy</th><th>STARTTLS</th><th>Certificate</th>")
        .append("<th>Senders</th></tr></thead><tbody>");
    for (Overview.MxRow row : t.rows()) {
      out.append("<tr class=\"mx-")
          .append(row.verdict().word())
          .append("\"><td>")
          .append(esc(row.host()))
          .append("</td><td>")
          .append(row.preference())
          .append("</td><td>")
          .append(esc(row.covered()))
          .append("</td><td>")
          .append(esc(row.starttls()))
          .append("</td><td>")
          .append(esc(row.certificate()))
          .append("</td><td class=\"senders\">")
          .append(esc(Overview.verdictWords(row.verdict())))
          .append("</td></tr>");
    }
    out.append("</tbody></table>\n");
  }

  private static void fixes(Block.Fixes fixes, StringBuilder out) {
    out.append("<ol class=\"fixes\">");
    for (Overview.Fix fix : fixes.fixes()) {
      Finding f = fix.finding();
      out.append("<li class=\"fix ")
          .append(f.severity().word())
          .append("\" data-code=\"")
          .append(esc(f.code().id()))
          .append("\">");
      head(f, out);
      out.append(" <span class=\"effect\">(").append(esc(fix.effect().words())).append(")</span>");
      body(f, out);
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }

  private static void finding(Finding f, StringBuilder out) {
    out.append("<div class=\"finding ").append(f.severity().word()).append("\">");
    head(f, out);
    body(f, out);
    out.append("</div>\n");
  }

  private static void head(Finding f, StringBuilder out) {
    out.append("<span class=\"sev ")
        .append(f.severity().word())
        .append("\">")
        .append(f.severity().word())
        .append("</span> <code>")
        .append(esc(f.code().id()))
        .append("</code>");
    if (!f.target().isEmpty()) {
      out.append(" — ").append(esc(f.target()));
    }
  }

  private static void body(Finding f, StringBuilder out) {
    out.append("<p>").append(esc(f.message())).append("</p>");
    if (!f.fix().isEmpty()) {
      out.append("<p><b>Fix:</b> ").append(esc(f.fix())).append("</p>");
    }
    List<RfcReference> refs = RfcReference.parse(f.rfc());
    if (!refs.isEmpty() || f.tlsrptType().isPresent()) {
      out.append("<p class=\"refs\">");
      for (int i = 0; i < refs.size(); i++) {
        out.append(i == 0 ? "" : ", ")
            .append("<a href=\"")
            .append(esc(refs.get(i).url()))
            .append("\">")
            .append(esc(refs.get(i).text()))
            .append("</a>");
      }
      f.tlsrptType()
          .ifPresent(
              t ->
                  out.append(refs.isEmpty() ? "" : " · ")
                      .append("TLS-RPT <code>")
                      .append(esc(t))
                      .append("</code>"));
      out.append("</p>");
    }
  }

  /**
   * HTML-escapes text, including quotes, so it is safe in elements and attributes; controls become
   * marks first ({@link Visible#lines}), for a page printed on a terminal or read as source. What
   * XML 1.0 forbids (U+FFFE, U+FFFF, a lone surrogate) becomes a mark too, so the page stays
   * well-formed XHTML for the PDF export.
   */
  static String esc(String s) {
    String visible = Visible.lines(s);
    StringBuilder out = new StringBuilder(visible.length());
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < visible.length()
              && Character.isLowSurrogate(visible.charAt(i + 1));
      if (pair) {
        out.append(c).append(visible.charAt(++i));
        continue;
      }
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
            out.append(String.format("&lt;U+%04X&gt;", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
