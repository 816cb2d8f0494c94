package org.stslens.engine.export;

import java.util.List;
import java.util.Map;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;

/**
 * The walkthrough as plain text for a terminal. Server text never reaches it raw: one-line values
 * go through {@link Visible#line}, multi-line evidence through {@link Visible#lines}, and the whole
 * output once more through {@link Visible#lines} so that nothing but a line feed is a control.
 */
public final class TextReport {

  private TextReport() {}

  public static String render(List<DomainReport> reports) {
    StringBuilder out = new StringBuilder();
    for (DomainReport r : reports) {
      for (Block b : Narrative.of(r)) {
        render(b, out);
      }
      out.append('\n');
    }
    return Visible.lines(out.toString());
  }

  private static void render(Block block, StringBuilder out) {
    if (block instanceof Block.Heading raw) {
      Block.Heading h = new Block.Heading(raw.level(), Visible.line(raw.text()));
      out.append('\n');
      if (h.level() == 1) {
        out.append(h.text()).append('\n').append("=".repeat(h.text().length())).append('\n');
      } else if (h.level() <= 3) {
        out.append(h.text()).append('\n').append("-".repeat(h.text().length())).append('\n');
      } else {
        out.append("» ").append(h.text()).append('\n');
      }
    } else if (block instanceof Block.Paragraph p) {
      out.append(wrap(Visible.lines(p.text()), 100, "")).append('\n');
    } else if (block instanceof Block.Fields f) {
      int width = f.fields().keySet().stream().mapToInt(String::length).max().orElse(0);
      for (Map.Entry<String, String> e : f.fields().entrySet()) {
        out.append("  ")
            .append(pad(e.getKey() + ":", width + 1))
            .append(' ')
            .append(Visible.line(e.getValue()))
            .append('\n');
      }
    } else if (block instanceof Block.Verbatim v) {
      out.append("  ").append(Visible.line(v.caption())).append('\n');
      for (String line : Visible.lines(v.text()).split("\n", -1)) {
        out.append("    ").append(line).append('\n');
      }
    } else if (block instanceof Block.Items i) {
      i.items().forEach(item -> out.append("  - ").append(Visible.line(item)).append('\n'));
    } else if (block instanceof Block.FindingItem fi) {
      finding(fi.finding(), out);
    } else if (block instanceof Block.Verdict v) {
      out.append("Verdict: ")
          .append(v.verdict().word().toUpperCase(java.util.Locale.ROOT))
          .append('\n');
      out.append(wrap(Visible.lines(v.answer()), 100, "")).append('\n');
      out.append(wrap(Visible.lines(v.reason()), 100, "")).append('\n');
      render(new Block.Fields(v.facts()), out);
    } else if (block instanceof Block.MxTable t) {
      for (Overview.MxRow row : t.rows()) {
        out.append("  ")
            .append(row.preference())
            .append(' ')
            .append(Visible.line(row.host()))
            .append(": ")
            .append(Overview.verdictWords(row.verdict()))
            .append(" (covered: ")
            .append(Visible.line(row.covered()))
            .append("; STARTTLS: ")
            .append(row.starttls())
            .append("; certificate: ")
            .append(row.certificate())
            .append(")\n");
      }
    } else if (block instanceof Block.SendersTable t) {
      for (SenderRows.Row row : t.rows()) {
        out.append("  ")
            .append(row.sender())
            .append(": ")
            .append(row.policy())
            .append(", ")
            .append(row.delivery())
            .append('\n')
            .append(wrap(Visible.lines(row.why()), 96, "      "))
            .append('\n');
      }
    } else if (block instanceof Block.Fixes fixes) {
      int n = 1;
      for (Overview.Fix fix : fixes.fixes()) {
        out.append("  ").append(n++).append(". ").append(fix.effect().words()).append(":\n");
        finding(fix.finding(), out);
      }
    } else if (block instanceof Block.Appendix a) {
      out.append("\n\n").append(Visible.line(a.title())).append('\n');
      out.append("=".repeat(a.title().length())).append('\n');
    }
  }

  /** The findings alone, worst first, as the walkthrough shows them. */
  public static String findings(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    findings.stream()
        .sorted(java.util.Comparator.comparing(Finding::severity))
        .forEach(f -> finding(f, out));
    return Visible.lines(out.toString());
  }

  private static void finding(Finding f, StringBuilder out) {
    String mark =
        switch (f.severity()) {
          case ERROR -> "✗ ERROR  ";
          case WARNING -> "! WARNING";
          case INFO -> "i info   ";
        };
    out.append("  ").append(mark).append(' ').append(f.code().id());
    if (!f.target().isEmpty()) {
      out.append("  [").append(Visible.line(f.target())).append(']');
    }
    if (f.line() > 0) {
      out.append("  line ").append(f.line()).append(", column ").append(f.column());
    }
    out.append('\n');
    out.append(wrap(Visible.lines(f.message()), 96, "      ")).append('\n');
    if (!f.fix().isEmpty()) {
      out.append(wrap("Fix: " + Visible.lines(f.fix()), 96, "      ")).append('\n');
    }
    String ref = "RFC " + f.rfc();
    if (f.rfc().isEmpty()) {
      ref = "";
    }
    String tlsrpt = f.tlsrptType().map(t -> "TLS-RPT: " + t).orElse("");
    String tail =
        String.join(
            "; ", java.util.stream.Stream.of(ref, tlsrpt).filter(s -> !s.isEmpty()).toList());
    if (!tail.isEmpty()) {
      out.append("      (").append(tail).append(")\n");
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** Word-wraps at {@code width} columns, indenting every line. */
  static String wrap(String text, int width, String indent) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder(indent);
      for (String word : paragraph.split(" ")) {
        if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
          out.append(line).append('\n');
          line = new StringBuilder(indent);
        }
        if (line.length() > indent.length()) {
          line.append(' ');
        }
        line.append(word);
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
