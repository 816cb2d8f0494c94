package org.stslens.engine.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.engine.fetch.FetchSettings;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabDnsServer;
import org.stslens.lab.LabHttpResponse;
import org.stslens.lab.LabHttpsServer;
import org.stslens.lab.LabPorts;
import org.stslens.lab.LabServer;
import org.stslens.lab.LabSmtpServer;
import org.stslens.lab.LabWorld;

/**
 * A small internet on loopback for end-to-end tests: one DNS server, the policy host on 127.0.0.1
 * and each MX host on its own address (127.0.0.2, .3, ...), all with certificates of a fresh test
 * CA that only this world trusts. Build the pieces, then {@link #check(String)}.
 */
public final class TestWorld implements AutoCloseable {

  public static final String POLICY_ADDRESS = "127.0.0.1";

  public final CertificateAuthority ca = CertificateAuthority.create("STS Lens test CA");
  public final LabDnsServer.Builder dns = LabDnsServer.builder().bind(loopback("127.0.0.1"));
  private final List<LabServer> servers = new ArrayList<>();
  private LabDnsServer dnsServer;
  // Unset: the lab's loopback defaults (LabWorld.loopbackOptions).
  private Duration smtpTimeout;
  private Duration fetchTimeout;
  private Duration dnsTimeout;
  private Duration slowThreshold;
  private Duration checkTimeout;
  private boolean dane = true;
  private final Map<InetSocketAddress, Integer> closedPorts = new HashMap<>();

  /** Publishes the usual records: TXT id, MX hosts, TLS-RPT, and A records for them. */
  public TestWorld standardDns(String domain, String id, String... mxHosts) {
    dns.txt("_mta-sts." + domain, "v=STSv1; id=" + id);
    dns.txt("_smtp._tls." + domain, "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain);
    dns.a("mta-sts." + domain, POLICY_ADDRESS);
    for (int i = 0; i < mxHosts.length; i++) {
      dns.mx(domain, 10 * (i + 1), mxHosts[i]);
      dns.a(mxHosts[i], mxAddress(i));
    }
    return this;
  }

  /** The loopback address of the i-th MX (0-based): 127.0.0.2, 127.0.0.3... */
  public static String mxAddress(int i) {
    return "127.0.0." + (i + 2);
  }

  /** Serves {@code response} at the policy path with a certificate for mta-sts.domain. */
  public LabHttpsServer policyHost(String domain, LabHttpResponse response) {
    return policyHost(ca.issue("mta-sts." + domain), response);
  }

  public LabHttpsServer policyHost(IssuedCertificate certificate, LabHttpResponse response) {
    LabHttpsServer server =
        LabHttpsServer.builder(certificate)
            .bind(loopback(POLICY_ADDRESS))
            .route("/.well-known/mta-sts.txt", response)
            .start();
    servers.add(server);
    return server;
  }

  /** A text/plain policy response. */
  public static LabHttpResponse policy(String mode, String... mx) {
    StringBuilder body = new StringBuilder("version: STSv1\r\nmode: " + mode + "\r\n");
    for (String m : mx) {
      body.append("mx: ").append(m).append("\r\n");
    }
    body.append("max_age: 604800\r\n");
    return LabHttpResponse.ok("text/plain", body.toString());
  }

  /** A policy response with the given media type and raw body. */
  public static LabHttpResponse policyBody(String contentType, String body) {
    return LabHttpResponse.ok(contentType, body);
  }

  /** Starts an SMTP server for the i-th MX, configured by {@code customize}. */
  public LabSmtpServer mx(
      int i, IssuedCertificate certificate, UnaryOperator<LabSmtpServer.Builder> customize) {
    LabSmtpServer server =
        customize.apply(LabSmtpServer.builder(certificate).bind(loopback(mxAddress(i)))).start();
    servers.add(server);
    return server;
  }

  /** Starts an SMTP server on any loopback address, e.g. a second address of one MX host. */
  public LabSmtpServer smtpAt(
      String address,
      IssuedCertificate certificate,
      UnaryOperator<LabSmtpServer.Builder> customize) {
    LabSmtpServer server =
        customize.apply(LabSmtpServer.builder(certificate).bind(loopback(address))).start();
    servers.add(server);
    return server;
  }

  /** Adds a server of the test's own making to the port map (and closes it with the world). */
  public <S extends LabServer> S add(S server) {
    servers.add(server);
    return server;
  }

  /**
   * Routes {@code address:standardPort} to a loopback port that was free a moment ago and has
   * nothing listening: connections to it are refused.
   */
  public TestWorld closedPort(String address, int standardPort) {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, loopback(address))) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    closedPorts.put(new InetSocketAddress(loopback(address), standardPort), port);
    return this;
  }

  /** A well-behaved MX with a valid certificate for its name. */
  public LabSmtpServer goodMx(int i, String host) {
    return mx(i, ca.issue(host), b -> b.hostname(host));
  }

  public TestWorld smtpTimeout(Duration timeout) {
    this.smtpTimeout = timeout;
    return this;
  }

  public TestWorld fetchTimeout(Duration timeout) {
    this.fetchTimeout = timeout;
    return this;
  }

  public TestWorld dnsTimeout(Duration timeout) {
    this.dnsTimeout = timeout;
    return this;
  }

  /** The whole-check limit. */
  public TestWorld checkTimeout(Duration timeout) {
    this.checkTimeout = timeout;
    return this;
  }

  /**
   * Checks without the TLSA look-up ({@code --no-dane}): its validator asks questions of its own.
   */
  public TestWorld noDane() {
    this.dane = false;
    return this;
  }

  /** Above this fetch time fetch.slow is reported (4 s in production: too slow for a test). */
  public TestWorld slowThreshold(Duration threshold) {
    this.slowThreshold = threshold;
    return this;
  }

  /** The options of a check in this world: its DNS, its CA only, its port map. */
  public CheckOptions options() {
    Map<InetSocketAddress, Integer> table = portTable();
    CheckOptions o =
        LabWorld.loopbackOptions(dnsServer().address(), ca.certificate(), PortMap.table(table));
    FetchSettings fetch = o.fetch();
    o =
        o.withFetch(
            new FetchSettings(
                fetchTimeout == null ? fetch.totalTimeout() : fetchTimeout,
                slowThreshold == null ? fetch.slowThreshold() : slowThreshold,
                fetch.maxBodyBytes()));
    if (dnsTimeout != null) {
      o = withDns(o, o.dns().withTimeout(dnsTimeout));
    }
    if (smtpTimeout != null) {
      o = o.withSmtpStepTimeout(smtpTimeout);
    }
    if (!dane) {
      o = o.withDane(o.dane().withEnabled(false));
    }
    return checkTimeout == null ? o : o.withCheckTimeout(checkTimeout);
  }

  private static CheckOptions withDns(CheckOptions o, DnsSettings dns) {
    return new CheckOptions(
        dns,
        o.fetch(),
        o.smtpStepTimeout(),
        o.trust(),
        o.portMap(),
        o.clock(),
        o.ehloName(),
        o.checkTimeout(),
        o.dane());
  }

  /** Each server's address and standard port to its actual port; closed ports included. */
  private Map<InetSocketAddress, Integer> portTable() {
    Map<InetSocketAddress, Integer> table =
        new HashMap<>(LabPorts.table(servers.toArray(new LabServer[0])));
    table.putAll(closedPorts);
    return table;
  }

  /**
   * The arguments of {@code stslens check} that reach this world ({@code --dns}, {@code --trust},
   * {@code --port-map}...), with the CA written into {@code dir}.
   */
  public List<String> checkArguments(Path dir) throws IOException {
    Path pem = dir.resolve("test-ca.pem");
    Files.writeString(pem, CertificateSummary.of(ca.certificate()).pem());
    return LabWorld.checkArguments(dnsServer().address(), Optional.of(pem), portTable());
  }

  /** {@link #checkArguments} without {@code --trust}: this world's certificates are untrusted. */
  public List<String> checkArgumentsWithoutCa() {
    return LabWorld.checkArguments(dnsServer().address(), Optional.empty(), portTable());
  }

  /** An MX host (the i-th) that accepts connections and never says a word. */
  public LabServer stallingMx(int i) {
    return add(SilentServer.stalling(mxAddress(i)));
  }

  public LabDnsServer dnsServer() {
    if (dnsServer == null) {
      dnsServer = dns.start();
    }
    return dnsServer;
  }

  /** Runs a check with its own pools and returns the report. */
  public DomainReport check(String domain) throws InterruptedException {
    return check(domain, CheckListener.NONE);
  }

  public DomainReport check(String domain, CheckListener listener) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      DomainReport report = new MtaStsChecker(options(), pool, timer).check(domain, listener);
      // every end-to-end world: the rfc8461 sender profile reads the evidence as the engine does
      org.stslens.engine.senders.RfcProfileAgreement.assertAgrees(report);
      return report;
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  /** The codes of every finding of the report, e.g. {@code fetch.redirect}. */
  public static List<String> codes(DomainReport report) {
    return report.findings().stream().map(f -> f.code().id()).toList();
  }

  /** The one finding with {@code code}; fails when there is none. */
  public static Finding finding(DomainReport report, String code) {
    return report.findings().stream()
        .filter(f -> f.code().id().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + code + " in " + codes(report) + " (" + report.verdictReason() + ")"));
  }

  /** The report of one MX host. */
  public static MxReport mx(DomainReport report, String host) {
    return report.mx().stream()
        .filter(m -> m.host().equals(host))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no MX " + host + " in " + report.mx()));
  }

  /** The codes of one MX host's findings. */
  public static List<String> mxCodes(DomainReport report, String host) {
    return mx(report, host).findings().stream().map(f -> f.code().id()).toList();
  }

  @Override
  public void close() {
    servers.forEach(LabServer::close);
    if (dnsServer != null) {
      dnsServer.close();
    }
  }

  static InetAddress loopback(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }
}
