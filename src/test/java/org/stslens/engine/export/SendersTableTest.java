package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/** "What real senders do" in the text, Markdown and HTML reports, on a real lab report. */
class SendersTableTest {

  @Test
  void eachFormatShowsEverySenderItsPolicyDeliveryAndWhy() throws Exception {
    DomainReport r = LabReports.check("invalid-id");
    String text = TextReport.render(List.of(r));
    assertThat(text)
        .containsSubsequence(
            "What real senders do",
            "RFC 8461, read to the letter: no-policy, delivers",
            "Postfix with postfix-mta-sts-resolver: enforce, delivers",
            "txt-invalid-id: accept (RFC: reject)",
            "Gmail (Google): unknown, unknown from here",
            "txt-invalid-id: unknown (RFC: reject)",
            "Appendix A");
    assertThat(MarkdownReport.render(List.of(r)))
        .contains(
            "| Postfix with postfix-mta-sts-resolver | `enforce` | delivers |"
                + " txt-invalid-id: accept (RFC: reject) |");
    assertThat(HtmlReport.render(List.of(r)))
        .contains(
            "<tr><td>Postfix with postfix-mta-sts-resolver</td><td>enforce</td><td>delivers</td>"
                + "<td>txt-invalid-id: accept (RFC: reject)</td></tr>");
  }
}
