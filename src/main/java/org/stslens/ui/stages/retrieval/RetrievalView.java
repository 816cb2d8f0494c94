package org.stslens.ui.stages.retrieval;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.HttpHeader;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.StageWords;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.stages.common.CertificateBox;
import org.stslens.ui.stages.common.CommandBox;
import org.stslens.ui.stages.common.EvidenceText;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.Facts;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Tables;
import org.stslens.ui.stages.common.Texts;
import org.stslens.ui.stages.common.VisibleText;

/**
 * Stage 2: the HTTPS request for {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}: where it
 * went, the TLS session and certificate, the response line, headers and body (invisible characters
 * made visible), and where the time went.
 */
public final class RetrievalView {

  private static final int BODY_CHARS = 8_000;

  private RetrievalView() {}

  public static Node create(
      StageHeader header,
      String domain,
      FetchResult f,
      List<Finding> findings,
      Consumer<ChainVerdict> openCertificate,
      TryCommands commands) {
    return new StagePage(header)
        .explanation(
            new Explanation(
                StageWords.of(CheckStage.RETRIEVAL).sender(domain),
                Explanation.protocol(),
                Explanation.file(domain)))
        .section("Request", request(f))
        .section("Certificate of " + f.host(), CertificateBox.of(f.certificate(), openCertificate))
        .section("Response", response(f))
        .section("Body", body(f))
        .section("Timing", TimingBars.of(f.timings()))
        .findings(findings)
        .command(new CommandBox(commands.curl(f.host(), f.connectedTo().map(a -> a.getAddress()))))
        .build();
  }

  private static Node request(FetchResult f) {
    Facts facts = new Facts();
    facts.setId("request");
    facts.add("URL", f.url(), "evidence");
    String resolved =
        f.lookups().stream()
            .flatMap(q -> q.records().stream())
            .map(DnsAnswer::data)
            .collect(Collectors.joining(", "));
    facts.add(
        "Resolved address",
        resolved.isEmpty()
            ? "none ("
                + f.lookups().stream().map(RetrievalView::outcome).collect(Collectors.joining("; "))
                + ")"
            : resolved);
    facts.add(
        "Connected to",
        f.connectedTo()
            .map(a -> a.getAddress().getHostAddress() + " port " + a.getPort())
            .orElse("no connection was made"));
    facts.add("TLS version", f.tlsVersion().orElse("no TLS session"));
    facts.add("Cipher suite", f.cipherSuite().orElse("–"), "evidence");
    return facts;
  }

  private static String outcome(DnsQuery q) {
    return q.name() + " " + q.type() + ": " + q.rcode();
  }

  private static Node response(FetchResult f) {
    VBox box = new VBox(8);
    Facts facts = new Facts();
    Label status = facts.add("Status line", f.statusLine().orElse("no response"), "evidence");
    status.setId("status-line");
    f.header("Location")
        .ifPresent(
            location -> {
              Label l =
                  facts.add(
                      "Location",
                      location + "   — a redirect: senders do NOT follow it",
                      "evidence");
              l.setId("location");
            });
    facts.add("Content-Type", f.header("Content-Type").orElse("(none)"), "evidence");
    facts.add(
        "Size",
        Texts.bytes(f.bodySize())
            + (f.bodyTruncated() ? " — reading stopped at the 64 KiB limit" : ""));
    box.getChildren().add(facts);
    if (!f.headers().isEmpty()) {
      TableView<HttpHeader> headers = Tables.of(f.headers());
      headers.setId("headers");
      headers
          .getColumns()
          .addAll(
              List.of(
                  Tables.column("Header", 200, HttpHeader::name),
                  Tables.column("Value", 500, HttpHeader::value)));
      box.getChildren().add(headers);
    }
    return box;
  }

  private static Node body(FetchResult f) {
    if (f.bodySize() == 0) {
      return Texts.wrapping(
          f.status() == 0 ? "No response was received." : "The response had an empty body.",
          "muted");
    }
    VBox box = new VBox(6);
    box.getChildren().add(Texts.wrapping(VisibleText.LEGEND, "muted"));
    EvidenceText body = new EvidenceText(VisibleText.of(f.bodyText(), BODY_CHARS));
    body.setId("body");
    box.getChildren().add(body);
    return box;
  }
}
