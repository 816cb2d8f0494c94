package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/**
 * The PDF, read back with PDFBox: the customer's first page, then the evidence on its own pages.
 */
class PdfReportTest {

  private static byte[] pdf;

  @BeforeAll
  static void render() throws Exception {
    DomainReport report = LabReports.check("one-good-one-bad-mx");
    pdf = PdfReport.render(List.of(report));
  }

  private static String text(PDDocument doc, int from, int to) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return stripper.getText(doc);
  }

  @Test
  void theFirstPageHoldsVerdictMxTableAndFixesInThatOrder() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // a host name may wrap after a hyphen in the table: read it joined
      String first = text(doc, 1, 1).replaceAll("\\s+", " ").replaceAll("- ", "-");
      assertThat(first)
          .containsSubsequence(
              "Verdict: Enforced, with failures",
              "Senders deliver mail for one-good-one-bad-mx.lab.example over verified TLS",
              "MX hosts",
              "mx1.one-good-one-bad-mx.lab.example",
              "deliver",
              "mx2.one-good-one-bad-mx.lab.example",
              "not valid: expired",
              "refuse",
              "Fix these first",
              "tls.cert-expired",
              "Renew the certificate",
              "RFC 8461 §4.2")
          .doesNotContain("Appendix A");
    }
  }

  @Test
  void theAppendicesFollowOnLaterPagesWithTheTranscripts() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(2);
      String rest = text(doc, 2, doc.getNumberOfPages());
      // the overview may take a second page (the senders table); the appendix starts a new one
      int appendixA = 2;
      while (!text(doc, appendixA, appendixA).contains("Appendix A:")) {
        appendixA++;
      }
      // below the running header, the appendix is the first thing on its page
      assertThat(text(doc, appendixA, appendixA).lines().skip(1).findFirst())
          .contains("Appendix A: the evidence, stage by stage");
      assertThat(text(doc, 1, appendixA - 1)).contains("What real senders do");
      assertThat(rest)
          .containsSubsequence(
              "1 · Discovery (DNS)", "Appendix B: SMTP conversations and certificates", "S: 220");
    }
  }

  @Test
  void theRfcReferencesAreLinksInThePdf() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> uris = new java.util.ArrayList<>();
      for (var page : doc.getPages()) {
        for (var a : page.getAnnotations()) {
          if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
              && link.getAction()
                  instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
            uris.add(uri.getURI());
          }
        }
      }
      assertThat(uris).contains("https://www.rfc-editor.org/rfc/rfc8461#section-4.2");
    }
  }

  @Test
  void hostileServerTextStillMakesAPdf() throws Exception {
    DomainReport hostile = LabReports.check("policy-headers-escapes");
    try (PDDocument doc = Loader.loadPDF(PdfReport.render(List.of(hostile)))) {
      assertThat(text(doc, 1, doc.getNumberOfPages())).contains("<ESC>");
    }
  }
}
