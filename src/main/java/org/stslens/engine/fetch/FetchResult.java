package org.stslens.engine.fetch;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.tls.ChainVerdict;

/**
 * Everything seen while fetching {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}.
 *
 * @param url the URL asked for
 * @param host the policy host {@code mta-sts.<domain>}
 * @param lookups the A/AAAA queries for the host
 * @param connectedTo the address and port the connection went to, if one was made
 * @param tlsVersion negotiated protocol, e.g. TLSv1.3
 * @param cipherSuite negotiated cipher suite
 * @param certificate the chain the server presented and its judgement (captured even when invalid)
 * @param statusLine e.g. {@code HTTP/1.1 200 OK}
 * @param status the status code, 0 when no response arrived
 * @param headers the response headers, in order
 * @param body the body bytes read, at most the cap plus one byte
 * @param bodyTruncated true when reading stopped at the cap
 * @param timings where the time went
 * @param findings stage-2 findings
 */
public record FetchResult(
    String url,
    String host,
    List<DnsQuery> lookups,
    Optional<InetSocketAddress> connectedTo,
    Optional<String> tlsVersion,
    Optional<String> cipherSuite,
    Optional<ChainVerdict> certificate,
    Optional<String> statusLine,
    int status,
    List<HttpHeader> headers,
    byte[] body,
    boolean bodyTruncated,
    FetchTimings timings,
    List<Finding> findings) {

  public FetchResult {
    lookups = List.copyOf(lookups);
    headers = List.copyOf(headers);
    body = body.clone();
    findings = List.copyOf(findings);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public int bodySize() {
    return body.length;
  }

  /** The body as text (UTF-8, invalid bytes replaced) for display. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Optional<String> header(String name) {
    return HttpHeader.first(headers, name);
  }

  /** True when a body was received that a sender would go on to parse. */
  public boolean policyRetrieved() {
    return findings.stream().noneMatch(Finding::isError) && status == 200;
  }

  /** The equivalent command a person could type. */
  public String curlCommand() {
    return "curl -v --max-redirs 0 " + url;
  }
}
