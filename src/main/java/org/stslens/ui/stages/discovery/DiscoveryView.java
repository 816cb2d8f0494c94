package org.stslens.ui.stages.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.dns.StsRecordResult;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.StageWords;
import org.stslens.engine.report.TryCommands;
import org.stslens.ui.stages.common.CommandBox;
import org.stslens.ui.stages.common.EvidenceText;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.Facts;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Tables;
import org.stslens.ui.stages.common.Texts;

/**
 * Stage 1: the DNS questions a sender asks (TXT at {@code _mta-sts}, MX), what came back, the raw
 * TXT strings and their fields, the MX hosts, and whether DNSSEC validated the answers.
 */
public final class DiscoveryView {

  private DiscoveryView() {}

  public static Node create(
      StageHeader header, DiscoveryResult d, List<Finding> findings, TryCommands commands) {
    String domain = d.domain();
    return new StagePage(header)
        .explanation(
            new Explanation(
                StageWords.of(CheckStage.DISCOVERY).sender(domain),
                Explanation.record(domain),
                Explanation.dnssec(),
                Explanation.direction()))
        .section("DNS queries", queries(d))
        .section("CNAME chain", cnames(d))
        .section("MTA-STS TXT record", txt(d))
        .section("MX records", mx(d))
        .section("DNSSEC", dnssec(d))
        .findings(findings)
        .command(new CommandBox(d.queries().stream().map(commands::dig).toList()))
        .build();
  }

  private static Node queries(DiscoveryResult d) {
    TableView<DnsQuery> table = Tables.of(d.queries());
    table.setId("dns-queries");
    table
        .getColumns()
        .addAll(
            List.of(
                Tables.column("Name", 170, DnsQuery::name),
                Tables.column("Type", 62, DnsQuery::type),
                Tables.column("Result", 100, DnsQuery::rcode),
                Tables.column("Answer(s)", 300, DiscoveryView::answers),
                Tables.column("TTL", 60, DiscoveryView::ttl),
                Tables.column("AD", 44, q -> q.authenticData() ? "yes" : "no"),
                Tables.column("Time", 72, q -> q.rttMillis() + " ms"),
                Tables.column("Server", 120, DnsQuery::server),
                Tables.column("Via", 48, DnsQuery::transport)));
    Label note =
        Texts.wrapping(
            "AD: the resolver's \"authenticated data\" flag (set when it validated the answer"
                + " with DNSSEC). Server: the resolver asked; Via: udp, or tcp after a truncated"
                + " answer. Hover over a cell to read a long value in full.",
            "muted");
    VBox box = new VBox(6, table, note);
    d.queries().stream()
        .filter(q -> q.error().isPresent())
        .forEach(
            q ->
                box.getChildren()
                    .add(Texts.wrapping(q.name() + " " + q.type() + ": " + q.error().get())));
    return box;
  }

  static String answers(DnsQuery q) {
    List<DnsAnswer> records = q.records();
    String own =
        records.isEmpty()
            ? (q.outcome().isTemporary() ? "(no answer: look-up failed)" : "(no records)")
            : records.stream()
                .map(a -> a.type().equals("TXT") ? quoted(a.strings()) : a.data())
                .collect(Collectors.joining(", "));
    List<DnsAnswer> foreign = q.foreignRecords();
    if (foreign.isEmpty()) {
      return own;
    }
    // shown, because they were in the answer, and marked, because nothing uses them
    return own
        + "  [ignored, another name's: "
        + foreign.stream()
            .map(
                a ->
                    a.name()
                        + " "
                        + a.type()
                        + " "
                        + (a.type().equals("TXT") ? quoted(a.strings()) : a.data()))
            .collect(Collectors.joining(", "))
        + "]";
  }

  private static String ttl(DnsQuery q) {
    return q.records().stream().mapToLong(DnsAnswer::ttl).min().stream()
        .mapToObj(t -> t + " s")
        .findFirst()
        .orElse("–");
  }

  /** Each character-string in quotes, so that a record split in several strings shows it. */
  static String quoted(List<String> strings) {
    return strings.stream()
        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(" "));
  }

  private static Node cnames(DiscoveryResult d) {
    List<String> chains = new ArrayList<>();
    for (DnsQuery q : d.queries()) {
      if (q.followedCnames()) {
        chains.add(String.join("  →  ", q.cnameChain()) + "   (" + q.type() + ")");
      }
    }
    if (chains.isEmpty()) {
      return Texts.wrapping(
          "No CNAME: every name was answered directly. (A CNAME at _mta-sts is allowed — senders"
              + " follow it — which is how MTA-STS is delegated to a provider.)",
          "muted");
    }
    Label chain = Texts.wrapping(String.join("\n", chains), "evidence");
    chain.setId("cname-chain");
    return chain;
  }

  private static Node txt(DiscoveryResult d) {
    VBox box = new VBox(8);
    List<List<String>> raw = d.stsQuery().txtStrings();
    if (raw.isEmpty()) {
      box.getChildren()
          .add(
              Texts.wrapping(
                  "No TXT record at " + d.stsQuery().name() + " — senders see no MTA-STS here."));
      return box;
    }
    box.getChildren()
        .add(
            Texts.wrapping(
                "As published: every TXT record at "
                    + d.stsQuery().name()
                    + ", each character-string in its own quotes (DNS joins them without"
                    + " spaces).",
                "muted"));
    EvidenceText text =
        new EvidenceText(raw.stream().map(DiscoveryView::quoted).collect(Collectors.joining("\n")));
    text.setId("txt-raw");
    box.getChildren().add(text);
    Facts fields = new Facts();
    fields.setId("txt-fields");
    if (d.stsRecord().isEmpty()) {
      fields.add("Record", "not judged: the look-up failed");
    } else {
      StsRecordResult r = d.stsRecord().get();
      fields.add(
          "Record used",
          r.candidate().orElse("none — no record begins exactly with v=STSv1"),
          "evidence");
      Map<String, String> parsed = r.fields();
      fields.add("v", parsed.getOrDefault("v", "(missing)"), "evidence");
      fields.add("id", parsed.getOrDefault("id", "(missing)"), "evidence");
      String extensions =
          parsed.entrySet().stream()
              .filter(e -> !e.getKey().equals("v") && !e.getKey().equals("id"))
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "));
      fields.add(
          "Extensions",
          extensions.isEmpty() ? "none" : extensions + "  (unknown fields are ignored)",
          "evidence");
      fields.add(
          "Verdict",
          r.valid()
              ? "valid: senders go on to fetch the policy"
              : "not usable: senders behave as if the domain had no MTA-STS");
    }
    box.getChildren().add(fields);
    return box;
  }

  private static Node mx(DiscoveryResult d) {
    VBox box = new VBox(8);
    String note =
        switch (d.mxKind()) {
          case EXPLICIT ->
              "Senders try the hosts in order of preference (lowest first). Each one is checked"
                  + " in the MX stage.";
          case IMPLICIT ->
              "No MX record: senders deliver to the domain itself (the implicit MX of RFC 5321"
                  + " §5.1), so "
                  + d.domain()
                  + " is checked as the mail host.";
          case NULL ->
              "Null MX (\"0 .\"): the domain says it receives no mail at all (RFC 7505), so an"
                  + " MTA-STS policy protects nothing.";
          case NO_DOMAIN -> "The domain does not exist, so it has no mail hosts.";
          case UNKNOWN -> "The MX look-up failed: where mail goes is unknown for now.";
        };
    box.getChildren().add(Texts.wrapping(note));
    if (!d.mxHosts().isEmpty()) {
      TableView<MxHost> table = Tables.of(d.mxHosts());
      table.setId("mx-records");
      table
          .getColumns()
          .addAll(
              List.of(
                  Tables.column("Preference", 100, h -> String.valueOf(h.preference())),
                  Tables.column("Host", 300, MxHost::host),
                  Tables.column(
                      "Note", 300, h -> h.implicit() ? "implicit MX (no MX record)" : "")));
      box.getChildren().add(table);
    }
    return box;
  }

  private static Node dnssec(DiscoveryResult d) {
    boolean validated = d.stsQuery().authenticData();
    Label label =
        Texts.wrapping(
            validated
                ? "Validated: the resolver set the AD flag. A bonus — MTA-STS does not need"
                    + " DNSSEC; the HTTPS certificate of the next stage authenticates the policy."
                : "Not validated — fine, MTA-STS does not need DNSSEC: the HTTPS certificate of"
                    + " the next stage is what authenticates the policy. (DANE, the other way to"
                    + " protect SMTP, does need DNSSEC.)");
    label.setId("dnssec");
    return label;
  }
}
