package org.stslens.engine.net;

/**
 * A step inside a stage, at the granularity a person watching the check sees (OkHttp's
 * EventListener is the model). Each is a moment: a step that can fail has a start and two ends, one
 * for success and one for failure, so a listener never reads a detail text to tell them apart.
 */
public enum Step {
  /** A DNS question went to a resolver (once per attempt: retries show). */
  DNS_QUERY_SENT(false),
  /** The resolver answered (NOERROR or NXDOMAIN; CNAMEs may lead to another question). */
  DNS_ANSWER_RECEIVED(false),
  /** The attempt gave no usable answer: timeout, SERVFAIL, REFUSED, network error. */
  DNS_QUERY_FAILED(true),
  /** A TCP connection is being made. */
  CONNECT_STARTED(false),
  /** The TCP connection is made. */
  CONNECTED(false),
  /** The TCP connection could not be made. */
  CONNECT_FAILED(true),
  /** The SMTP server's greeting arrived (whatever its code). */
  SMTP_GREETING(false),
  /** An SMTP command was sent: EHLO, HELO, STARTTLS, QUIT. */
  SMTP_COMMAND_SENT(false),
  /** The reply to an SMTP command arrived (whatever its code). */
  SMTP_REPLY(false),
  /** No reply came: a timeout, a closed connection or garbage. */
  SMTP_NO_REPLY(true),
  /** The TLS handshake started. */
  TLS_HANDSHAKE_STARTED(false),
  /** The TLS handshake completed (the certificate is judged apart). */
  TLS_HANDSHAKE_DONE(false),
  /** The TLS handshake failed or did not finish in time. */
  TLS_HANDSHAKE_FAILED(true),
  /** The HTTPS request for the policy went out. */
  FETCH_REQUEST_SENT(false),
  /** The status line and headers of the policy response arrived. */
  FETCH_HEADERS_RECEIVED(false),
  /** The body of the policy response was read (up to the size cap). */
  FETCH_BODY_RECEIVED(false),
  /** The request to one address produced no response. */
  FETCH_FAILED(true),
  /** The DNSSEC-validated TLSA look-up of an MX host started (beside its STARTTLS probe). */
  TLSA_LOOKUP_STARTED(false),
  /** The TLSA look-up reached an answer (records or none) that validated secure or insecure. */
  TLSA_ANSWER_RECEIVED(false),
  /** The TLSA look-up failed: bogus DNSSEC, no DNSSEC conclusion, timeout or network error. */
  TLSA_LOOKUP_FAILED(true);

  private final boolean failure;

  Step(boolean failure) {
    this.failure = failure;
  }

  /** The step ended without what it was for; the stage's findings say why. */
  public boolean isFailure() {
    return failure;
  }
}
