package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.lab.LabReports;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The HTML report of a real lab check reads like something to send a customer: verdict box, answer,
 * MX table and fixes first, evidence in appendices; and it is well-formed XHTML for the PDF.
 */
class HtmlReportTest {

  private static DomainReport report;
  private static String html;
  private static Document doc;

  @BeforeAll
  static void check() throws Exception {
    report = LabReports.check("one-good-one-bad-mx");
    html = HtmlReport.render(List.of(report));
    doc = xml(html);
  }

  /** Parses as XML, as openhtmltopdf does: a page that is not well-formed fails here. */
  static Document xml(String page) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
  }

  private static List<Element> select(String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static String label(Element e) {
    String cls = e.getAttribute("class");
    return e.getTagName() + (cls.isEmpty() ? "" : "." + cls.split(" ")[0]) + ":" + first(e);
  }

  /** The first 16 characters of the text, spaces between elements left out. */
  private static String first(Element e) {
    String text = e.getTextContent().replaceAll("\\s+", "");
    return text.length() > 16 ? text.substring(0, 16) : text;
  }

  @Test
  void theVerdictMxTableAndFixesComeBeforeTheAppendices() throws Exception {
    List<String> order =
        select(
                "//h1 | //h2 | //div[contains(@class,'verdict ')] | //table[@class='mx']"
                    + " | //ol[@class='fixes'] | //table[@class='senders'] | //pre")
            .stream()
            .map(HtmlReportTest::label)
            .toList();
    assertThat(order.subList(0, 9))
        .containsExactly(
            "h1:MTA-STScheckofon",
            "div.verdict:Verdict:Enforced",
            "h2:MXhosts",
            "table.mx:MXhostPreference",
            "h2:Fixthesefirst",
            "ol.fixes:errortls.cert-ex",
            "h2:Whatrealsendersd",
            "table.senders:SenderPolicyitap",
            "h2.appendix:AppendixA:theevi");
    int appendixB = order.indexOf("h2.appendix:AppendixB:SMTPco");
    assertThat(appendixB).as(order.toString()).isGreaterThan(9);
    // every SMTP conversation sits in appendix B, after the evidence of appendix A
    List<String> transcripts =
        order.stream().filter(s -> s.startsWith("pre:--connectedto")).toList();
    assertThat(transcripts).hasSize(2);
    transcripts.forEach(t -> assertThat(order.indexOf(t)).isGreaterThan(appendixB));
  }

  @Test
  void theVerdictBoxIsColouredByTheVerdictAndSaysWhatSendersDo() throws Exception {
    Element box = select("//div[contains(@class,'verdict ')]").get(0);
    assertThat(box.getAttribute("class").split(" "))
        .contains("verdict", "verdict-enforced-with-failures", "tone-warn");
    assertThat(
            select("//div[contains(@class,'verdict ')]/p[@class='answer']").get(0).getTextContent())
        .isEqualTo(
            "Senders deliver mail for one-good-one-bad-mx.lab.example over verified TLS to 1 of 2"
                + " MX hosts and refuse mx2.one-good-one-bad-mx.lab.example.");
  }

  @Test
  void theMxTableHasOneRowPerHostInPreferenceOrder() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (Element tr : select("//table[@class='mx']/tbody/tr")) {
      List<String> cells = new ArrayList<>();
      for (Node td = tr.getFirstChild(); td != null; td = td.getNextSibling()) {
        cells.add(td.getTextContent());
      }
      rows.add(cells);
    }
    assertThat(rows)
        .containsExactly(
            List.of(
                "mx1.one-good-one-bad-mx.lab.example", "10", "yes", "offered", "valid", "deliver"),
            List.of(
                "mx2.one-good-one-bad-mx.lab.example",
                "20",
                "yes",
                "offered",
                "not valid: expired",
                "refuse"));
    assertThat(select("//table[@class='mx']/tbody/tr").get(1).getAttribute("class"))
        .isEqualTo("mx-refuse");
  }

  @Test
  void theFixListNamesTheFixAndLinksTheRfcSection() throws Exception {
    List<Element> fixes = select("//ol[@class='fixes']/li");
    assertThat(fixes).hasSize(1);
    Element fix = fixes.get(0);
    assertThat(fix.getAttribute("data-code")).isEqualTo("tls.cert-expired");
    assertThat(fix.getTextContent()).contains("senders refuse this MX host", "Fix: Renew");
    Element link = select("//ol[@class='fixes']/li//a").get(0);
    assertThat(link.getAttribute("href"))
        .isEqualTo("https://www.rfc-editor.org/rfc/rfc8461#section-4.2");
    assertThat(link.getTextContent()).isEqualTo("RFC 8461 §4.2");
    assertThat(select("//a"))
        .isNotEmpty()
        .allSatisfy(
            a ->
                assertThat(a.getAttribute("href"))
                    .matches("https://www\\.rfc-editor\\.org/rfc/rfc\\d+(#section-[0-9.]+)?"));
  }

  @Test
  void datesAreReadableAndNameTheirZone() {
    assertThat(html)
        .contains("<td>Checked at</td><td>" + ReportClock.format(report.startedAt()) + "</td>")
        .doesNotContain(report.startedAt().toString())
        .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    assertThat(ReportClock.format(java.time.Instant.parse("2026-12-04T23:41:07.123456789Z")))
        .isEqualTo("4 December 2026, 23:41:07 UTC");
  }

  @Test
  void theToolVersionIsNamed() {
    assertThat(html).contains("<td>Report by</td><td>" + ToolVersion.text() + "</td>");
    assertThat(ToolVersion.text()).startsWith("STS Lens ");
  }

  @Test
  void commandsOfALabCheckReachTheLabAndSaySo() {
    assertThat(html).contains("The commands below are for the lab");
    for (MxReport m : report.mx()) {
      for (EndpointProbe e : m.endpoints()) {
        assertThat(html)
            .contains(
                "$ openssl s_client -starttls smtp -connect "
                    + e.connectedTo().getAddress().getHostAddress()
                    + ":"
                    + e.connectedTo().getPort()
                    + " -servername "
                    + m.host()
                    + " -CAfile LAB-CA.pem");
      }
    }
    var fetchedFrom = report.fetch().orElseThrow().connectedTo().orElseThrow();
    assertThat(html)
        .contains(
            "--connect-to mta-sts.one-good-one-bad-mx.lab.example:443:"
                + fetchedFrom.getAddress().getHostAddress()
                + ":"
                + fetchedFrom.getPort())
        .doesNotContain(".lab.example:25 ");
  }

  @Test
  void whatXmlForbidsBecomesAMarkSoThePageStaysWellFormed() throws Exception {
    String evil = "a\uFFFEb\uFFFFc\uD800d\uDC00e\u0001f<g>&\"'\uD83D\uDE00";
    String escaped = HtmlReport.esc(evil);
    assertThat(escaped)
        .isEqualTo(
            "a&lt;U+FFFE&gt;b&lt;U+FFFF&gt;c&lt;U+D800&gt;d&lt;U+DC00&gt;e\\x01f&lt;g&gt;&amp;"
                + "&quot;&#39;\uD83D\uDE00");
    Document page = xml("<p>" + escaped + "</p>");
    assertThat(page.getDocumentElement().getTextContent()).contains("<U+FFFF>", "\uD83D\uDE00");
  }
}
