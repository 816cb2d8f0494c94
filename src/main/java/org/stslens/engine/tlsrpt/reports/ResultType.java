package org.stslens.engine.tlsrpt.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.finding.Code;

/**
 * The result types of RFC 8460 §4.3 explained in plain words: what the sender saw, the usual
 * causes, how to fix it, and which STS Lens findings produce it (from {@link Code#tlsrptType()}).
 */
public enum ResultType {
  STARTTLS_NOT_SUPPORTED(
      "starttls-not-supported",
      Scope.MX,
      "The receiving MX did not offer STARTTLS in its EHLO answer, so the sender could not start"
          + " TLS.",
      "STARTTLS switched off or not configured on that host; a firewall, load balancer or"
          + " \"SMTP fixup\" that strips STARTTLS from the EHLO answer; a backup MX set up"
          + " without TLS.",
      "Enable STARTTLS with a valid certificate on every MX host and make sure nothing between"
          + " the sender and the server removes it.",
      "still no STARTTLS"),
  CERTIFICATE_HOST_MISMATCH(
      "certificate-host-mismatch",
      Scope.MX,
      "The MX presented a certificate that does not name the MX host the sender connected to.",
      "A certificate made for another name (the web site, the provider's default host); a"
          + " wildcard that covers more or fewer labels than the host name; an MX renamed"
          + " without a new certificate.",
      "Install a certificate whose subjectAltName lists the MX host name exactly, or as a"
          + " wildcard of one label.",
      "the certificate still does not name it"),
  CERTIFICATE_EXPIRED(
      "certificate-expired",
      Scope.MX,
      "The MX presented a certificate whose validity period has ended (or not yet begun).",
      "Renewal did not run, or ran but the mail server was never reloaded; the renewal did not"
          + " cover the MX name.",
      "Renew the certificate, reload the mail server, and monitor expiry.",
      "still expired"),
  CERTIFICATE_NOT_TRUSTED(
      "certificate-not-trusted",
      Scope.MX,
      "The MX's certificate chain did not lead to a certificate authority the sender trusts.",
      "A self-signed or private-CA certificate; an intermediate certificate missing from the"
          + " chain the server sends.",
      "Use a certificate from a public CA and configure the server to send the full chain.",
      "still not trusted"),
  VALIDATION_FAILURE(
      "validation-failure",
      Scope.MX,
      "The TLS session or the policy match failed for a reason no narrower type covers: the"
          + " handshake broke off, or the MX host is not covered by the policy's mx patterns.",
      "An MX host missing from the policy's mx lines; a wildcard pattern one label too shallow;"
          + " no protocol version or cipher in common; a certificate with the wrong purpose.",
      "List every MX host in the policy (mx: lines) and offer TLS 1.2 or later with a"
          + " certificate made for a server.",
      "still fails"),
  TLSA_INVALID(
      "tlsa-invalid",
      Scope.MX,
      "DANE: the TLSA records of the MX were invalid or matched no certificate the host sent.",
      "A certificate or key renewed without updating the TLSA record; a malformed TLSA record.",
      "Publish TLSA records for the new key before switching to it, and keep them in step.",
      "still matches no certificate the host sends"),
  DNSSEC_INVALID(
      "dnssec-invalid",
      Scope.MX,
      "DANE: the DNSSEC validation of the MX's records failed.",
      "Expired signatures, a broken chain of trust (DS records) or a key rollover gone wrong.",
      "Repair the zone's DNSSEC signing and its DS records at the parent.",
      "DNSSEC still fails"),
  DANE_REQUIRED(
      "dane-required",
      Scope.MX,
      "DANE: the sender requires DANE for this domain, but found no usable TLSA records.",
      "TLSA records removed or never published while the sender expects them.",
      "Publish TLSA records for every MX host, DNSSEC-signed.",
      "still no usable, DNSSEC-secure TLSA records"),
  STS_POLICY_FETCH_ERROR(
      "sts-policy-fetch-error",
      Scope.DOMAIN,
      "The sender could not fetch the MTA-STS policy over HTTPS (no answer, no address, an HTTP"
          + " error or a redirect).",
      "mta-sts.<domain> has no address or points at a host that does not serve the file; the"
          + " file is missing (404) or redirected; port 443 is closed or too slow.",
      "Serve https://mta-sts.<domain>/.well-known/mta-sts.txt with status 200, without"
          + " redirects, from a host that answers quickly.",
      "the policy still cannot be fetched"),
  STS_POLICY_INVALID(
      "sts-policy-invalid",
      Scope.DOMAIN,
      "The sender fetched the policy but could not parse it.",
      "A missing or misspelt field (version, mode, max_age, mx); a wrong content type; a BOM or"
          + " an HTML page instead of the text file.",
      "Fix the policy text: the STS Lens policy editor underlines each mistake.",
      "the policy is still invalid"),
  STS_WEBPKI_INVALID(
      "sts-webpki-invalid",
      Scope.DOMAIN,
      "The HTTPS certificate of the policy host (mta-sts.<domain>) was not valid.",
      "A certificate that does not name mta-sts.<domain>, has expired, or lacks its"
          + " intermediate certificate.",
      "Install a publicly trusted certificate for mta-sts.<domain> with its full chain.",
      "the policy host's certificate is still invalid");

  /** What a result type is about: one receiving MX, or the domain's policy. */
  public enum Scope {
    MX,
    DOMAIN
  }

  private final String id;
  private final Scope scope;
  private final String senderSaw;
  private final String causes;
  private final String fix;
  private final String stillSeen;

  ResultType(
      String id, Scope scope, String senderSaw, String causes, String fix, String stillSeen) {
    this.id = id;
    this.scope = scope;
    this.senderSaw = senderSaw;
    this.causes = causes;
    this.fix = fix;
    this.stillSeen = stillSeen;
  }

  /** As written in reports, e.g. {@code certificate-expired}. */
  public String id() {
    return id;
  }

  public Scope scope() {
    return scope;
  }

  public String senderSaw() {
    return senderSaw;
  }

  public String causes() {
    return causes;
  }

  public String fix() {
    return fix;
  }

  /** How a re-test that finds the cause again says so ("still expired"). */
  public String stillSeen() {
    return stillSeen;
  }

  /**
   * True when some STS Lens finding is reported as this type (MTA-STS, and DANE since issue 18).
   */
  public boolean checked() {
    return !producedBy().isEmpty();
  }

  /** A DANE result type (RFC 8460 §4.3.2): its causes are in an MX's DANE result. */
  public boolean dane() {
    return this == TLSA_INVALID || this == DNSSEC_INVALID || this == DANE_REQUIRED;
  }

  /** The STS Lens findings a sender reports as this type, in catalog order. */
  public List<Code> producedBy() {
    return Arrays.stream(Code.values())
        .filter(c -> c.tlsrptType().filter(id::equals).isPresent())
        .toList();
  }

  /** The type a report names; senders write the ids in lower case, tolerated in any case. */
  public static Optional<ResultType> byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }
}
