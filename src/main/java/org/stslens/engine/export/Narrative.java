package org.stslens.engine.export;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.TlsaDiscovery;
import org.stslens.engine.dane.TlsaMatch;
import org.stslens.engine.dane.TlsaRecord;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.HttpHeader;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.report.StageWords;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.smtp.TranscriptLine;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;

/**
 * The report told as a walkthrough: stage by stage, what a sender asks, what it gets, what that
 * means, and each finding with its fix. Text, Markdown and HTML are renderings of this one story.
 */
public final class Narrative {

  private final List<Block> blocks = new ArrayList<>();
  private final boolean lab;
  private TryCommands commands = TryCommands.internet();

  private String curl(FetchResult f) {
    return commands.curl(f.host(), f.connectedTo().map(InetSocketAddress::getAddress));
  }

  private String openssl(EndpointProbe e) {
    return commands.openssl(e.mxHost(), e.address());
  }

  private Narrative(boolean lab) {
    this.lab = lab;
  }

  public static List<Block> of(DomainReport r) {
    Narrative n = new Narrative(Commands.lab(r));
    n.tell(r);
    return List.copyOf(n.blocks);
  }

  /**
   * The front a customer reads (verdict, answer, MX table, fixes), then the evidence stage by stage
   * (appendix A) and the SMTP conversations with their certificates (appendix B).
   */
  private void tell(DomainReport r) {
    // a desktop lab world knows its lab (and its CA file's path); a check run against
    // `stslens lab serve` is recognised by its ports
    commands = r.origin().isLab() ? r.origin().commands() : Commands.of(r);
    add(
        new Block.Heading(
            1,
            (r.origin().isLab() ? "[" + r.origin().badgeText() + "] " : "")
                + "MTA-STS check of "
                + r.domain()));
    if (r.origin().isLab()) {
      add(new Block.Paragraph(r.origin().sentence()));
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Checked at", ReportClock.format(r.startedAt()));
    facts.put(
        "Took",
        ReportClock.duration(r.durationMillis())
            + " (the stages add up to "
            + ReportClock.duration(r.sumOfStageMillis())
            + "; independent stages ran concurrently)");
    if (lab || r.origin().isLab()) {
      facts.put("Servers", "the STS Lens lab on loopback, not the real hosts of this name");
    }
    facts.put("Report by", ToolVersion.text());
    add(new Block.Verdict(r.verdict(), Overview.answer(r), r.verdictReason(), facts));
    add(new Block.Heading(2, "MX hosts"));
    if (r.mx().isEmpty()) {
      add(new Block.Paragraph("No MX host to check."));
    } else {
      add(new Block.MxTable(Overview.mxRows(r)));
    }
    add(new Block.Heading(2, "Fix these first"));
    List<Overview.Fix> fixes = Overview.fixes(r);
    if (fixes.isEmpty()) {
      add(new Block.Paragraph("Nothing to fix: no error and no warning."));
    } else {
      add(
          new Block.Paragraph(
              "In order of effect: what makes senders refuse mail or ignore the policy first,"
                  + " then the other errors, then warnings."));
      add(new Block.Fixes(fixes));
    }
    add(new Block.Heading(2, "What real senders do"));
    add(
        new Block.Paragraph(
            "The verdict above is the strict reading of RFC 8461. Real senders differ; from the"
                + " same evidence, each would do this (\"unknown\" where its behaviour is not"
                + " established from a public source)."));
    add(new Block.SendersTable(SenderRows.of(r)));
    changes(r);
    add(new Block.Appendix("Appendix A: the evidence, stage by stage"));
    if (lab && !r.origin().isLab()) {
      add(
          new Block.Paragraph(
              "The commands below are for the lab: they use the lab's loopback addresses and"
                  + " ports, and "
                  + Commands.LAB_CA
                  + " stands for the lab's CA file that \"stslens lab serve\" prints. Against"
                  + " real servers the commands differ."));
    }
    discovery(r);
    retrieval(r);
    policy(r);
    mx(r);
    tlsrpt(r, stageOf(r, CheckStage.TLSRPT));
    transcripts(r);
  }

  private void discovery(DomainReport r) {
    DiscoveryResult d = r.discovery();
    introduce(r, CheckStage.DISCOVERY, stageOf(r, CheckStage.DISCOVERY));
    for (DnsQuery q : d.queries()) {
      query(q);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "TXT record", d.hasValidRecord() ? "valid, id=" + d.policyId().orElse("") : "none usable");
    fields.put(
        "DNSSEC",
        d.stsQuery().authenticData() ? "validated (AD)" : "not validated (fine for MTA-STS)");
    fields.put("MX", mxHosts(d));
    add(new Block.Fields(fields));
    findings(stageOf(r, CheckStage.DISCOVERY));
  }

  private String mxHosts(DiscoveryResult d) {
    return switch (d.mxKind()) {
      case IMPLICIT -> "none: the implicit MX " + d.domain() + " is used";
      case NULL -> "null MX: the domain receives no mail";
      case NO_DOMAIN -> "the domain does not exist";
      case UNKNOWN -> "unknown (the look-up failed)";
      case EXPLICIT ->
          String.join(
              ", ", d.mxHosts().stream().map(h -> h.preference() + " " + h.host()).toList());
    };
  }

  private void query(DnsQuery q) {
    StringBuilder text = new StringBuilder();
    text.append(q.name()).append(' ').append(q.type()).append(" → ").append(q.rcode());
    text.append(" (").append(q.rttMillis()).append(" ms via ").append(q.server());
    if (!q.transport().equals("udp")) {
      text.append(", ").append(q.transport());
    }
    text.append(q.authenticData() ? ", AD" : "").append(")");
    q.error().ifPresent(e -> text.append("\n  ").append(e));
    List<DnsAnswer> foreign = q.foreignRecords();
    for (DnsAnswer a : q.answers()) {
      text.append("\n  ").append(a.name()).append(' ').append(a.ttl()).append(' ').append(a.type());
      text.append(' ').append(a.data());
      if (foreign.contains(a)) {
        text.append("   ; another name's record: ignored");
      }
    }
    if (q.answers().isEmpty() && q.error().isEmpty()) {
      text.append("\n  (no records)");
    }
    add(new Block.Verbatim("$ " + commands.dig(q), text.toString()));
  }

  private void retrieval(DomainReport r) {
    StageReport stage = stageOf(r, CheckStage.RETRIEVAL);
    introduce(r, CheckStage.RETRIEVAL, stage);
    if (r.fetch().isEmpty()) {
      add(
          new Block.Paragraph(
              stage == null
                  ? "Skipped: not reached."
                  : StageWords.of(CheckStage.RETRIEVAL).skipped()));
      return;
    }
    FetchResult f = r.fetch().get();
    for (DnsQuery q : f.lookups()) {
      query(q);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("URL", f.url());
    fields.put(
        "Connected to",
        f.connectedTo()
            .map(a -> a.getAddress().getHostAddress() + " port " + a.getPort())
            .orElse("no connection"));
    fields.put(
        "TLS",
        f.tlsVersion().map(v -> v + ", " + f.cipherSuite().orElse("")).orElse("no TLS session"));
    fields.put("Status", f.statusLine().orElse("no response"));
    fields.put("Content-Type", f.header("Content-Type").orElse("(none)"));
    fields.put(
        "Size",
        f.bodySize() + " bytes" + (f.bodyTruncated() ? " (reading stopped at the limit)" : ""));
    fields.put(
        "Timing",
        "DNS "
            + ms(f.timings().dns())
            + ", connect "
            + ms(f.timings().connect())
            + ", TLS "
            + ms(f.timings().tls())
            + ", first byte "
            + ms(f.timings().firstByte())
            + ", total "
            + ms(f.timings().total()));
    add(new Block.Fields(fields));
    f.certificate().ifPresent(c -> certificate("Certificate of " + f.host(), c));
    if (!f.headers().isEmpty()) {
      StringBuilder h = new StringBuilder(f.statusLine().orElse(""));
      for (HttpHeader header : f.headers()) {
        h.append('\n').append(header.name()).append(": ").append(header.value());
      }
      add(new Block.Verbatim("$ " + curl(f), h.toString()));
    }
    if (f.status() == 200 && f.bodySize() > 0) {
      add(new Block.Verbatim("Body (invisible characters shown)", Visible.of(f.bodyText(), 4000)));
    }
    findings(stageOf(r, CheckStage.RETRIEVAL));
  }

  private void policy(DomainReport r) {
    StageReport stage = stageOf(r, CheckStage.POLICY);
    if (r.policy().isEmpty()) {
      add(new Block.Heading(3, StageWords.of(CheckStage.POLICY).heading() + status(stage)));
      add(new Block.Paragraph(StageWords.of(CheckStage.POLICY).skipped()));
      return;
    }
    introduce(r, CheckStage.POLICY, stage);
    ParsedPolicy parsed = r.policy().get();
    if (parsed.policy().isPresent()) {
      Policy p = parsed.policy().get();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("version", p.version());
      fields.put("mode", p.mode().word());
      fields.put("mx", String.join(", ", p.mx().stream().map(MxPattern::written).toList()));
      fields.put("max_age", p.maxAge() + " s (" + (p.maxAge() / 86400) + " days)");
      fields.put(
          "Applied by senders",
          stage == null || stage.notApplied().isEmpty()
              ? (r.policyApplies() ? "yes" : "no (see the earlier stages)")
              : "no: " + stage.notApplied().get());
      add(new Block.Fields(fields));
    } else {
      add(new Block.Paragraph("The policy is invalid: senders ignore it."));
    }
    findings(stageOf(r, CheckStage.POLICY));
  }

  private void mx(DomainReport r) {
    // one MX stage has no single status: each host's heading carries its own
    introduce(r, CheckStage.MX, null);
    if (r.mx().isEmpty()) {
      add(new Block.Paragraph(StageWords.of(CheckStage.MX).skipped()));
    }
    for (MxReport m : r.mx()) {
      MxHost h = m.mx();
      add(
          new Block.Heading(
              4,
              "MX "
                  + h.preference()
                  + " "
                  + h.host()
                  + ": "
                  + Overview.verdictWords(m.verdict())
                  + status(hostStage(r, h.host()))));
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(
          "Addresses",
          !m.probe().probed()
              ? "not looked up (beyond the MX probe limit)"
              : m.addresses().isEmpty()
                  ? "none"
                  : String.join(
                      ", ", m.addresses().stream().map(a -> a.getHostAddress()).toList()));
      fields.put(
          "Policy pattern",
          m.matchedPattern()
              .map(MxPattern::written)
              .orElse(r.policyApplies() ? "none matches" : "no policy applies"));
      StageReport hostStage = hostStage(r, h.host());
      if (hostStage != null) {
        hostStage.notApplied().ifPresent(why -> fields.put("Applied by senders", "no: " + why));
      }
      for (EndpointProbe e : m.endpoints()) {
        fields.put(
            e.address().getHostAddress(),
            (e.starttlsOffered() ? "STARTTLS offered" : "no STARTTLS")
                + ", "
                + e.tlsVersion().map(v -> v + " " + e.cipherSuite().orElse("")).orElse("no TLS")
                + ", "
                + (e.passed() ? "pass" : "fail"));
      }
      add(new Block.Fields(fields));
      findingsList(m.findings());
      m.dane().ifPresent(d -> dane(h.host(), d));
    }
    findings(
        r.stages().stream().filter(s -> s.kind() == StageKind.MX_SUMMARY).findFirst().orElse(null));
    if (r.mx().stream().anyMatch(m -> !m.endpoints().isEmpty())) {
      add(
          new Block.Paragraph(
              "The SMTP conversation with each address and its certificates are in appendix B."));
    }
  }

  /** The DANE section of one MX: TLSA records, DNSSEC status, each record's match, who applies. */
  private void dane(String host, DaneResult d) {
    TlsaDiscovery t = d.tlsa();
    add(new Block.Heading(4, "DANE for " + host + ": " + d.verdict().word()));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("TLSA name", t.name());
    if (t.mxAliases().size() > 1) {
      fields.put(
          "MX host alias",
          String.join(" → ", t.mxAliases())
              + (t.usesExpandedName()
                  ? ": every CNAME secure, so the TLSA base domain is " + t.baseDomain()
                  : t.expandedSecurely()
                      ? ": every CNAME secure, but no TLSA records at the expanded name, so the"
                          + " TLSA base domain stays "
                          + t.baseDomain()
                      : ": not every CNAME secure, so the TLSA base domain stays " + t.baseDomain())
              + " (RFC 7672 §2.2.2)");
    }
    if (t.cnameChain().size() > 1) {
      fields.put("CNAME chain", String.join(" → ", t.cnameChain()));
    }
    fields.put("DNSSEC", t.dnssec().word() + (t.reason().isEmpty() ? "" : " (" + t.reason() + ")"));
    if (t.resolverStripsDnssec()) {
      fields.put("Resolver", "strips DNSSEC records: nothing could be validated through it");
    }
    fields.put(
        "TLSA records",
        t.records().isEmpty()
            ? "none"
            : String.join(", ", t.records().stream().map(TlsaRecord::text).toList()));
    fields.put(
        "Sender supporting both",
        d.appliedBySenderWithBoth().equals("dane")
            ? "applies DANE (RFC 8461 §2)"
            : "applies MTA-STS (no secure TLSA)");
    fields.put("MTA-STS-only sender", "applies MTA-STS");
    add(new Block.Fields(fields));
    if (!t.chain().zones().isEmpty()) {
      add(new Block.Paragraph("Chain of trust the validator walked:"));
      add(new Block.Items(t.chain().lines()));
    }
    for (DaneResult.EndpointMatch e : d.endpoints()) {
      List<String> lines = new ArrayList<>();
      for (TlsaMatch match : e.matches()) {
        lines.add(match.record().text() + ": " + match.result().word() + ", " + match.why());
      }
      if (!e.starttls()) {
        lines.add("no STARTTLS offered");
      }
      add(new Block.Paragraph(e.address() + ":"));
      add(new Block.Items(lines));
    }
    findingsList(d.findings());
  }

  /** Appendix B: every SMTP conversation, as the sender had it, and the certificates shown. */
  private void transcripts(DomainReport r) {
    if (r.mx().stream().allMatch(m -> m.endpoints().isEmpty())) {
      return;
    }
    add(new Block.Appendix("Appendix B: SMTP conversations and certificates"));
    for (MxReport m : r.mx()) {
      for (EndpointProbe e : m.endpoints()) {
        endpoint(e);
      }
    }
  }

  private void endpoint(EndpointProbe e) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("STARTTLS", e.starttlsOffered() ? "offered" : "not offered");
    fields.put(
        "TLS", e.tlsVersion().map(v -> v + ", " + e.cipherSuite().orElse("")).orElse("none"));
    fields.put("Result", e.passed() ? "pass" : "fail");
    add(new Block.Heading(4, e.target()));
    add(new Block.Fields(fields));
    StringBuilder t = new StringBuilder();
    for (TranscriptLine line : e.transcript()) {
      String arrow =
          switch (line.direction()) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "-- ";
          };
      if (t.length() > 0) {
        t.append('\n');
      }
      t.append(arrow).append(line.text());
    }
    add(new Block.Verbatim("$ " + openssl(e), t.toString()));
    e.certificate().ifPresent(c -> certificate("Certificate of " + e.mxHost(), c));
  }

  private void certificate(String title, ChainVerdict c) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < c.chain().size(); i++) {
      var s = c.chain().get(i);
      items.add(
          "["
              + i
              + "] "
              + s.subject()
              + " — issued by "
              + s.issuer()
              + ", valid from "
              + ReportClock.format(s.notBefore())
              + " to "
              + ReportClock.format(s.notAfter())
              + (s.sanDnsNames().isEmpty()
                  ? ", no DNS names"
                  : ", names " + String.join(" ", s.sanDnsNames())));
    }
    for (CertificateProblem p : c.problems()) {
      items.add("problem: " + p.detail());
    }
    add(new Block.Heading(4, title + ": " + judgement(c)));
    add(new Block.Items(items));
  }

  /**
   * What senders make of a chain, naming what is wrong: "refused: expired" for a certificate whose
   * name matches, never "not valid for" a name it is valid for.
   */
  private static String judgement(ChainVerdict c) {
    if (c.valid()) {
      return "valid";
    }
    List<String> why =
        c.problems().stream()
            .map(CertificateProblem::kind)
            .filter(CertificateProblem.Kind::isError)
            .distinct()
            .map(
                k ->
                    switch (k) {
                      case NAME_MISMATCH -> "the name does not match";
                      case EXPIRED -> "expired";
                      case NOT_YET_VALID -> "not valid yet";
                      case UNTRUSTED -> "not trusted";
                      case WRONG_PURPOSE -> "not for TLS servers";
                      case WEAK_SIGNATURE -> "weak signature";
                      case EXPIRING_SOON -> "expires soon";
                    })
            .toList();
    return "refused by senders (" + String.join(", ", why) + ")";
  }

  private void tlsrpt(DomainReport r, StageReport stage) {
    TlsRptDiscovery t = r.tlsrpt();
    introduce(r, CheckStage.TLSRPT, stage);
    query(t.query());
    t.record()
        .filter(rec -> rec.valid())
        .ifPresent(
            rec -> add(new Block.Fields(Map.of("Reports go to", String.join(", ", rec.rua())))));
    findings(stage);
  }

  /** What changed since the previous stored check (a check compared with its history only). */
  private void changes(DomainReport r) {
    if (!r.changes().present()) {
      return;
    }
    add(new Block.Heading(2, "What changed since the last check"));
    add(
        new Block.Paragraph(
            r.changes()
                .previousCheck()
                .map(t -> "Compared with the stored check of " + ReportClock.format(t) + ".")
                .orElse("No earlier check of this domain is stored.")));
    if (r.changes().findings().isEmpty()) {
      add(new Block.Paragraph("Nothing changed that senders would notice."));
    }
    findingsList(r.changes().findings());
  }

  /** A stage's heading (with its status when it finished) and what the sender does in it. */
  private void introduce(DomainReport r, CheckStage stage, StageReport report) {
    StageWords words = StageWords.of(stage);
    add(new Block.Heading(3, words.heading() + status(report)));
    add(new Block.Paragraph(words.sender(r.domain())));
  }

  private void findings(StageReport s) {
    if (s != null) {
      findingsList(s.findings());
    }
  }

  private void findingsList(List<Finding> findings) {
    findings.stream()
        .sorted(java.util.Comparator.comparing(Finding::severity))
        .forEach(f -> add(new Block.FindingItem(f)));
  }

  /** The report of a stage about the domain (1, 2, 3 or 5), or null when it never finished. */
  private static StageReport stageOf(DomainReport r, CheckStage stage) {
    return r.stages().stream()
        .filter(s -> s.kind() == StageKind.STAGE && s.stage() == stage)
        .findFirst()
        .orElse(null);
  }

  /** The report of one MX host, or null when it never finished. */
  private static StageReport hostStage(DomainReport r, String host) {
    return r.stages().stream()
        .filter(s -> s.kind() == StageKind.MX_HOST && s.target().equals(host))
        .findFirst()
        .orElse(null);
  }

  private static String status(StageReport s) {
    if (s == null) {
      return "";
    }
    String word =
        s.status() == StageStatus.NOT_APPLIED ? "not applied by senders" : s.status().word();
    return " — " + word + " (" + s.durationMillis() + " ms)";
  }

  private static String ms(long v) {
    return v < 0 ? "–" : v + " ms";
  }

  private void add(Block b) {
    blocks.add(b);
  }
}
