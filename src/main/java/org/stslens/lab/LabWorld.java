package org.stslens.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.check.CheckOptions;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.engine.fetch.FetchSettings;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.tls.TrustAnchors;

/**
 * The running world of one {@link Scenario}, all on loopback: a DNS server and the policy host on
 * {@code 127.0.N.1}, MX host i (1-based) on {@code 127.0.N.(i+1)}, every certificate from a lab CA
 * that only {@link #options()} trusts. {@code N} is 0 unless several worlds run side by side.
 */
public final class LabWorld implements AutoCloseable {

  /** The standard ports the lab servers stand in for. */
  private static final int HTTPS = 443;

  private static final int SMTP = 25;

  /**
   * One byte a second: far below any per-read timeout (the issue saw 1.5 s hold a probe with 3 s
   * steps), far above what a TLS flight of a few KB needs to outlast any step limit.
   */
  static final Duration DRIP_INTERVAL = Duration.ofSeconds(1);

  private final Scenario scenario;
  private final CertificateAuthority ca;
  private final String subnet;
  private final List<LabServer> servers = new ArrayList<>();
  private final Map<InetSocketAddress, Integer> ports = new LinkedHashMap<>();
  private LabDnsServer dns;
  private LabDnssec dnssec;

  private LabWorld(Scenario scenario, CertificateAuthority ca, int subnet) {
    this.scenario = scenario;
    this.ca = ca;
    this.subnet = "127.0." + subnet + ".";
  }

  /** Starts the world of {@code scenario} (or of its fix) with a fresh lab CA on 127.0.0.x. */
  public static LabWorld start(Scenario scenario, boolean fixed) {
    return start(scenario, fixed, CertificateAuthority.create("STS Lens lab CA"), 0);
  }

  /**
   * Starts the world with the given CA on {@code 127.0.subnet.x} (subnet 0–254), so that several
   * worlds can share one CA and run at once.
   */
  public static LabWorld start(
      Scenario scenario, boolean fixed, CertificateAuthority ca, int subnet) {
    if (subnet < 0 || subnet > 254) {
      throw new IllegalArgumentException("subnet " + subnet);
    }
    LabWorld world = new LabWorld(fixed ? scenario.fixed() : scenario, ca, subnet);
    try {
      world.startServers();
      return world;
    } catch (RuntimeException e) {
      world.close();
      throw e;
    }
  }

  /** The scenario this world runs: the fixed variant when started fixed. */
  public Scenario scenario() {
    return scenario;
  }

  public String domain() {
    return scenario.domain();
  }

  /** The policy host's loopback address. */
  public String policyAddress() {
    return subnet + "1";
  }

  /** The loopback address of MX host i, 1-based. */
  public String mxAddress(int i) {
    return subnet + (i + 1);
  }

  public InetSocketAddress dnsAddress() {
    return dns.address();
  }

  public X509Certificate caCertificate() {
    return ca.certificate();
  }

  /** Writes the lab CA certificate as PEM, for {@code --trust} and {@code curl --cacert}. */
  public Path writeCaPem(Path file) throws IOException {
    return Files.writeString(file, pem(ca.certificate()), StandardCharsets.US_ASCII);
  }

  /** Where connections to each loopback address and standard port really go. */
  public Map<InetSocketAddress, Integer> portMap() {
    return Map.copyOf(ports);
  }

  /**
   * The DNSSEC trust anchor of a world whose scenario signs its zones (the DS of the lab's parent
   * zone, zone-file form, for {@code --trust-anchor}); empty for a world without DNSSEC.
   */
  public Optional<String> trustAnchor() {
    return Optional.ofNullable(dnssec).map(LabDnssec::trustAnchor);
  }

  /** The {@code --port-map} values of {@code stslens check}: {@code IP:STANDARD_PORT=PORT}. */
  public List<String> portMapArguments() {
    return LabPorts.arguments(ports);
  }

  /**
   * The arguments of {@code stslens check} that reach this world: {@code --dns}, {@code --trust}
   * with the CA written to {@code caPem}, and a {@code --port-map} per server.
   */
  public List<String> checkArguments(Path caPem) throws IOException {
    return checkArguments(dns.address(), Optional.of(writeCaPem(caPem)), ports);
  }

  /**
   * {@link #checkArguments(Path)} of any loopback world (the tests' own too); without {@code
   * caPem}, no {@code --trust}: the lab's certificates are then untrusted.
   */
  public static List<String> checkArguments(
      InetSocketAddress dns, Optional<Path> caPem, Map<InetSocketAddress, Integer> ports) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--dns", dns.getAddress().getHostAddress() + ":" + dns.getPort()));
    caPem.ifPresent(pem -> args.addAll(List.of("--trust", pem.toString())));
    for (String mapping : LabPorts.arguments(ports)) {
      args.addAll(List.of("--port-map", mapping));
    }
    return args;
  }

  /**
   * The "Try it yourself" commands of this world: its DNS server, its port map, the CA written to
   * {@code caFile} (see {@link #writeCaPem}).
   */
  public org.stslens.engine.report.TryCommands tryCommands(Path caFile) {
    return org.stslens.engine.report.TryCommands.lab(dns.address(), portMap(), caFile.toString());
  }

  /**
   * The commands that look around this world, as {@code lab serve} prints them: the TXT record, the
   * policy (when there is a policy host) and the STARTTLS handshake of each MX host with an
   * address.
   */
  public List<String> lookAround(Path caFile) {
    org.stslens.engine.report.TryCommands commands = tryCommands(caFile);
    List<String> lines = new ArrayList<>();
    lines.add(commands.dig("_mta-sts." + domain(), "TXT"));
    if (scenario.policyHost() != null) {
      lines.add(
          commands.curl("mta-sts." + domain(), java.util.Optional.of(address(policyAddress()))));
    }
    List<Scenario.MxHost> mxHosts = scenario.mx();
    for (int i = 0; i < mxHosts.size(); i++) {
      if (!mxHosts.get(i).noAddress()) {
        lines.add(commands.openssl(mxHosts.get(i).name(), address(mxAddress(i + 1))));
      }
    }
    return List.copyOf(lines);
  }

  /** The fetch time above which the scenario expects {@code fetch.slow}, if it lowers it. */
  public Duration slowThreshold() {
    return scenario.slowThresholdMs() == null
        ? FetchSettings.defaults().slowThreshold()
        : Duration.ofMillis(scenario.slowThresholdMs());
  }

  /**
   * A check of this world: its DNS server, the lab CA as the only trust anchor (never the system
   * store), its port map, short timeouts (DNS 2 s, fetch 10 s, SMTP 5 s).
   */
  public CheckOptions options() {
    CheckOptions o = loopbackOptions(dns.address(), ca.certificate(), PortMap.table(portMap()));
    if (dnssec != null) {
      // the lab's signed parent zone is the trust anchor, as --trust-anchor would give it
      o =
          o.withDane(
              o.dane()
                  .withAnchors(
                      org.stslens.engine.dane.DaneTrustAnchors.parse(dnssec.trustAnchor())));
    }
    return o.withFetch(
        new FetchSettings(o.fetch().totalTimeout(), slowThreshold(), o.fetch().maxBodyBytes()));
  }

  /**
   * The options of a check in any loopback world (the lab's, the tests'): {@code dns} only, {@code
   * ca} as the only trust anchor, {@code ports}, and short timeouts, since nothing on loopback is
   * slow unless a scenario makes it so: DNS 2 s without retries, fetch 10 s, SMTP steps 5 s.
   */
  public static CheckOptions loopbackOptions(
      InetSocketAddress dns, X509Certificate ca, PortMap ports) {
    return new CheckOptions(
        new DnsSettings(List.of(dns), Duration.ofSeconds(2), 0),
        new FetchSettings(
            Duration.ofSeconds(10),
            FetchSettings.DEFAULT_SLOW_THRESHOLD,
            FetchSettings.MAX_POLICY_BYTES),
        Duration.ofSeconds(5),
        TrustAnchors.of(List.of(ca)),
        ports,
        Clock.systemUTC(),
        "stslens.invalid");
  }

  @Override
  public void close() {
    servers.forEach(LabServer::close);
    servers.clear();
    if (dns != null) {
      dns.close();
    }
  }

  private void startServers() {
    String domain = scenario.domain();
    LabDnsServer.Builder records = LabDnsServer.builder().bind(address(policyAddress()));
    Scenario.Dns d = scenario.dns();
    d.txt().forEach((name, txts) -> txts.forEach(t -> records.txt(name, t)));
    d.a().forEach((name, token) -> records.a(name, resolve(token)));
    d.cname().forEach(records::cname);
    d.servfail().forEach(records::servfail);
    d.truncate().forEach(records::truncate);
    d.drop().forEach(records::drop);
    d.foreignAnswers().forEach((name, rrs) -> rrs.forEach(rr -> records.foreignAnswer(name, rr)));
    d.stalledA()
        .forEach(
            (name, ips) ->
                ips.forEach(
                    ip -> {
                      records.a(name, resolve(ip));
                      add(LabStallingServer.start(address(resolve(ip)), HTTPS));
                    }));
    List<Scenario.MxHost> mxHosts = scenario.mx();
    for (int i = 0; i < mxHosts.size(); i++) {
      Scenario.MxHost mx = mxHosts.get(i);
      records.mx(domain, mx.preference(), mx.name());
      // an MX host that the scenario makes an alias gets its address through the CNAME's target
      if (!mx.noAddress() && !d.cname().containsKey(mx.name())) {
        records.a(mx.name(), mxAddress(i + 1));
      }
    }
    if (d.nullMx()) {
      records.mx(domain, 0, ".");
    }
    if (d.additionalAddresses()) {
      records.additionalAddresses();
    }
    // The MX certificates exist before the DNS starts: TLSA records name them.
    List<IssuedCertificate> mxCertificates = new ArrayList<>();
    for (Scenario.MxHost mx : mxHosts) {
      mxCertificates.add(certificate(mx.certificate(), mx.name()));
    }
    if (!d.tlsa().isEmpty()) {
      IssuedCertificate retired = ca.issue(mxHosts.isEmpty() ? domain : mxHosts.get(0).name());
      d.tlsa()
          .forEach(
              (name, rrs) ->
                  rrs.forEach(rr -> tlsa(records, name, rr, mxCertificates, retired.leaf())));
    }
    if (d.dnssec() != null) {
      dnssec = LabDnssec.create(domain, LabDnssec.Mode.parse(d.dnssec()));
      records.dnssec(dnssec);
    }
    dns = records.start();

    Scenario.PolicyHost host = scenario.policyHost();
    if (host != null) {
      add(
          LabHttpsServer.builder(certificate(host.certificate(), "mta-sts." + domain))
              .bind(address(policyAddress()))
              .route("/.well-known/mta-sts.txt", response(host))
              .start());
    }
    for (int i = 0; i < mxHosts.size(); i++) {
      Scenario.MxHost mx = mxHosts.get(i);
      String ip = mxAddress(i + 1);
      if (mx.noAddress()) {
        continue; // nothing can connect to a name without an address
      }
      if (mx.portClosed()) {
        closedPort(ip, SMTP);
        continue;
      }
      LabSmtpServer.Builder smtp =
          LabSmtpServer.builder(mxCertificates.get(i)).bind(address(ip)).hostname(mx.name());
      if (mx.greeting() != 220) {
        smtp.greeting(mx.greeting(), "service not available");
      }
      if (mx.ehlo() != null) {
        smtp.rejectHelo(mx.ehlo());
      }
      switch (mx.starttls()) {
        case "true" -> {}
        case "false" -> smtp.advertiseStartTls(false);
        case "refused" -> smtp.refuseStartTls();
        default -> throw new IllegalArgumentException("starttls: " + mx.starttls());
      }
      if (mx.drip() != null) {
        smtp.drip(DripRelay.Drip.of(mx.drip()), DRIP_INTERVAL);
      }
      add(smtp.start());
    }
  }

  private void add(LabServer server) {
    servers.add(server);
    ports.put(
        new InetSocketAddress(server.address().getAddress(), server.standardPort()),
        server.address().getPort());
  }

  /**
   * Routes {@code ip:standardPort} to a port that was free a moment ago: connections are refused.
   */
  private void closedPort(String ip, int standardPort) {
    try (ServerSocket probe = new ServerSocket(0, 1, address(ip))) {
      ports.put(new InetSocketAddress(address(ip), standardPort), probe.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LabHttpResponse response(Scenario.PolicyHost host) {
    if (host.stall()) {
      return LabHttpResponse.stall();
    }
    LabHttpResponse response;
    if (host.redirectTo() != null) {
      response =
          LabHttpResponse.redirect(host.status() == 200 ? 301 : host.status(), host.redirectTo());
    } else {
      String body = host.servedBody();
      response =
          (host.reason() == null
                  ? LabHttpResponse.status(host.status())
                  : LabHttpResponse.status(host.status(), host.reason()))
              .withHeader("Content-Type", host.contentType())
              .withBody(body);
    }
    for (Map.Entry<String, String> header : host.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    if (host.delayMs() != null) {
      response = response.withDelay(Duration.ofMillis(host.delayMs()));
    }
    return response;
  }

  /** A TLSA record of the scenario, {@code "3 1 1 mx1"}: its data made from what it names. */
  private void tlsa(
      LabDnsServer.Builder records,
      String name,
      String record,
      List<IssuedCertificate> mxCertificates,
      X509Certificate retired) {
    String[] p = record.strip().split("\\s+");
    if (p.length != 4) {
      throw new IllegalArgumentException("TLSA record is \"USAGE SELECTOR TYPE WHAT\": " + record);
    }
    int usage = Integer.parseInt(p[0]);
    int selector = Integer.parseInt(p[1]);
    int type = Integer.parseInt(p[2]);
    X509Certificate named;
    if (p[3].equals("ca")) {
      named = ca.certificate();
    } else if (p[3].equals("retired")) {
      named = retired;
    } else if (p[3].matches("mx[1-9][0-9]?")) {
      named = mxCertificates.get(Integer.parseInt(p[3].substring(2)) - 1).leaf();
    } else {
      records.tlsa(name, usage, selector, type, java.util.HexFormat.of().parseHex(p[3]));
      return;
    }
    try {
      byte[] selected = selector == 0 ? named.getEncoded() : named.getPublicKey().getEncoded();
      records.tlsa(
          name,
          usage,
          selector,
          type,
          org.stslens.engine.dane.TlsaMatcher.associationData(selected, type));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private IssuedCertificate certificate(String kind, String name) {
    return LabCertificates.issue(ca, kind, name, scenario.domain());
  }

  private String resolve(String token) {
    return resolve(token, policyAddress(), this::mxAddress);
  }

  /**
   * A scenario's address token: {@code policy-host}, {@code mx1}, {@code mx2}..., {@code spare1} to
   * {@code spare99} (further addresses of the world's subnet, .101 to .199), or a literal loopback
   * address (anything else is refused: the lab never points outside loopback). Shared with the
   * interop suite, which places the same scenarios on real servers.
   */
  public static String resolve(
      String token, String policyAddress, java.util.function.IntFunction<String> mxAddress) {
    if (token.equals("policy-host")) {
      return policyAddress;
    }
    if (token.matches("mx[1-9][0-9]?")) {
      return mxAddress.apply(Integer.parseInt(token.substring(2)));
    }
    if (token.matches("spare[1-9][0-9]?")) {
      // the world's own subnet, above the policy host and MX addresses
      return policyAddress.substring(0, policyAddress.lastIndexOf('.') + 1)
          + (100 + Integer.parseInt(token.substring(5)));
    }
    if (!token.startsWith("127.")) {
      throw new IllegalArgumentException("lab addresses are loopback only: " + token);
    }
    return token;
  }

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }

  static String pem(X509Certificate certificate) {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
