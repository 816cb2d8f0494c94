package org.stslens.engine.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
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
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
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
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Stage;
import org.stslens.engine.net.CancelScope;
import org.stslens.engine.net.PortMap;
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
   * Fetches the policy of {@code domain}.
   *
   * @throws InterruptedException when the check is cancelled
   */
  public FetchResult fetch(String domain, CancelScope scope) throws InterruptedException {
    scope.checkpoint();
    String host = policyHost(domain);
    String url = policyUrl(domain);
    Attempt attempt = new Attempt(host, url);
    DnsjavaResolver resolver = new DnsjavaResolver(dns, portMap);
    TlsClientContexts.Capturing capturing = TlsClientContexts.capturing();
    SSLContext sslContext = capturing.context();
    TlsSocketStrategy tls =
        (socket, target, port, attachment, context) ->
            attempt.handshake(sslContext, socket, target);
    Timeout limit = Timeout.of(settings.totalTimeout());
    HttpGet request = new HttpGet(url);
    AtomicBoolean deadlineHit = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        timer.schedule(
            () -> {
              deadlineHit.set(true);
              request.cancel();
            },
            settings.totalTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try (CloseableHttpClient client =
            HttpClients.custom()
                .setConnectionManager(
                    PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(
                            ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(
                    RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .build();
        CancelScope.Registration registration = scope.register(request::cancel)) {
      request.setHeader("Accept", "text/plain");
      HttpClientContext context = HttpClientContext.create();
      attempt.requestSentNanos = System.nanoTime();
      try (ClassicHttpResponse response = client.executeOpen(null, request, context)) {
        attempt.firstByteNanos = System.nanoTime();
        attempt.readResponse(response, settings.maxBodyBytes(), request);
      }
    } catch (IOException | RuntimeException e) {
      scope.checkpoint();
      attempt.failure(e, deadlineHit.get(), resolver);
    } finally {
      watchdog.cancel(false);
    }
    scope.checkpoint();
    attempt.dnsMillis = resolver.elapsedMillis();
    attempt.connectStartNanos = resolver.endNanos();
    List<X509Certificate> chain = capturing.trustManager().serverChain().orElse(List.of());
    Optional<ChainVerdict> verdict =
        chain.isEmpty() ? Optional.empty() : Optional.of(validator.validate(chain, host));
    return attempt.result(resolver.queries(), verdict, settings);
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

    Attempt(String host, String url) {
      this.host = host;
      this.url = url;
    }

    SSLSocket handshake(SSLContext context, java.net.Socket socket, String target)
        throws IOException {
      tlsStartNanos = System.nanoTime();
      if (socket.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
        connectedTo = remote;
      }
      SSLSocket ssl =
          (SSLSocket)
              context.getSocketFactory().createSocket(socket, target, socket.getPort(), true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(target)));
      ssl.setSSLParameters(parameters);
      ssl.startHandshake();
      tlsEndNanos = System.nanoTime();
      tlsVersion = ssl.getSession().getProtocol();
      cipherSuite = ssl.getSession().getCipherSuite();
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
    }

    void failure(Exception e, boolean deadlineHit, DnsjavaResolver resolver) {
      Throwable cause = e;
      if (deadlineHit
          || cause instanceof SocketTimeoutException
          || cause instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
        if (connectedTo == null && tlsStartNanos == 0 && !deadlineHit) {
          findings.add(
              Finding.of(
                  Code.FETCH_CONNECT_FAILED,
                  host,
                  "No TCP connection to port 443 of " + host + ": " + cause.getMessage(),
                  "Make sure the policy host accepts HTTPS connections on port 443 from the"
                      + " internet (firewall, listening web server)."));
        } else {
          findings.add(
              Finding.of(
                  Code.FETCH_TIMEOUT,
                  url,
                  "No complete answer within the time limit ("
                      + (deadlineHit ? "total limit reached" : cause.getMessage())
                      + ").",
                  "Serve the small policy file quickly; senders give up after at most 60 s,"
                      + " some after 4 s."));
        }
        return;
      }
      if (cause instanceof UnknownHostException) {
        List<DnsQuery> queries = resolver.queries();
        Optional<DnsQuery> temporary =
            queries.stream().filter(q -> q.outcome().isTemporary()).findFirst();
        if (temporary.isPresent()) {
          findings.add(
              new Finding(
                  Code.DNS_TEMPORARY_FAILURE,
                  Code.DNS_TEMPORARY_FAILURE.severity(),
                  Stage.RETRIEVAL,
                  host,
                  "The address of "
                      + host
                      + " could not be looked up: "
                      + temporary.get().error().orElse("temporary DNS failure")
                      + ". This is not the same as having no policy.",
                  "Check the DNS servers of the domain and try again.",
                  0,
                  0));
        } else {
          findings.add(
              Finding.of(
                  Code.FETCH_HOST_UNRESOLVABLE,
                  host,
                  host + " has no A or AAAA record, so no sender can fetch the policy.",
                  "Publish an A and/or AAAA record (or a CNAME to your web host) for "
                      + host
                      + "."));
        }
        return;
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        findings.add(
            Finding.of(
                Code.FETCH_CONNECT_FAILED,
                host,
                "Could not connect to port 443 of " + host + ": " + cause.getMessage(),
                "Run an HTTPS server on " + host + " port 443 reachable from the internet."));
        return;
      }
      if (cause instanceof SSLException) {
        findings.add(
            Finding.of(
                Code.FETCH_TLS_FAILED,
                host,
                "The TLS handshake with " + host + " failed: " + cause.getMessage(),
                "Serve HTTPS with TLS 1.2 or 1.3 and a certificate for " + host + "."));
        return;
      }
      if (cause instanceof org.apache.hc.core5.http.NoHttpResponseException) {
        findings.add(
            Finding.of(
                Code.FETCH_CONNECT_FAILED,
                url,
                host
                    + " accepted the connection and TLS, then closed it without answering the"
                    + " request.",
                "Check the web server's configuration for "
                    + host
                    + " (virtual host, TLS"
                    + " termination, access rules)."));
        return;
      }
      findings.add(
          Finding.of(
              Code.FETCH_CONNECT_FAILED,
              url,
              "The request failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
              "Check that " + url + " answers over HTTPS."));
    }

    FetchResult result(
        List<DnsQuery> lookups, Optional<ChainVerdict> certificate, FetchSettings settings) {
      long end = System.nanoTime();
      certificate.ifPresent(v -> findings.addAll(CertificateFindings.findings(v, CodeSet.FETCH)));
      if (status != 0) {
        judgeResponse(settings);
      }
      long totalMillis = (end - startNanos) / 1_000_000;
      if (totalMillis > settings.slowThreshold().toMillis()
          && findings.stream().noneMatch(f -> f.code() == Code.FETCH_TIMEOUT)) {
        findings.add(
            Finding.of(
                Code.FETCH_SLOW,
                url,
                "The policy took "
                    + totalMillis
                    + " ms to fetch; some senders (Postfix's"
                    + " MTA-STS resolver) give up after 4 s.",
                "Serve the policy from a fast, close host; it is a tiny static file."));
      }
      FetchTimings timings =
          new FetchTimings(
              dnsMillis,
              tlsStartNanos == 0 || connectStartNanos == 0
                  ? -1
                  : (tlsStartNanos - connectStartNanos) / 1_000_000,
              tlsEndNanos == 0 ? -1 : (tlsEndNanos - tlsStartNanos) / 1_000_000,
              firstByteNanos == 0 ? -1 : (firstByteNanos - requestSentNanos) / 1_000_000,
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

    private void judgeResponse(FetchSettings settings) {
      if (status >= 300 && status < 400) {
        String location =
            headers.stream()
                .filter(h -> h.name().equalsIgnoreCase("Location"))
                .map(HttpHeader::value)
                .findFirst()
                .orElse("(no Location header)");
        findings.add(
            Finding.of(
                Code.FETCH_REDIRECT,
                url,
                "The server answered "
                    + statusLine
                    + " pointing to "
                    + location
                    + ". Senders must not follow redirects (RFC 8461 §3.3), so they see no"
                    + " policy.",
                "Serve the file itself at "
                    + url
                    + " with status 200; remove the redirect"
                    + " (often an HTTP-to-HTTPS or www rule that also catches this host)."));
        return;
      }
      if (status != 200) {
        findings.add(
            Finding.of(
                Code.FETCH_HTTP_STATUS,
                url,
                "The server answered " + statusLine + "; only 200 counts as a policy.",
                "Place the policy file at /.well-known/mta-sts.txt on " + host + "."));
        return;
      }
      if (truncated) {
        findings.add(
            Finding.of(
                Code.FETCH_TOO_LARGE,
                url,
                "The body is larger than "
                    + settings.maxBodyBytes()
                    + " bytes; reading stopped there. Senders may refuse such a policy.",
                "A policy is a few lines; serve only the policy text."));
        return;
      }
      String contentType =
          headers.stream()
              .filter(h -> h.name().equalsIgnoreCase("Content-Type"))
              .map(HttpHeader::value)
              .findFirst()
              .orElse(null);
      if (!BodyInspector.isTextPlain(contentType)) {
        findings.add(
            Finding.of(
                Code.FETCH_CONTENT_TYPE,
                url,
                (contentType == null
                        ? "The response has no Content-Type header"
                        : "The response is served as \"" + contentType + "\"")
                    + "; RFC 8461 §3.3 says senders should check for text/plain, and strict"
                    + " ones (Postfix's resolver, Go-based MTAs) ignore the policy.",
                "Serve mta-sts.txt with \"Content-Type: text/plain\"."));
      }
      BodyInspector.whyNotText(body)
          .ifPresent(
              why ->
                  findings.add(
                      Finding.of(
                          Code.FETCH_NOT_TEXT,
                          url,
                          "This is not a policy text: " + why + ".",
                          "Serve the plain policy text (ASCII/UTF-8) at " + url + ".")));
    }
  }
}
