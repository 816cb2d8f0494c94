package org.stslens.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.DnssecChain;
import org.stslens.engine.dane.TlsaDiscovery;
import org.stslens.engine.dane.TlsaMatch;
import org.stslens.engine.dane.TlsaRecord;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.HttpHeader;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.senders.SenderJudge;
import org.stslens.engine.senders.SenderVerdict;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.smtp.TranscriptLine;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;

/**
 * The JSON report, documented in {@code docs/report-format.md}. Field names are written out here
 * rather than derived from the records, so that renaming a Java accessor can never change the
 * published schema.
 */
public final class JsonReport {

  /** Bumped only for incompatible changes; additions keep the version. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonEscapes.install(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

  private JsonReport() {}

  /** One report as a JSON object; several as {@code {"schema_version":1,"reports":[...]}}. */
  public static String render(List<DomainReport> reports) {
    try {
      if (reports.size() == 1) {
        return MAPPER.writeValueAsString(report(reports.get(0))) + "\n";
      }
      ObjectNode root = MAPPER.createObjectNode();
      root.put("schema_version", SCHEMA_VERSION);
      ArrayNode all = root.putArray("reports");
      reports.forEach(r -> all.add(report(r)));
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectNode report(DomainReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("schema_version", SCHEMA_VERSION);
    o.put("domain", r.domain());
    o.put("verdict", r.verdict().word());
    o.put("verdict_reason", r.verdictReason());
    if (r.origin().isLab()) {
      // only lab worlds carry it: a report of the real Internet is unchanged
      ObjectNode origin = o.putObject("origin");
      origin.put("world", r.origin().world().word());
      origin.put("badge", r.origin().world().badge());
      origin.put("scenario", r.origin().scenario().orElse(null));
    }
    o.put("started_at", r.startedAt().toString());
    o.put("duration_ms", r.durationMillis());
    o.set("policy", policy(r));
    ArrayNode stages = o.putArray("stages");
    r.stages().forEach(s -> stages.add(stage(s)));
    ArrayNode mx = o.putArray("mx");
    r.mx().forEach(m -> mx.add(mx(m)));
    ArrayNode senders = o.putArray("senders");
    SenderJudge.judgeAll(r).forEach(v -> senders.add(sender(v)));
    o.set("discovery", discovery(r));
    r.fetch().ifPresent(f -> o.set("retrieval", retrieval(f, r.origin().commands())));
    o.set("tlsrpt", tlsrpt(r.tlsrpt()));
    ArrayNode findings = o.putArray("findings");
    r.findings().forEach(f -> findings.add(finding(f)));
    if (r.changes().present()) {
      // only a check compared with its history carries it: other reports are unchanged
      ObjectNode changes = o.putObject("changes");
      changes.put("previous_check", r.changes().previousCheck().map(Object::toString).orElse(null));
      ArrayNode codes = changes.putArray("codes");
      r.changes().findings().forEach(f -> codes.add(f.code().id()));
    }
    return o;
  }

  /** docs/report-format.md, Sender: what one real sender does with this domain. */
  private static ObjectNode sender(SenderVerdict v) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("sender", v.profile().id());
    o.put("name", v.profile().name());
    o.put("basis", v.profile().basis());
    o.put("applies", v.applies().word());
    if (v.delivers().isPresent()) {
      o.put("delivers", v.delivers().get());
    } else {
      o.putNull("delivers");
    }
    ArrayNode mx = o.putArray("mx");
    for (SenderVerdict.Mx m : v.mx()) {
      mx.addObject().put("host", m.host()).put("outcome", m.outcome().word());
    }
    ArrayNode differs = o.putArray("differs");
    for (SenderVerdict.Difference d : v.differs()) {
      differs
          .addObject()
          .put("behaviour", d.behaviour().id())
          .put("this_sender", d.thisSender())
          .put("rfc", d.rfc())
          .put("source", d.source());
    }
    return o;
  }

  private static ObjectNode policy(DomainReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", r.discovery().policyId().orElse(null));
    Optional<Policy> p = r.policy().flatMap(ParsedPolicy::policy);
    o.put("applies", r.policyApplies());
    o.put("valid", p.isPresent());
    o.put("mode", p.map(x -> x.mode().word()).orElse(null));
    ArrayNode mx = o.putArray("mx");
    p.ifPresent(x -> x.mx().forEach(m -> mx.add(m.written())));
    if (p.isPresent()) {
      o.put("max_age", p.get().maxAge());
    } else {
      o.putNull("max_age");
    }
    o.put("raw", r.fetch().filter(f -> f.status() == 200).map(FetchResult::bodyText).orElse(null));
    return o;
  }

  private static ObjectNode stage(StageReport s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", s.name());
    o.put("stage", s.stage().word());
    o.put("kind", s.kind().word());
    o.put("target", s.target());
    o.put("status", s.status().word());
    o.put("not_applied", s.notApplied().orElse(null));
    o.put("started_ms", s.startedAtMillis());
    o.put("duration_ms", s.durationMillis());
    ArrayNode findings = o.putArray("findings");
    s.findings().forEach(f -> findings.add(finding(f)));
    return o;
  }

  /** One finding in the report's form. */
  public static ObjectNode finding(Finding f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("code", f.code().id());
    o.put("severity", f.severity().word());
    o.put("stage", f.stage().word());
    o.put("target", f.target());
    o.put("message", f.message());
    o.put("fix", f.fix());
    o.put("rfc", f.rfc());
    o.put("tlsrpt_type", f.tlsrptType().orElse(null));
    o.put("sender_effect", f.code().senderEffect());
    if (f.line() > 0) {
      o.put("line", f.line());
      o.put("column", f.column());
    }
    return o;
  }

  private static ObjectNode mx(MxReport m) {
    ObjectNode o = MAPPER.createObjectNode();
    MxHost host = m.mx();
    o.put("host", host.host());
    o.put("preference", host.preference());
    o.put("implicit", host.implicit());
    ArrayNode addresses = o.putArray("addresses");
    m.addresses().forEach(a -> addresses.add(a.getHostAddress()));
    o.put("matched_pattern", m.matchedPattern().map(MxPattern::written).orElse(null));
    Optional<EndpointProbe> shown = representative(m.endpoints());
    o.put("starttls", m.endpoints().stream().anyMatch(EndpointProbe::starttlsOffered));
    o.put("tls_version", shown.flatMap(EndpointProbe::tlsVersion).orElse(null));
    o.put("cipher", shown.flatMap(EndpointProbe::cipherSuite).orElse(null));
    // Always present, null when no chain was seen, like tls_version and cipher: the documented
    // mx fields must not come and go with the MX host's state.
    o.set(
        "certificate",
        shown
            .flatMap(EndpointProbe::certificate)
            .<JsonNode>map(JsonReport::certificate)
            .orElse(NullNode.getInstance()));
    o.put("verdict", m.verdict().word());
    o.put("probed", m.probe().probed());
    ArrayNode failing = o.putArray("failing_codes");
    m.failingCodes().forEach(failing::add);
    ArrayNode endpoints = o.putArray("endpoints");
    m.endpoints().forEach(e -> endpoints.add(endpoint(e)));
    ArrayNode lookups = o.putArray("queries");
    m.probe().lookups().forEach(q -> lookups.add(query(q)));
    ArrayNode findings = o.putArray("findings");
    m.findings().forEach(f -> findings.add(finding(f)));
    m.dane().ifPresent(d -> o.set("dane", dane(d)));
    return o;
  }

  /** The DANE result of one MX (docs/report-format.md, Dane). */
  private static ObjectNode dane(DaneResult d) {
    ObjectNode o = MAPPER.createObjectNode();
    TlsaDiscovery t = d.tlsa();
    o.put("name", t.name());
    ArrayNode chain = o.putArray("cname_chain");
    t.cnameChain().forEach(chain::add);
    o.put("dnssec", t.dnssec().word());
    o.put("dnssec_reason", t.reason());
    o.put("resolver_strips_dnssec", t.resolverStripsDnssec());
    o.put("base_domain", t.baseDomain());
    ArrayNode aliases = o.putArray("mx_aliases");
    t.mxAliases().forEach(aliases::add);
    o.put("mx_aliases_secure", t.expandedSecurely());
    o.set("dnssec_chain", chain(t.chain()));
    ArrayNode tlsa = o.putArray("tlsa");
    for (int i = 0; i < t.records().size(); i++) {
      TlsaRecord r = t.records().get(i);
      ObjectNode rec = tlsa.addObject();
      rec.put("usage", r.usage());
      rec.put("selector", r.selector());
      rec.put("matching_type", r.matchingType());
      rec.put("data", r.hex());
      ArrayNode results = rec.putArray("matches");
      for (DaneResult.EndpointMatch e : d.endpoints()) {
        if (i < e.matches().size()) {
          TlsaMatch match = e.matches().get(i);
          ObjectNode one = results.addObject();
          one.put("address", e.address());
          one.put("result", match.result().word());
          one.put("why", match.why());
        }
      }
    }
    o.put("verdict", d.verdict().word());
    o.put("applied_by_sender_with_both", d.appliedBySenderWithBoth());
    ArrayNode findings = o.putArray("findings");
    d.findings().forEach(f -> findings.add(finding(f)));
    return o;
  }

  /** The chain of trust the validator walked (docs/report-format.md, DnssecChain). */
  private static ObjectNode chain(DnssecChain c) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode zones = o.putArray("zones");
    for (DnssecChain.Zone z : c.zones()) {
      ObjectNode zone = zones.addObject();
      zone.put("zone", z.name());
      zone.put("ds_from", z.fromAnchor() ? "trust-anchor" : "parent");
      ArrayNode ds = zone.putArray("ds");
      for (DnssecChain.Ds d : z.ds()) {
        ObjectNode one = ds.addObject();
        one.put("key_tag", d.keyTag());
        one.put("algorithm", d.algorithm());
        one.put("digest_type", d.digestType());
      }
      zone.put("ds_signed", z.dsSigned());
      zone.put("ds_denied", z.dsDenied());
      ArrayNode keys = zone.putArray("dnskeys");
      for (DnssecChain.Key k : z.keys()) {
        ObjectNode one = keys.addObject();
        one.put("key_tag", k.keyTag());
        one.put("algorithm", k.algorithm());
        one.put("flags", k.flags());
        one.put("role", k.role().toLowerCase(java.util.Locale.ROOT));
      }
      zone.put("dnskeys_signed", z.keysSigned());
    }
    o.put("end", c.endWord());
    o.put("end_zone", c.endZone());
    o.put("reason", c.reason());
    o.put("queries", c.queries());
    o.put("round_trips", c.roundTrips());
    return o;
  }

  /** The endpoint whose TLS details stand for the host: the first that completed TLS. */
  private static Optional<EndpointProbe> representative(List<EndpointProbe> endpoints) {
    return endpoints.stream()
        .filter(e -> e.tlsVersion().isPresent())
        .findFirst()
        .or(() -> endpoints.stream().findFirst());
  }

  private static ObjectNode endpoint(EndpointProbe e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("address", e.address().getHostAddress());
    o.put("connected_to", e.connectedTo() == null ? null : e.connectedTo().toString());
    o.put("greeting", e.greeting().orElse(null));
    o.put("starttls", e.starttlsOffered());
    o.put("tls_version", e.tlsVersion().orElse(null));
    o.put("cipher", e.cipherSuite().orElse(null));
    o.put("passed", e.passed());
    e.certificate().ifPresent(c -> o.set("certificate", certificate(c)));
    ObjectNode timings = o.putObject("timings_ms");
    e.timingsMillis().forEach(timings::put);
    ArrayNode transcript = o.putArray("transcript");
    for (TranscriptLine line : e.transcript()) {
      ObjectNode l = MAPPER.createObjectNode();
      l.put("at", line.at().toString());
      l.put("direction", line.direction().name().toLowerCase(java.util.Locale.ROOT));
      l.put("text", line.text());
      transcript.add(l);
    }
    ArrayNode findings = o.putArray("findings");
    e.findings().forEach(f -> findings.add(finding(f)));
    return o;
  }

  private static ObjectNode certificate(ChainVerdict v) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("reference_host", v.referenceHost());
    o.put("valid", v.valid());
    o.put("trusted", v.trusted());
    o.put("name_matches", v.nameMatches());
    v.leaf()
        .ifPresent(
            leaf -> {
              o.put("subject", leaf.subject());
              o.put("issuer", leaf.issuer());
              o.put("not_before", leaf.notBefore().toString());
              o.put("not_after", leaf.notAfter().toString());
              ArrayNode sans = o.putArray("san_dns");
              leaf.sanDnsNames().forEach(sans::add);
            });
    ArrayNode problems = o.putArray("problems");
    for (CertificateProblem p : v.problems()) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      n.put("certificate_index", p.certificateIndex());
      n.put("detail", p.detail());
      problems.add(n);
    }
    ArrayNode chain = o.putArray("chain");
    for (CertificateSummary c : v.chain()) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("subject", c.subject());
      n.put("issuer", c.issuer());
      n.put("serial", c.serial());
      n.put("not_before", c.notBefore().toString());
      n.put("not_after", c.notAfter().toString());
      ArrayNode sans = n.putArray("san_dns");
      c.sanDnsNames().forEach(sans::add);
      n.put("key_type", c.keyType());
      n.put("key_size", c.keySize());
      n.put("signature_algorithm", c.signatureAlgorithm());
      ArrayNode ku = n.putArray("key_usage");
      c.keyUsage().forEach(ku::add);
      ArrayNode eku = n.putArray("extended_key_usage");
      c.extendedKeyUsage().forEach(eku::add);
      if (c.hasBasicConstraints()) {
        ObjectNode bc = n.putObject("basic_constraints");
        bc.put("ca", c.isCa());
        if (c.pathLength() >= 0) {
          bc.put("path_length", c.pathLength());
        } else {
          bc.putNull("path_length");
        }
      } else {
        n.putNull("basic_constraints");
      }
      n.put("sha256", c.sha256());
      n.put("pem", c.pem());
      chain.add(n);
    }
    return o;
  }

  private static ObjectNode discovery(DomainReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    var d = r.discovery();
    ArrayNode queries = o.putArray("queries");
    d.queries().forEach(q -> queries.add(query(q)));
    ObjectNode txt = o.putObject("txt");
    txt.put("name", d.stsQuery().name());
    ArrayNode cname = txt.putArray("cname_chain");
    d.stsQuery().cnameChain().forEach(cname::add);
    ArrayNode raw = txt.putArray("records");
    d.stsQuery()
        .txtStrings()
        .forEach(
            strings -> {
              ArrayNode record = raw.addArray();
              strings.forEach(record::add);
            });
    txt.put("valid", d.hasValidRecord());
    txt.put("id", d.policyId().orElse(null));
    d.stsRecord()
        .ifPresent(
            rec -> {
              ObjectNode fields = txt.putObject("fields");
              rec.fields().forEach(fields::put);
            });
    o.put("mx_kind", d.mxKind().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode hosts = o.putArray("mx_hosts");
    for (MxHost h : d.mxHosts()) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("preference", h.preference());
      n.put("host", h.host());
      n.put("implicit", h.implicit());
      hosts.add(n);
    }
    o.put("dnssec_validated", d.stsQuery().authenticData());
    return o;
  }

  static ObjectNode query(DnsQuery q) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", q.name());
    o.put("type", q.type());
    o.put("server", q.server());
    o.put("transport", q.transport());
    o.put("rtt_ms", q.rttMillis());
    o.put("outcome", q.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    o.put("rcode", q.rcode());
    o.put("ad", q.authenticData());
    o.put("error", q.error().orElse(null));
    ArrayNode answers = o.putArray("answers");
    List<DnsAnswer> foreign = q.foreignRecords();
    for (DnsAnswer a : q.answers()) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("name", a.name());
      n.put("type", a.type());
      n.put("ttl", a.ttl());
      n.put("data", a.data());
      n.put("foreign", foreign.contains(a));
      if (!a.strings().isEmpty()) {
        ArrayNode strings = n.putArray("strings");
        a.strings().forEach(strings::add);
      }
      answers.add(n);
    }
    ArrayNode chain = o.putArray("cname_chain");
    q.cnameChain().forEach(chain::add);
    o.put("command", q.digCommand());
    return o;
  }

  private static ObjectNode retrieval(
      FetchResult f, org.stslens.engine.report.TryCommands commands) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("url", f.url());
    o.put("host", f.host());
    ArrayNode lookups = o.putArray("queries");
    f.lookups().forEach(q -> lookups.add(query(q)));
    o.put(
        "address",
        f.connectedTo().map(a -> address(a.getAddress()) + ":" + a.getPort()).orElse(null));
    o.put("tls_version", f.tlsVersion().orElse(null));
    o.put("cipher", f.cipherSuite().orElse(null));
    f.certificate().ifPresent(c -> o.set("certificate", certificate(c)));
    o.put("status_line", f.statusLine().orElse(null));
    o.put("status", f.status());
    ArrayNode headers = o.putArray("headers");
    for (HttpHeader h : f.headers()) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("name", h.name());
      n.put("value", h.value());
      headers.add(n);
    }
    o.put("content_type", f.header("Content-Type").orElse(null));
    o.put("size", f.bodySize());
    o.put("truncated", f.bodyTruncated());
    o.put("body_base64", Base64.getEncoder().encodeToString(f.body()));
    ObjectNode timings = o.putObject("timings_ms");
    timings.put("dns", f.timings().dns());
    timings.put("connect", f.timings().connect());
    timings.put("tls", f.timings().tls());
    timings.put("first_byte", f.timings().firstByte());
    timings.put("total", f.timings().total());
    o.put("command", commands.curl(f.host(), f.connectedTo().map(a -> a.getAddress())));
    return o;
  }

  private static ObjectNode tlsrpt(TlsRptDiscovery t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("query", query(t.query()));
    o.put("valid", t.record().map(r -> r.valid()).orElse(false));
    ArrayNode rua = o.putArray("rua");
    t.record().ifPresent(r -> r.rua().forEach(rua::add));
    return o;
  }

  private static String address(InetAddress a) {
    return a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
  }
}
