package org.stslens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.stslens.engine.export.Visible;
import org.stslens.engine.tlsrpt.reports.ReportSummary;

/**
 * A {@link ReportSummary} (of {@code stslens tlsrpt summarize}) as JSON (the contract of {@code
 * stslens tlsrpt summarize}, raw values), text, Markdown or HTML. Text that came from a report or a
 * file name is made visible ({@link Visible}) in text and Markdown, and escaped in HTML: a report
 * can carry terminal controls.
 */
final class TlsRptSummaryFormat {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TlsRptSummaryFormat() {}

  static String json(ReportSummary summary) {
    ObjectNode root = JSON.createObjectNode();
    root.put("reports", summary.reports());
    ArrayNode skipped = root.putArray("skipped");
    summary
        .skipped()
        .forEach(s -> skipped.addObject().put("file", s.file()).put("reason", s.reason()));
    ArrayNode notes = root.putArray("notes");
    summary.notes().forEach(notes::add);
    ArrayNode domains = root.putArray("domains");
    for (ReportSummary.Domain d : summary.domains()) {
      ObjectNode node = domains.addObject();
      node.put("domain", d.domain());
      node.put("successful", d.successful());
      node.put("failed", d.failed());
      counts(node.putObject("by_result_type"), d.byResultType());
      counts(node.putObject("by_mx"), d.byMx());
      counts(node.putObject("by_organization"), d.byOrganization());
      ArrayNode days = node.putArray("days");
      d.days()
          .forEach(
              day ->
                  days.addObject()
                      .put("date", day.date().toString())
                      .put("successful", day.successful())
                      .put("failed", day.failed()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void counts(ObjectNode into, Map<String, Long> counts) {
    counts.forEach(into::put);
  }

  static String text(ReportSummary summary) {
    StringBuilder out = new StringBuilder();
    out.append("TLS-RPT reports read: ").append(summary.reports()).append('\n');
    for (ReportSummary.Domain d : summary.domains()) {
      out.append('\n').append(Visible.line(d.domain())).append('\n');
      out.append("  sessions: ")
          .append(d.successful())
          .append(" successful, ")
          .append(d.failed())
          .append(" failed\n");
      textCounts(out, "failures by result type", d.byResultType());
      textCounts(out, "failures by receiving MX", d.byMx());
      textCounts(out, "failures by organization", d.byOrganization());
      if (!d.days().isEmpty()) {
        out.append("  per day (successful / failed):\n");
        d.days()
            .forEach(
                day ->
                    out.append("    ")
                        .append(day.date())
                        .append("  ")
                        .append(day.successful())
                        .append(" / ")
                        .append(day.failed())
                        .append('\n'));
      }
    }
    if (!summary.skipped().isEmpty()) {
      out.append("\nSkipped (").append(summary.skipped().size()).append("):\n");
      summary
          .skipped()
          .forEach(
              s ->
                  out.append("  ")
                      .append(Visible.line(s.file()))
                      .append(": ")
                      .append(Visible.line(s.reason()))
                      .append('\n'));
    }
    if (!summary.notes().isEmpty()) {
      out.append("\nNotes:\n");
      summary.notes().forEach(n -> out.append("  ").append(Visible.line(n)).append('\n'));
    }
    return out.toString();
  }

  private static void textCounts(StringBuilder out, String title, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.append("  ").append(title).append(":\n");
    counts.forEach(
        (k, v) -> out.append("    ").append(Visible.line(k)).append(": ").append(v).append('\n'));
  }

  static String markdown(ReportSummary summary) {
    StringBuilder out = new StringBuilder("# TLS-RPT reports\n\n");
    out.append("Reports read: ").append(summary.reports()).append("\n");
    for (ReportSummary.Domain d : summary.domains()) {
      out.append("\n## ").append(md(d.domain())).append("\n\n");
      out.append("| successful | failed |\n|---:|---:|\n| ")
          .append(d.successful())
          .append(" | ")
          .append(d.failed())
          .append(" |\n");
      mdCounts(out, "Failures by result type", "result type", d.byResultType());
      mdCounts(out, "Failures by receiving MX", "receiving MX", d.byMx());
      mdCounts(out, "Failures by organization", "organization", d.byOrganization());
      if (!d.days().isEmpty()) {
        out.append("\n### Per day\n\n| date | successful | failed |\n|---|---:|---:|\n");
        d.days()
            .forEach(
                day ->
                    out.append("| ")
                        .append(day.date())
                        .append(" | ")
                        .append(day.successful())
                        .append(" | ")
                        .append(day.failed())
                        .append(" |\n"));
      }
    }
    if (!summary.skipped().isEmpty()) {
      out.append("\n## Skipped\n\n| file | reason |\n|---|---|\n");
      summary
          .skipped()
          .forEach(
              s ->
                  out.append("| ")
                      .append(md(s.file()))
                      .append(" | ")
                      .append(md(s.reason()))
                      .append(" |\n"));
    }
    if (!summary.notes().isEmpty()) {
      out.append("\n## Notes\n\n");
      summary.notes().forEach(n -> out.append("- ").append(md(n)).append('\n'));
    }
    return out.toString();
  }

  private static void mdCounts(
      StringBuilder out, String title, String column, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.append("\n### ")
        .append(title)
        .append("\n\n| ")
        .append(column)
        .append(" | failed |\n|---|---:|\n");
    counts.forEach((k, v) -> out.append("| ").append(md(k)).append(" | ").append(v).append(" |\n"));
  }

  /** One line, controls visible, Markdown's table and emphasis characters escaped. */
  private static String md(String text) {
    return Visible.line(text).replaceAll("([\\\\`*_\\[\\]|<>#])", "\\\\$1");
  }

  static String html(ReportSummary summary) {
    StringBuilder out =
        new StringBuilder(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>TLS-RPT reports</title>"
                + "</head><body>\n<h1>TLS-RPT reports</h1>\n");
    out.append("<p>Reports read: ").append(summary.reports()).append("</p>\n");
    for (ReportSummary.Domain d : summary.domains()) {
      out.append("<h2>").append(html(d.domain())).append("</h2>\n");
      out.append("<p>")
          .append(d.successful())
          .append(" successful, ")
          .append(d.failed())
          .append(" failed sessions</p>\n");
      htmlCounts(out, "Failures by result type", d.byResultType());
      htmlCounts(out, "Failures by receiving MX", d.byMx());
      htmlCounts(out, "Failures by organization", d.byOrganization());
      if (!d.days().isEmpty()) {
        out.append(
            "<h3>Per day</h3>\n<table><tr><th>date</th><th>successful</th><th>failed</th></tr>\n");
        d.days()
            .forEach(
                day ->
                    out.append("<tr><td>")
                        .append(day.date())
                        .append("</td><td>")
                        .append(day.successful())
                        .append("</td><td>")
                        .append(day.failed())
                        .append("</td></tr>\n"));
        out.append("</table>\n");
      }
    }
    if (!summary.skipped().isEmpty()) {
      out.append("<h2>Skipped</h2>\n<ul>\n");
      summary
          .skipped()
          .forEach(
              s ->
                  out.append("<li>")
                      .append(html(s.file()))
                      .append(": ")
                      .append(html(s.reason()))
                      .append("</li>\n"));
      out.append("</ul>\n");
    }
    if (!summary.notes().isEmpty()) {
      out.append("<h2>Notes</h2>\n<ul>\n");
      summary.notes().forEach(n -> out.append("<li>").append(html(n)).append("</li>\n"));
      out.append("</ul>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  private static void htmlCounts(StringBuilder out, String title, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.append("<h3>").append(title).append("</h3>\n<table>\n");
    counts.forEach(
        (k, v) ->
            out.append("<tr><td>")
                .append(html(k))
                .append("</td><td>")
                .append(v)
                .append("</td></tr>\n"));
    out.append("</table>\n");
  }

  private static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : Visible.line(text).toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
