package org.stslens.engine.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.dns.Discovery;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.FetchTimings;
import org.stslens.engine.fetch.HttpHeader;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxProbeResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.smtp.TranscriptLine;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tls.TrustAnchors;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;

/**
 * A {@link DomainReport} built as a value, without servers: for view tests, which need a report to
 * show and not a check to run. The evidence is what the real check records (DNS answers, the HTTP
 * exchange, SMTP transcripts, certificate chains of an in-memory CA); the findings and the verdict
 * come from the engine's own pure judges (the record and policy parsers, {@link Discovery#judge},
 * {@link MxJudge}, {@link TlsRptDiscovery#judge}, the verdict rules), so they say what a check
 * would.
 */
public final class ReportBuilder {

  /** The moment every report of this builder is about; its certificates are valid then. */
  public static final Instant NOW =
      Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  private static final CertificateAuthority CA = CertificateAuthority.create("Report builder CA");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ChainValidator VALIDATOR =
      new ChainValidator(TrustAnchors.of(List.of(CA.certificate())), CLOCK);

  private final String domain;
  private String stsId = "20260101";
  private final List<String> mxHosts = new ArrayList<>();
  private String policyBody;
  private int status = 200;
  private String location;
  private final Set<String> withoutStartTls = new HashSet<>();
  private final Map<String, List<Finding>> extraMxFindings = new LinkedHashMap<>();

  private ReportBuilder(String domain) {
    this.domain = domain;
  }

  /** A domain with a valid TXT record, a TLS-RPT record and no MX host yet. */
  public static ReportBuilder forDomain(String domain) {
    return new ReportBuilder(domain);
  }

  public ReportBuilder stsId(String id) {
    this.stsId = id;
    return this;
  }

  /** The MX hosts, preference 10, 20...; each one healthy unless told otherwise. */
  public ReportBuilder mx(String... hosts) {
    mxHosts.addAll(List.of(hosts));
    return this;
  }

  /** The policy host serves {@code body} (200, text/plain). */
  public ReportBuilder policy(String body) {
    this.policyBody = body;
    return this;
  }

  /** The policy text of {@code mode} naming every MX host, as a careful admin writes it. */
  public ReportBuilder policy(String mode, String... mx) {
    StringBuilder body = new StringBuilder("version: STSv1\r\nmode: " + mode + "\r\n");
    for (String m : mx) {
      body.append("mx: ").append(m).append("\r\n");
    }
    return policy(body.append("max_age: 604800\r\n").toString());
  }

  /** The policy host answers with a redirect to {@code to} instead of the policy. */
  public ReportBuilder redirect(int code, String to) {
    this.status = code;
    this.location = to;
    return this;
  }

  /** {@code host} answers EHLO without STARTTLS. */
  public ReportBuilder withoutStartTls(String host) {
    withoutStartTls.add(host);
    return this;
  }

  public DomainReport build() {
    DiscoveryResult discovery = discovery();
    TlsRptDiscovery tlsrpt =
        TlsRptDiscovery.judge(
            txt(TlsRptDiscovery.recordName(domain), "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain));
    FetchResult fetch = fetch();
    Optional<ParsedPolicy> parsed =
        fetch.status() == 200 ? Optional.of(PolicyParser.parse(policyBody)) : Optional.empty();
    Optional<Policy> applied = parsed.flatMap(ParsedPolicy::policy);
    StageRules.SenderPolicy senders =
        StageRules.senderPolicy(discovery, Optional.of(fetch), parsed);
    List<MxReport> mx = new ArrayList<>();
    for (MxHost host : discovery.mxHosts()) {
      mx.add(MxJudge.judge(probe(host), applied));
    }

    List<StageReport> stages = new ArrayList<>();
    stages.add(
        stage(
            CheckStage.DISCOVERY,
            domain,
            discovery.findings(),
            new StageEvidence.Discovery(discovery)));
    stages.add(
        stage(CheckStage.TLSRPT, domain, tlsrpt.findings(), new StageEvidence.TlsRpt(tlsrpt)));
    stages.add(
        stage(CheckStage.RETRIEVAL, domain, fetch.findings(), new StageEvidence.Retrieval(fetch)));
    if (parsed.isPresent()) {
      stages.add(
          stage(
              CheckStage.POLICY,
              domain,
              parsed.get().findings(),
              new StageEvidence.PolicyText(parsed.get(), fetch),
              senders.whyNotApplied()));
    } else {
      stages.add(
          new StageReport(
              CheckStage.POLICY,
              StageKind.STAGE,
              domain,
              StageStatus.SKIPPED,
              0,
              0,
              List.of(),
              Optional.empty()));
    }
    for (MxReport report : mx) {
      stages.add(
          stage(
              CheckStage.MX,
              report.host(),
              report.findings(),
              new StageEvidence.Mx(report),
              senders.whyMxNotChecked()));
    }
    VerdictRules.Decision decision = VerdictRules.decide(discovery, Optional.of(fetch), parsed, mx);
    return new DomainReport(
        domain,
        NOW,
        1234,
        decision.verdict(),
        decision.reason(),
        discovery,
        Optional.of(fetch),
        parsed,
        applied.isPresent(),
        mx,
        tlsrpt,
        stages);
  }

  private DiscoveryResult discovery() {
    List<DnsAnswer> mxAnswers = new ArrayList<>();
    for (int i = 0; i < mxHosts.size(); i++) {
      mxAnswers.add(
          new DnsAnswer(
              absolute(domain),
              "MX",
              300,
              10 * (i + 1) + " " + absolute(mxHosts.get(i)),
              List.of()));
    }
    DnsQuery mx = query(domain, "MX", mxAnswers);
    DnsQuery sts = txt(Discovery.stsName(domain), "v=STSv1; id=" + stsId);
    DnsQuery apex = query(domain, "TXT", List.of());
    return Discovery.judge(domain, new Discovery.StsLookup(sts, apex), mx);
  }

  private FetchResult fetch() {
    String host = "mta-sts." + domain;
    IssuedCertificate certificate = CA.issue(host);
    List<HttpHeader> headers = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    byte[] body;
    String statusLine;
    if (location != null) {
      headers.add(new HttpHeader("Location", location));
      body = new byte[0];
      statusLine = "HTTP/1.1 " + status + " Moved Permanently";
      findings.add(
          Finding.of(
              Code.FETCH_REDIRECT,
              host,
              "The policy host answered "
                  + status
                  + " with a redirect to "
                  + location
                  + ". Senders never follow redirects, so they get no policy.",
              "Serve the policy itself at https://" + host + "/.well-known/mta-sts.txt."));
    } else {
      headers.add(new HttpHeader("Content-Type", "text/plain"));
      body = policyBody == null ? new byte[0] : policyBody.getBytes(StandardCharsets.UTF_8);
      statusLine = "HTTP/1.1 200 OK";
    }
    headers.add(new HttpHeader("Content-Length", Integer.toString(body.length)));
    return new FetchResult(
        "https://" + host + "/.well-known/mta-sts.txt",
        host,
        List.of(
            query(
                host,
                "A",
                List.of(new DnsAnswer(absolute(host), "A", 300, "127.0.0.1", List.of())))),
        Optional.of(new InetSocketAddress(loopback(1), 443)),
        Optional.of("TLSv1.3"),
        Optional.of("TLS_AES_128_GCM_SHA256"),
        Optional.of(verdict(certificate, host)),
        Optional.of(statusLine),
        status,
        headers,
        body,
        false,
        new FetchTimings(1, 1, 5, 2, 10),
        findings);
  }

  private MxProbeResult probe(MxHost mx) {
    String host = mx.host();
    int i = mxHosts.indexOf(host);
    InetAddress address = loopback(i + 2);
    boolean starttls = !withoutStartTls.contains(host);
    List<TranscriptLine> transcript = new ArrayList<>();
    transcript.add(
        line(TranscriptLine.Direction.NOTE, "connected to " + address.getHostAddress() + ":25"));
    transcript.add(line(TranscriptLine.Direction.SERVER, "220 " + host + " ESMTP"));
    transcript.add(line(TranscriptLine.Direction.CLIENT, "EHLO stslens.invalid"));
    transcript.add(line(TranscriptLine.Direction.SERVER, "250-" + host));
    transcript.add(
        line(TranscriptLine.Direction.SERVER, starttls ? "250 STARTTLS" : "250 8BITMIME"));
    List<Finding> findings = new ArrayList<>();
    Optional<ChainVerdict> certificate = Optional.empty();
    if (starttls) {
      transcript.add(line(TranscriptLine.Direction.CLIENT, "STARTTLS"));
      transcript.add(line(TranscriptLine.Direction.SERVER, "220 Ready to start TLS"));
      transcript.add(line(TranscriptLine.Direction.NOTE, "TLS handshake: TLSv1.3"));
      certificate = Optional.of(verdict(CA.issue(host), host));
    } else {
      // The prober's words (MxProber): what a sender concludes from the EHLO answer.
      String target = host + " [" + address.getHostAddress() + "]";
      findings.add(
          Finding.of(
              Code.SMTP_STARTTLS_MISSING,
              target,
              target
                  + " does not offer STARTTLS in its EHLO answer: MTA-STS senders will not"
                  + " deliver to it.",
              "Enable STARTTLS with a valid certificate for " + host + " on this server."));
    }
    transcript.add(line(TranscriptLine.Direction.CLIENT, "QUIT"));
    transcript.add(line(TranscriptLine.Direction.SERVER, "221 Bye"));
    EndpointProbe endpoint =
        new EndpointProbe(
            host,
            address,
            new InetSocketAddress(address, 25),
            transcript,
            Optional.of("220 " + host + " ESMTP"),
            starttls,
            starttls ? Optional.of("TLSv1.3") : Optional.empty(),
            starttls ? Optional.of("TLS_AES_128_GCM_SHA256") : Optional.empty(),
            certificate,
            findings,
            Map.of("connect", 1L, "greeting", 1L));
    DnsQuery a =
        query(
            host,
            "A",
            List.of(new DnsAnswer(absolute(host), "A", 300, address.getHostAddress(), List.of())));
    return new MxProbeResult(mx, List.of(a), List.of(endpoint), List.of(), 20);
  }

  private static StageReport stage(
      CheckStage stage, String target, List<Finding> findings, StageEvidence evidence) {
    return stage(stage, target, findings, evidence, Optional.empty());
  }

  /** As the engine finishes a stage: its status by the engine's own rule. */
  private static StageReport stage(
      CheckStage stage,
      String target,
      List<Finding> findings,
      StageEvidence evidence,
      Optional<String> notApplied) {
    StageKind kind = stage == CheckStage.MX ? StageKind.MX_HOST : StageKind.STAGE;
    return new StageReport(
        stage,
        kind,
        target,
        StageRules.status(findings, notApplied),
        0,
        10,
        findings,
        Optional.of(evidence),
        notApplied);
  }

  private static ChainVerdict verdict(IssuedCertificate certificate, String host) {
    List<X509Certificate> chain = certificate.chain();
    return VALIDATOR.validate(chain, host);
  }

  private static TranscriptLine line(TranscriptLine.Direction direction, String text) {
    return new TranscriptLine(NOW, direction, text);
  }

  private static DnsQuery txt(String name, String value) {
    return query(
        name,
        "TXT",
        List.of(new DnsAnswer(absolute(name), "TXT", 300, "\"" + value + "\"", List.of(value))));
  }

  private static DnsQuery query(String name, String type, List<DnsAnswer> answers) {
    return new DnsQuery(
        absolute(name),
        type,
        "127.0.0.1:53",
        "udp",
        1,
        answers.isEmpty() ? DnsOutcome.NO_DATA : DnsOutcome.ANSWER,
        "NOERROR",
        false,
        answers,
        List.of(absolute(name)),
        Optional.empty());
  }

  private static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  private static InetAddress loopback(int last) {
    return TestWorld.loopback("127.0.0." + last);
  }
}
