package org.stslens.engine.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.stslens.engine.dns.Discovery;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.net.CancelScope;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.net.Step;
import org.stslens.engine.net.StepListener;
import org.stslens.engine.tls.CertificateFindings;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tls.CodeSet;
import org.stslens.engine.tls.TlsClientContexts;

/**
 * Stage 2: fetches the policy exactly as an RFC 8461 §3.3 sender does — HTTPS on port 443 of {@code
 * mta-sts.<domain>}, SNI set, redirects never followed, only 200 accepted, body capped — while
 * keeping every piece of evidence. The certificate is captured whatever it is and judged separately
 * by our own validator, so an invalid one is analysed and shown, never trusted.
 */
public final class PolicyFetcher {

  public static final String PATH = "/.well-known/mta-sts.txt";
  private static final String USER_AGENT = "STS-Lens/0.1 (MTA-STS diagnostics)";

  /**
   * Addresses of the policy host tried one after the other; a hostile zone with hundreds of dead
   * addresses must not multiply the wait, and more say nothing new.
   */
  public static final int MAX_ADDRESSES = 3;

  private final DnsClient dns;
  private final PortMap portMap;
  private final ChainValidator validator;
  private final FetchSettings settings;
  private final ScheduledExecutorService timer;

  public PolicyFetcher(
      DnsClient dns,
      PortMap portMap,
      ChainValidator validator,
      FetchSettings settings,
      ScheduledExecutorService timer) {
    this.dns = dns;
    this.portMap = portMap;
    this.validator = validator;
    this.settings = settings;
    this.timer = timer;
  }

  public static String policyHost(String domain) {
    return "mta-sts." + domain;
  }

  public static String policyUrl(String domain) {
    return "https://" + policyHost(domain) + PATH;
  }

  /**
   * Fetches the policy of {@code domain}. The total limit covers everything: the look-ups, every
   * address tried, the handshake and the body.
   *
   * @throws InterruptedException when the check is cancelled
   */
  public FetchResult fetch(String domain, CancelScope scope) throws InterruptedException {
    return fetch(domain, scope, StepListener.NONE);
  }

  /**
   * Fetches as {@link #fetch(String, CancelScope)} does, telling {@code steps} of each address
   * tried: connected, TLS handshake, request sent, headers and body received, or failed. (The
   * look-ups are told by the {@link DnsClient} this fetcher was given.)
   *
   * @throws InterruptedException when the check is cancelled
   */
  public FetchResult fetch(String domain, CancelScope scope, StepListener steps)
      throws InterruptedException {
    scope.checkpoint();
    String host = policyHost(domain);
    String url = policyUrl(domain);
    Attempt attempt = new Attempt(host, url, steps);
    long deadline = attempt.startNanos + settings.totalTimeout().toNanos();
    DnsjavaResolver resolver = new DnsjavaResolver(dns.until(deadline), portMap);
    TlsClientContexts.Capturing capturing = TlsClientContexts.capturing();
    SSLContext sslContext = capturing.context();
    AtomicReference<HttpGet> current = new AtomicReference<>();
    AtomicBoolean deadlineHit = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        timer.schedule(
            () -> {
              deadlineHit.set(true);
              HttpGet request = current.get();
              if (request != null) {
                request.cancel();
              }
            },
            settings.totalTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try (CancelScope.Registration registration =
        scope.register(
            () -> {
              HttpGet request = current.get();
              if (request != null) {
                request.cancel();
              }
            })) {
      List<InetAddress> addresses;
      try {
        addresses = resolver.lookup(host);
      } catch (UnknownHostException e) {
        scope.checkpoint();
        attempt.failure(e, deadlineHit.get() || System.nanoTime() >= deadline, resolver, "");
        addresses = List.of();
      }
      attempt.dnsMillis = resolver.elapsedMillis();
      if (addresses.size() > MAX_ADDRESSES) {
        attempt.findings.add(addressLimit(host, addresses.size()));
      }
      List<InetAddress> chosen = addresses.subList(0, Math.min(addresses.size(), MAX_ADDRESSES));
      List<String> tried = new ArrayList<>();
      for (int i = 0; i < chosen.size(); i++) {
        boolean last = i == chosen.size() - 1;
        long left = deadline - System.nanoTime();
        if (left <= 0 || deadlineHit.get()) {
          // before the first address: the look-ups took all the time
          attempt.failure(
              i == 0
                  ? new UnknownHostException(host)
                  : new SocketTimeoutException("total limit reached"),
              true,
              resolver,
              triedText(tried, chosen.size() - i, addresses.size() - chosen.size()));
          break;
        }
        attempt.steps.step(Step.CONNECT_STARTED, chosen.get(i).getHostAddress() + " port 443");
        Optional<Exception> failed =
            tryAddress(attempt, resolver.pinned(chosen.get(i)), sslContext, left, current, scope);
        if (failed.isEmpty()) {
          break;
        }
        tried.add(chosen.get(i).getHostAddress() + " (" + attempt.phaseReached() + ")");
        boolean timeUp = deadlineHit.get() || System.nanoTime() >= deadline;
        // As HttpClient itself does: a failure before TLS completes moves on to the next address.
        if (last || timeUp || attempt.tlsEndNanos != 0) {
          attempt.failure(
              failed.get(),
              timeUp,
              resolver,
              triedText(tried, chosen.size() - i - 1, addresses.size() - chosen.size()));
          break;
        }
      }
    } finally {
      watchdog.cancel(false);
    }
    scope.checkpoint();
    List<X509Certificate> chain = capturing.trustManager().serverChain().orElse(List.of());
    Optional<ChainVerdict> verdict =
        chain.isEmpty() ? Optional.empty() : Optional.of(validator.validate(chain, host));
    return attempt.result(resolver.queries(), verdict, settings);
  }

  /**
   * One request to one address, within what is left of the total limit.
   *
   * @return the failure, empty when a response was read
   */
  private Optional<Exception> tryAddress(
      Attempt attempt,
      DnsResolver pinned,
      SSLContext sslContext,
      long leftNanos,
      AtomicReference<HttpGet> current,
      CancelScope scope)
      throws InterruptedException {
    attempt.startAddress();
    TlsSocketStrategy tls =
        (socket, target, port, attachment, context) ->
            attempt.handshake(sslContext, socket, target);
    Timeout limit = Timeout.ofMilliseconds(Math.max(1, leftNanos / 1_000_000));
    HttpGet request = new HttpGet(attempt.url);
    current.set(request);
    try (CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(pinned)
                    .setTlsSocketStrategy(tls)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(USER_AGENT)
            .build()) {
      request.setHeader("Accept", "text/plain");
      HttpClientContext context = HttpClientContext.create();
      if (scope.isCancelled()) {
        request.cancel();
      }
      attempt.requestSentNanos = System.nanoTime();
      try (ClassicHttpResponse response = client.executeOpen(null, request, context)) {
        attempt.firstByteNanos = System.nanoTime();
        attempt.readResponse(response, settings.maxBodyBytes(), request);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      scope.checkpoint();
      attempt.steps.step(Step.FETCH_FAILED, attempt.phaseReached());
      return Optional.of(e);
    } finally {
      current.set(null);
    }
  }

  /** fetch.address-limit: more addresses than are worth trying one after the other. */
  private static Finding addressLimit(String host, int count) {
    return Finding.of(
        Code.FETCH_ADDRESS_LIMIT,
        host,
        host
            + " has "
            + count
            + " addresses; STS Lens tries at most the first "
            + MAX_ADDRESSES
            + " (in the order DNS gave them), one after the other, all within the fetch's time"
            + " limit.",
        "");
  }

  /** "Tried 127.0.0.2 (no connection), 127.0.0.3 (...); 1 more not tried." or empty. */
  private static String triedText(List<String> tried, int notReached, int beyondLimit) {
    if (tried.isEmpty() && notReached == 0 && beyondLimit == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (!tried.isEmpty()) {
      text.append("Tried ").append(String.join(", ", tried)).append(".");
    }
    int untried = notReached + beyondLimit;
    if (untried > 0) {
      text.append(text.length() == 0 ? "" : " ")
          .append(untried)
          .append(untried == 1 ? " address" : " addresses")
          .append(" not tried")
          .append(beyondLimit > 0 ? " (at most " + MAX_ADDRESSES + " are tried)" : "")
          .append(".");
    }
    return text.toString();
  }

  /** The mutable state of one fetch, turned into an immutable result at the end. */
  private static final class Attempt {
    final String host;
    final String url;
    final long startNanos = System.nanoTime();
    final List<Finding> findings = new ArrayList<>();
    volatile long connectStartNanos;
    volatile long tlsStartNanos;
    volatile long tlsEndNanos;
    long requestSentNanos;
    long firstByteNanos;
    long dnsMillis = -1;
    volatile InetSocketAddress connectedTo;
    volatile String tlsVersion;
    volatile String cipherSuite;
    String statusLine;
    int status;
    final List<HttpHeader> headers = new ArrayList<>();
    byte[] body = new byte[0];
    boolean truncated;

    final StepListener steps;

    Attempt(String host, String url, StepListener steps) {
      this.host = host;
      this.url = url;
      this.steps = steps;
    }

    SSLSocket handshake(SSLContext context, java.net.Socket socket, String target)
        throws IOException {
      tlsStartNanos = System.nanoTime();
      if (socket.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
        connectedTo = remote;
      }
      steps.step(Step.CONNECTED, "in " + (tlsStartNanos - connectStartNanos) / 1_000_000 + " ms");
      steps.step(Step.TLS_HANDSHAKE_STARTED, "SNI " + target);
      SSLSocket ssl =
          (SSLSocket)
              context.getSocketFactory().createSocket(socket, target, socket.getPort(), true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(target)));
      ssl.setSSLParameters(parameters);
      try {
        ssl.startHandshake();
      } catch (IOException e) {
        steps.step(Step.TLS_HANDSHAKE_FAILED, e.getClass().getSimpleName());
        throw e;
      }
      tlsEndNanos = System.nanoTime();
      tlsVersion = ssl.getSession().getProtocol();
      cipherSuite = ssl.getSession().getCipherSuite();
      steps.step(Step.TLS_HANDSHAKE_DONE, tlsVersion + ", " + cipherSuite);
      // HttpClient writes the request on this socket as soon as it is returned
      steps.step(Step.FETCH_REQUEST_SENT, "GET " + PATH);
      return ssl;
    }

    void readResponse(ClassicHttpResponse response, int cap, HttpGet request) throws IOException {
      status = response.getCode();
      statusLine =
          response.getVersion()
              + " "
              + status
              + (response.getReasonPhrase() == null ? "" : " " + response.getReasonPhrase());
      for (Header h : response.getHeaders()) {
        headers.add(new HttpHeader(h.getName(), h.getValue()));
      }
      steps.step(Step.FETCH_HEADERS_RECEIVED, statusLine);
      HttpEntity entity = response.getEntity();
      if (entity != null) {
        try (InputStream in = entity.getContent()) {
          // Read one byte past the cap to know that it was exceeded, then stop reading.
          body = in.readNBytes(cap + 1);
          if (body.length > cap) {
            truncated = true;
            request.cancel();
          }
        }
      }
      steps.step(
          Step.FETCH_BODY_RECEIVED,
          truncated ? "more than " + cap + " bytes, cut there" : body.length + " bytes");
    }

    /** A new address: the connection state describes the latest one tried. */
    void startAddress() {
      connectStartNanos = System.nanoTime();
      connectedTo = null;
      tlsStartNanos = 0;
      tlsEndNanos = 0;
    }

    /** How far the latest address got, in words. */
    String phaseReached() {
      if (tlsEndNanos != 0) {
        return "TLS done, no complete answer";
      }
      if (tlsStartNanos != 0) {
        return "connected, TLS handshake not completed";
      }
      return "no connection";
    }

    void failure(Exception e, boolean deadlineHit, DnsjavaResolver resolver, String tried) {
      boolean connected = connectedTo != null || tlsStartNanos != 0;
      findings.add(
          FetchFailures.classify(e, deadlineHit, connected, host, url, resolver.queries(), tried));
    }

    FetchResult result(
        List<DnsQuery> lookups, Optional<ChainVerdict> certificate, FetchSettings settings) {
      long end = System.nanoTime();
      for (DnsQuery q : lookups) {
        Discovery.foreignRecords(q, CheckStage.RETRIEVAL).ifPresent(findings::add);
      }
      certificate.ifPresent(v -> findings.addAll(CertificateFindings.findings(v, CodeSet.FETCH)));
      if (status != 0) {
        findings.addAll(
            ResponseChecks.judge(
                url, host, status, statusLine, headers, body, truncated, settings.maxBodyBytes()));
      }
      long totalMillis = (end - startNanos) / 1_000_000;
      if (findings.stream().noneMatch(f -> f.code() == Code.FETCH_TIMEOUT)) {
        SlowFetch.judge(url, totalMillis, settings.slowThreshold()).ifPresent(findings::add);
      }
      FetchTimings timings =
          new FetchTimings(
              dnsMillis,
              tlsStartNanos == 0 || connectStartNanos == 0
                  ? -1
                  : (tlsStartNanos - connectStartNanos) / 1_000_000,
              tlsEndNanos == 0 ? -1 : (tlsEndNanos - tlsStartNanos) / 1_000_000,
              // from the end of the handshake (when the request goes out) to the status line
              firstByteNanos == 0
                  ? -1
                  : (firstByteNanos - (tlsEndNanos != 0 ? tlsEndNanos : requestSentNanos))
                      / 1_000_000,
              totalMillis);
      return new FetchResult(
          url,
          host,
          lookups,
          Optional.ofNullable(connectedTo),
          Optional.ofNullable(tlsVersion),
          Optional.ofNullable(cipherSuite),
          certificate,
          Optional.ofNullable(statusLine),
          status,
          headers,
          body,
          truncated,
          timings,
          findings);
    }
  }
}
