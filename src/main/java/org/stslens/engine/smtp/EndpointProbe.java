package org.stslens.engine.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.net.ConnectFailure;
import org.stslens.engine.tls.ChainVerdict;

/**
 * What probing one MX address found.
 *
 * @param mxHost the MX host name (used for SNI and certificate matching)
 * @param address the address probed
 * @param connectedTo where the connection went (or was tried), after the port map
 * @param transcript the conversation, in order
 * @param greeting the server's greeting text, sanitized, if one was received
 * @param starttlsOffered the EHLO answer advertised STARTTLS
 * @param tlsVersion the negotiated protocol, e.g. "TLSv1.3", when the handshake succeeded
 * @param cipherSuite the negotiated cipher suite, when the handshake succeeded
 * @param certificate the verdict on the presented chain, when one was received
 * @param findings every finding, targeted at {@code mxHost [address]}
 * @param timingsMillis durations of the steps that ran: connect, greeting, ehlo, starttls,
 *     handshake, and total (insertion order)
 * @param connectFailure why the TCP connection failed, when it did
 */
public record EndpointProbe(
    String mxHost,
    InetAddress address,
    InetSocketAddress connectedTo,
    List<TranscriptLine> transcript,
    Optional<String> greeting,
    boolean starttlsOffered,
    Optional<String> tlsVersion,
    Optional<String> cipherSuite,
    Optional<ChainVerdict> certificate,
    List<Finding> findings,
    Map<String, Long> timingsMillis,
    Optional<ConnectFailure> connectFailure) {

  public EndpointProbe {
    Objects.requireNonNull(mxHost, "mxHost");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(connectFailure, "connectFailure");
    transcript = List.copyOf(transcript);
    findings = List.copyOf(findings);
    timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
  }

  /** A probe whose TCP connection was made. */
  public EndpointProbe(
      String mxHost,
      InetAddress address,
      InetSocketAddress connectedTo,
      List<TranscriptLine> transcript,
      Optional<String> greeting,
      boolean starttlsOffered,
      Optional<String> tlsVersion,
      Optional<String> cipherSuite,
      Optional<ChainVerdict> certificate,
      List<Finding> findings,
      Map<String, Long> timingsMillis) {
    this(
        mxHost,
        address,
        connectedTo,
        transcript,
        greeting,
        starttlsOffered,
        tlsVersion,
        cipherSuite,
        certificate,
        findings,
        timingsMillis,
        Optional.empty());
  }

  /** No error finding: an RFC 8461 sender would deliver to this address. */
  public boolean passed() {
    return findings.stream().noneMatch(Finding::isError);
  }

  /** The connection got no answer at all within the step limit: a filtered port 25. */
  public boolean connectTimedOut() {
    return connectFailure.filter(f -> f == ConnectFailure.TIMED_OUT).isPresent();
  }

  /** The finding target used for this endpoint, e.g. {@code mx1.example.com [192.0.2.1]}. */
  public String target() {
    return target(mxHost, address);
  }

  static String target(String mxHost, InetAddress address) {
    return mxHost + " [" + address.getHostAddress() + "]";
  }
}
