package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.lab.LabReports;

/** Server text cannot break out of its place in the Markdown export (rendered by CommonMark). */
class MarkdownReportTest {

  private static List<String> headings(String markdown) {
    Node doc = Parser.builder().build().parse(markdown);
    List<String> headings = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            StringBuilder text = new StringBuilder();
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
              if (n instanceof org.commonmark.node.Text t) {
                text.append(t.getLiteral());
              }
            }
            headings.add(text.toString());
          }
        });
    return headings;
  }

  /** A narrative with hostile text in each kind of block, each followed by a heading. */
  private static List<Block> hostile(String evil) {
    return List.of(
        new Block.Heading(1, "MTA-STS check of example.com"),
        new Block.Paragraph("Verdict: " + evil),
        new Block.Heading(2, "1. Discovery"),
        new Block.Verbatim("$ curl " + evil, "HTTP/1.1 200 OK\nX: " + evil),
        new Block.Heading(2, "2. Retrieval"),
        new Block.Fields(Map.of("Status", evil)),
        new Block.Heading(3, "Certificate of mta-sts.example.com " + evil),
        new Block.Items(List.of("[0] CN=" + evil + " — issued by CN=" + evil)),
        new Block.Heading(2, "3. Policy"),
        new Block.Verbatim("Body", "version: STSv1\n" + evil),
        new Block.Heading(2, "4. MX hosts"));
  }

  @Test
  void aFenceInServerTextClosesNothingAndSwallowsNoHeading() {
    for (String evil :
        List.of(
            "\n~~~~\n",
            "a\n```\nb\n~~~~",
            "x\n`````\n# injected\n",
            "````",
            "\n---\n",
            "\n# injected\n",
            "1. item\n- item\n= underline")) {
      String md = MarkdownReport.blocks(hostile(evil));

      assertThat(headings(md))
          .as("evil %s in%n%s", evil.replace("\n", "\\n"), md)
          .hasSize(6)
          .startsWith("MTA-STS check of example.com")
          .endsWith("4. MX hosts");
    }
  }

  @Test
  void aLineBreakInAOneLineValueIsShownAsAMark() {
    String md = MarkdownReport.blocks(List.of(new Block.Items(List.of("CN=a\n~~~~\nb"))));

    assertThat(md).contains("CN=a\\<LF\\>\\~\\~\\~\\~\\<LF\\>b");
  }

  @Test
  void theFenceIsLongerThanAnyRunOfBackticks() {
    assertThat(MarkdownReport.fenceFor("plain")).isEqualTo("```");
    assertThat(MarkdownReport.fenceFor("a ```` b")).isEqualTo("`````");
  }

  @Test
  void theOverviewBlocksKeepServerTextInItsPlace() {
    for (String evil : List.of("\n# injected\n", "a | b\n|---|\n", "x\n```\n## y", "\n---\n")) {
      Finding f =
          Finding.of(Code.TLS_CERT_EXPIRED, "mx " + evil, "expired " + evil, "renew " + evil);
      String md =
          MarkdownReport.blocks(
              List.of(
                  new Block.Heading(1, "MTA-STS check of example.com"),
                  new Block.Verdict(
                      DomainVerdict.ENFORCED_WITH_FAILURES,
                      "answer " + evil,
                      "reason " + evil,
                      Map.of("Checked at", evil)),
                  new Block.Heading(2, "MX hosts"),
                  new Block.MxTable(
                      List.of(
                          new Overview.MxRow(
                              "mx" + evil,
                              10,
                              "yes, by " + evil,
                              "offered",
                              "valid",
                              MxVerdict.DELIVER))),
                  new Block.Heading(2, "Fix these first"),
                  new Block.Fixes(List.of(new Overview.Fix(f, Overview.Effect.MAIL_REFUSED))),
                  new Block.Appendix("Appendix A")));

      assertThat(headings(md))
          .as("evil %s in%n%s", evil.replace("\n", "\\n"), md)
          .containsExactly(
              "MTA-STS check of example.com", "MX hosts", "Fix these first", "Appendix A");
      assertThat(md)
          .contains("[RFC 8461 §4.2](https://www.rfc-editor.org/rfc/rfc8461#section-4.2)");
    }
  }

  @Test
  void aRealReportFollowsTheOrderOfTheHtml() throws Exception {
    String md = MarkdownReport.render(List.of(LabReports.check("one-good-one-bad-mx")));

    assertThat(headings(md).stream().map(h -> h.replaceAll(" — pass.*", "")).toList())
        .startsWith(
            "MTA-STS check of one-good-one-bad-mx.lab.example",
            "MX hosts",
            "Fix these first",
            "What real senders do",
            "Appendix A: the evidence, stage by stage",
            "1 · Discovery (DNS)")
        .contains("Appendix B: SMTP conversations and certificates");
    assertThat(md)
        .containsSubsequence(
            "> **Verdict: Enforced, with failures**",
            "| mx2.one-good-one-bad-mx.lab.example | 20 | yes | offered | not valid: expired |"
                + " **refuse** |",
            "1. **error** `tls.cert-expired`",
            "| Sender | Policy it applies | Delivery | Why it differs |",
            "| RFC 8461, read to the letter | `enforce` | delivers | the strict reading |",
            "## Appendix A");
  }
}
