package org.stslens.ui.certificate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.stslens.engine.export.Visible;
import org.stslens.engine.tls.CertificateExtension;
import org.stslens.engine.tls.CertificateExtensions;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.engine.tls.Fingerprints;

/**
 * The details of one tree node as plain text, without any toolkit type: what the details pane shows
 * field by field, and what "Copy details" puts on the clipboard.
 */
final class DetailsText {

  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private DetailsText() {}

  /** A DN with a space after each RDN separator, so it wraps between RDNs. */
  static String spacedDn(String dn) {
    if (dn.isEmpty()) {
      return "(empty)";
    }
    try {
      List<Rdn> rdns = new LdapName(dn).getRdns();
      StringBuilder text = new StringBuilder();
      // LdapName lists RDNs from the right; RFC 2253 writes the most specific first.
      for (int i = rdns.size() - 1; i >= 0; i--) {
        text.append(rdns.get(i)).append(i > 0 ? ", " : "");
      }
      return Visible.line(text.toString());
    } catch (InvalidNameException | RuntimeException e) {
      return Visible.line(dn);
    }
  }

  /** Every field of a certificate, one "Name: value" line each, then its extensions and PEM. */
  static String of(ChainEntry entry, Clock clock) {
    CertificateSummary cert = entry.summary();
    StringBuilder text = new StringBuilder();
    text.append(entry.name()).append('\n');
    line(text, "Subject", spacedDn(cert.subject()));
    line(text, "Issuer", spacedDn(cert.issuer()));
    line(text, "Serial number", cert.serial());
    line(text, "Not before", DATE_TIME.format(cert.notBefore()));
    line(text, "Not after", DATE_TIME.format(cert.notAfter()));
    line(text, "Validity", Validity.of(cert.notBefore(), cert.notAfter(), clock.instant()).text());
    line(
        text,
        "DNS names",
        cert.sanDnsNames().isEmpty() ? "(none)" : String.join(", ", cert.sanDnsNames()));
    line(text, "Public key", keyText(cert));
    line(
        text,
        "Signature",
        cert.signatureAlgorithm().isEmpty() ? "(unknown)" : cert.signatureAlgorithm());
    line(text, "SHA-256", cert.sha256());
    line(text, "SHA-1", Fingerprints.sha1(cert.pem()));
    List<CertificateExtension> extensions = CertificateExtensions.ofPem(cert.pem());
    text.append("Extensions (").append(extensions.size()).append("):\n");
    for (CertificateExtension ext : extensions) {
      text.append("  ").append(ext.title()).append(" (").append(ext.oid()).append(')');
      text.append(ext.critical() ? ", critical" : "").append(": ").append(ext.value()).append('\n');
    }
    text.append(cert.pem());
    return text.toString();
  }

  /** The placeholder of a missing issuer, with its explanation. */
  static String of(MissingIssuer missing) {
    StringBuilder text = new StringBuilder(missing.sentence()).append('\n');
    for (String paragraph : explanation(missing)) {
      text.append('\n').append(paragraph).append('\n');
    }
    return text.toString();
  }

  /** What an intermediate is, why its absence breaks the chain, and the fix. */
  static List<String> explanation(MissingIssuer missing) {
    String issued = "“" + missing.issued().name() + "”";
    String issuer = "“" + missing.issuerName() + "”";
    return List.of(
        "A sender trusts a server's certificate only through a chain of certificates that ends at"
            + " a root certificate it already trusts. Between the two there is usually an"
            + " intermediate certificate: the CA signs servers' certificates with it and keeps"
            + " the root offline. The server has to send the intermediates along with its own"
            + " certificate; senders do not fetch them.",
        issued
            + " was issued by "
            + issuer
            + " ("
            + spacedDn(missing.issuer())
            + "), but the server did not send that certificate and it is not a root this check"
            + " trusts, so the chain stops here. Browsers often fetch a missing intermediate"
            + " themselves and hide the fault; mail servers that deliver mail do not.",
        "Fix: configure the server to send the full chain, its own certificate followed by the"
            + " intermediates, and reload it. For Let's Encrypt that is fullchain.pem rather than"
            + " cert.pem: nginx \"ssl_certificate /etc/letsencrypt/live/<name>/fullchain.pem;\","
            + " Apache \"SSLCertificateFile .../fullchain.pem\", Postfix \"smtpd_tls_chain_files ="
            + " privkey.pem, fullchain.pem\". For another CA, append its intermediate certificate"
            + " to the server's certificate file.",
        "If the server already sends every certificate it was given, "
            + issuer
            + " is a CA that senders do not trust: use a certificate from a publicly trusted CA.");
  }

  static String keyText(CertificateSummary cert) {
    if (cert.keyType().isEmpty()) {
      return "(unknown)";
    }
    return cert.keySize() > 0 ? cert.keyType() + ", " + cert.keySize() + " bits" : cert.keyType();
  }

  private static void line(StringBuilder text, String name, String value) {
    text.append(name).append(": ").append(value).append('\n');
  }
}
