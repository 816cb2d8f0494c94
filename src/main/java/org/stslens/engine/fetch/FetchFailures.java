package org.stslens.engine.fetch;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/** Names what went wrong when the policy request produced no response at all. Pure. */
final class FetchFailures {

  private FetchFailures() {}

  /**
   * @param deadlineHit the total time limit cancelled the request
   * @param connected a TCP connection was made (the TLS handshake started)
   * @param lookups the A/AAAA queries of the policy host
   * @param tried the addresses tried before, in words (empty when there was one)
   */
  static Finding classify(
      Exception e,
      boolean deadlineHit,
      boolean connected,
      String host,
      String url,
      List<DnsQuery> lookups,
      String tried) {
    Finding finding = classify(e, deadlineHit, connected, host, url, lookups);
    return tried.isEmpty()
        ? finding
        : new Finding(
            finding.code(),
            finding.severity(),
            finding.stage(),
            finding.target(),
            finding.message() + (finding.message().endsWith(".") ? " " : ". ") + tried,
            finding.fix(),
            finding.line(),
            finding.column());
  }

  private static Finding classify(
      Exception e,
      boolean deadlineHit,
      boolean connected,
      String host,
      String url,
      List<DnsQuery> lookups) {
    if (deadlineHit && e instanceof UnknownHostException) {
      return Finding.of(
          Code.FETCH_TIMEOUT,
          url,
          "The fetch's total time limit ran out while looking up the address of " + host + ".",
          "Make the DNS of "
              + host
              + " answer quickly (a short CNAME chain, responsive name servers); senders"
              + " give up after at most 60 s, some after 4 s.");
    }
    if (deadlineHit
        || e instanceof SocketTimeoutException
        || e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
      if (!connected && !deadlineHit) {
        return Finding.of(
            Code.FETCH_CONNECT_FAILED,
            host,
            "No TCP connection to port 443 of " + host + ": " + e.getMessage(),
            "Make sure the policy host accepts HTTPS connections on port 443 from the"
                + " internet (firewall, listening web server).");
      } else {
        return Finding.of(
            Code.FETCH_TIMEOUT,
            url,
            "No complete answer within the time limit ("
                + (deadlineHit ? "total limit reached" : e.getMessage())
                + ").",
            "Serve the small policy file quickly; senders give up after at most 60 s,"
                + " some after 4 s.");
      }
    }
    if (e instanceof UnknownHostException) {
      Optional<DnsQuery> temporary =
          lookups.stream().filter(q -> q.outcome().isTemporary()).findFirst();
      if (temporary.isPresent()) {
        return new Finding(
            Code.DNS_TEMPORARY_FAILURE,
            Code.DNS_TEMPORARY_FAILURE.severity(),
            CheckStage.RETRIEVAL,
            host,
            "The address of "
                + host
                + " could not be looked up: "
                + temporary.get().error().orElse("temporary DNS failure")
                + ". This is not the same as having no policy.",
            "Check the DNS servers of the domain and try again.",
            0,
            0);
      } else {
        return Finding.of(
            Code.FETCH_HOST_UNRESOLVABLE,
            host,
            host + " has no A or AAAA record, so no sender can fetch the policy.",
            "Publish an A and/or AAAA record (or a CNAME to your web host) for " + host + ".");
      }
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return Finding.of(
          Code.FETCH_CONNECT_FAILED,
          host,
          "Could not connect to port 443 of " + host + ": " + e.getMessage(),
          "Run an HTTPS server on " + host + " port 443 reachable from the internet.");
    }
    if (e instanceof SSLException) {
      return Finding.of(
          Code.FETCH_TLS_FAILED,
          host,
          "The TLS handshake with " + host + " failed: " + e.getMessage(),
          "Serve HTTPS with TLS 1.2 or 1.3 and a certificate for " + host + ".");
    }
    if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
      return Finding.of(
          Code.FETCH_CONNECT_FAILED,
          url,
          host
              + " accepted the connection and TLS, then closed it without answering the"
              + " request.",
          "Check the web server's configuration for "
              + host
              + " (virtual host, TLS"
              + " termination, access rules).");
    }
    if (e instanceof org.apache.hc.core5.http.MessageConstraintException
        || e instanceof org.apache.hc.client5.http.ClientProtocolException) {
      // The server did answer: oversized or too many header lines, or a garbled head.
      return Finding.of(
          Code.FETCH_MALFORMED_RESPONSE,
          url,
          host + " answered with a response that is not readable HTTP: " + e.getMessage() + ".",
          "Serve the policy with a plain HTTP/1.1 response: a status line, a few short headers"
              + " (Content-Type: text/plain) and the policy text.");
    }
    return Finding.of(
        Code.FETCH_CONNECT_FAILED,
        url,
        "The request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
        "Check that " + url + " answers over HTTPS.");
  }
}
