package org.stslens.engine.export;

import java.util.List;
import java.util.Map;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;

/** The walkthrough as Markdown, for tickets and documentation. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(List<DomainReport> reports) {
    StringBuilder out = new StringBuilder();
    for (DomainReport r : reports) {
      for (Block b : Narrative.of(r)) {
        render(b, out);
      }
    }
    return out.toString();
  }

  private static void render(Block block, StringBuilder out) {
    if (block instanceof Block.Heading h) {
      out.append('\n')
          .append("#".repeat(h.level()))
          .append(' ')
          .append(inline(h.text()))
          .append("\n\n");
    } else if (block instanceof Block.Paragraph p) {
      out.append(inline(p.text())).append("\n\n");
    } else if (block instanceof Block.Fields f) {
      out.append("| | |\n|---|---|\n");
      for (Map.Entry<String, String> e : f.fields().entrySet()) {
        out.append("| ")
            .append(cell(e.getKey()))
            .append(" | ")
            .append(cell(e.getValue()))
            .append(" |\n");
      }
      out.append('\n');
    } else if (block instanceof Block.Verbatim v) {
      out.append(inline(v.caption())).append("\n\n");
      String fence = v.text().contains("```") ? "~~~~" : "```";
      out.append(fence).append('\n').append(v.text()).append('\n').append(fence).append("\n\n");
    } else if (block instanceof Block.Items i) {
      i.items().forEach(item -> out.append("- ").append(inline(item)).append('\n'));
      out.append('\n');
    } else if (block instanceof Block.FindingItem fi) {
      finding(fi.finding(), out);
    }
  }

  private static void finding(Finding f, StringBuilder out) {
    out.append("- **").append(f.severity().word()).append("** `").append(f.code().id()).append('`');
    if (!f.target().isEmpty()) {
      out.append(" — ").append(inline(f.target()));
    }
    if (f.line() > 0) {
      out.append(" (line ").append(f.line()).append(", column ").append(f.column()).append(')');
    }
    out.append("  \n  ").append(inline(f.message()));
    if (!f.fix().isEmpty()) {
      out.append("  \n  *Fix:* ").append(inline(f.fix()));
    }
    if (!f.rfc().isEmpty()) {
      out.append("  \n  RFC ").append(f.rfc());
    }
    f.tlsrptType().ifPresent(t -> out.append(" · TLS-RPT `").append(t).append('`'));
    out.append("\n\n");
  }

  /** Escapes characters that Markdown would interpret in server-supplied text. */
  static String inline(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\`*_{}[]<>#|!".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String cell(String s) {
    return inline(s).replace("\n", " ");
  }
}
