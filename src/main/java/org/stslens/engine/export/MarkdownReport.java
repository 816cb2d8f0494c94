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
      out.append(blocks(Narrative.of(r)));
    }
    return out.toString();
  }

  /** The blocks of one narrative as Markdown. */
  static String blocks(List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    for (Block b : blocks) {
      render(b, out);
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
      String text = Visible.lines(v.text());
      String fence = fenceFor(text);
      out.append(fence).append('\n').append(text).append('\n').append(fence).append("\n\n");
    } else if (block instanceof Block.Items i) {
      i.items().forEach(item -> out.append("- ").append(inline(item)).append('\n'));
      out.append('\n');
    } else if (block instanceof Block.FindingItem fi) {
      finding(fi.finding(), out);
    } else if (block instanceof Block.Verdict v) {
      out.append("> **Verdict: ")
          .append(Overview.title(v.verdict()))
          .append("** (`")
          .append(v.verdict().word())
          .append("`)\n>\n> ")
          .append(inline(v.answer()))
          .append("\n>\n> ")
          .append(inline(v.reason()))
          .append("\n\n");
      render(new Block.Fields(v.facts()), out);
    } else if (block instanceof Block.MxTable t) {
      out.append(
              "| MX host | Preference | Covered by the policy | STARTTLS | Certificate | Senders |\n")
          .append("|---|---|---|---|---|---|\n");
      for (Overview.MxRow row : t.rows()) {
        out.append("| ")
            .append(cell(row.host()))
            .append(" | ")
            .append(row.preference())
            .append(" | ")
            .append(cell(row.covered()))
            .append(" | ")
            .append(cell(row.starttls()))
            .append(" | ")
            .append(cell(row.certificate()))
            .append(" | **")
            .append(cell(Overview.verdictWords(row.verdict())))
            .append("** |\n");
      }
      out.append('\n');
    } else if (block instanceof Block.SendersTable t) {
      out.append("| Sender | Policy it applies | Delivery | Why it differs |\n")
          .append("|---|---|---|---|\n");
      for (SenderRows.Row row : t.rows()) {
        out.append("| ")
            .append(cell(row.sender()))
            .append(" | `")
            .append(row.policy())
            .append("` | ")
            .append(cell(row.delivery()))
            .append(" | ")
            .append(cell(row.why()))
            .append(" |\n");
      }
      out.append('\n');
    } else if (block instanceof Block.Fixes fixes) {
      int n = 1;
      for (Overview.Fix fix : fixes.fixes()) {
        String marker = n++ + ". ";
        String indent = " ".repeat(marker.length());
        Finding f = fix.finding();
        out.append(marker)
            .append("**")
            .append(f.severity().word())
            .append("** `")
            .append(f.code().id())
            .append('`');
        if (!f.target().isEmpty()) {
          out.append(" — ").append(inline(f.target()));
        }
        out.append(" — *").append(fix.effect().words()).append("*  \n");
        out.append(indent).append(inline(f.message()));
        if (!f.fix().isEmpty()) {
          out.append("  \n").append(indent).append("*Fix:* ").append(inline(f.fix()));
        }
        if (!f.rfc().isEmpty()) {
          out.append("  \n").append(indent).append(rfcLinks(f.rfc()));
        }
        out.append("\n\n");
      }
    } else if (block instanceof Block.Appendix a) {
      out.append("\n## ").append(inline(a.title())).append("\n\n");
    }
  }

  /** The catalog's RFC sections as links to the RFC Editor's pages. */
  private static String rfcLinks(String rfc) {
    return String.join(
        ", ",
        RfcReference.parse(rfc).stream()
            .map(ref -> "[" + ref.text() + "](" + ref.url() + ")")
            .toList());
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
      out.append("  \n  ").append(rfcLinks(f.rfc()));
    }
    f.tlsrptType().ifPresent(t -> out.append(" · TLS-RPT `").append(t).append('`'));
    out.append("\n\n");
  }

  /**
   * A backtick fence longer than any run of backticks in the text, so no line of the text can close
   * it (CommonMark: a closing fence is at least as long as the opening one and of the same
   * character; tildes never close a backtick fence).
   */
  static String fenceFor(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /**
   * Escapes characters that Markdown would interpret in server-supplied text, on one line: a line
   * break could start a block (a fence, a heading) of its own, so it is shown as a mark.
   */
  static String inline(String s) {
    String line = Visible.line(s);
    int lead = blockMarkerAt(line);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (i == lead || "\\`*_{}[]<>#|!~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Where a leading -, +, = or the dot of "1." would begin a list or a setext underline at the
   * start of a line; -1 if nowhere.
   */
  private static int blockMarkerAt(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i < line.length() && "-+=".indexOf(line.charAt(i)) >= 0) {
      return i;
    }
    int digits = i;
    while (i < line.length() && Character.isDigit(line.charAt(i))) {
      i++;
    }
    boolean marker =
        i > digits && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')');
    return marker ? i : -1;
  }

  private static String cell(String s) {
    return inline(s);
  }
}
