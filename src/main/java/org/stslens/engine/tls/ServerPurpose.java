package org.stslens.engine.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.tls.CertificateProblem.Kind;

/**
 * Whether certificates may serve a TLS server, judged as the senders' TLS libraries judge it. The
 * JDK's PKIX validation ignores these purposes; its TLS trust manager ({@code
 * sun.security.validator.EndEntityChecker}, TLS server variant) and OpenSSL's {@code
 * X509_PURPOSE_SSL_SERVER} do not. The rules below were checked against both on this machine (JDK
 * 17, OpenSSL 3.0):
 *
 * <ul>
 *   <li>Extended key usage, when present, must name serverAuth (or one of the obsolete
 *       Server-Gated-Cryptography OIDs, which OpenSSL, the JDK and Go all still take for it).
 *       anyExtendedKeyUsage alone is NOT enough: OpenSSL (so Postfix and Exim) refuses it with
 *       "unsuitable certificate purpose", on the leaf and on an intermediate alike, while the JDK
 *       and Go accept it. A sender that refuses is what counts.
 *   <li>Key usage of the leaf, when present: an RSA key needs digitalSignature or keyEncipherment
 *       (OpenSSL accepts either in every TLS version; the JDK needs digitalSignature except for
 *       static RSA key exchange). Any other key (EC, EdDSA, DSA) needs digitalSignature: the JDK
 *       asks for it for TLS 1.3 and every ECDHE suite, and OpenSSL will not negotiate ECDSA in TLS
 *       1.2 without it; keyAgreement would only serve the static ECDH suites nobody enables.
 *   <li>basicConstraints CA:TRUE on the leaf is not refused by itself: neither OpenSSL (without its
 *       strict mode) nor the JDK nor Go checks it. A CA certificate sent as the server's is refused
 *       through its key usage (keyCertSign, cRLSign), and reported as such, with the CA named,
 *       because the usual cause is a server configured with the CA certificate.
 *   <li>Intermediates: OpenSSL and Go check extended key usage down the chain, the JDK only on the
 *       leaf; an intermediate whose EKU excludes serverAuth makes the chain unusable for the
 *       former, so it is reported.
 * </ul>
 *
 * Netscape certificate types (an extension from the 1990s that both libraries still read) are not
 * judged.
 */
final class ServerPurpose {

  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
  private static final String NETSCAPE_SGC = "2.16.840.1.113730.4.1";
  private static final String MICROSOFT_SGC = "1.3.6.1.4.1.311.10.3.3";

  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_AGREEMENT = 4;

  private static final Map<String, String> PURPOSE_WORDS =
      Map.of(
          "1.3.6.1.5.5.7.3.2", "TLS client authentication",
          "1.3.6.1.5.5.7.3.3", "code signing",
          "1.3.6.1.5.5.7.3.4", "email protection (S/MIME)",
          "1.3.6.1.5.5.7.3.8", "time stamping",
          "1.3.6.1.5.5.7.3.9", "OCSP signing",
          "1.3.6.1.5.5.7.3.5", "IPsec end systems",
          "1.3.6.1.5.5.7.3.6", "IPsec tunnels",
          "1.3.6.1.5.5.7.3.7", "IPsec users",
          "1.3.6.1.5.5.7.3.17", "IKE intermediates");

  private ServerPurpose() {}

  /** What keeps the leaf from serving TLS, if anything. Never throws. */
  static Optional<CertificateProblem> ofLeaf(
      X509Certificate leaf, CertificateSummary summary, String host) {
    List<String> reasons = new ArrayList<>();
    extendedKeyUsage(leaf).ifPresent(reasons::add);
    keyUsage(leaf, summary).ifPresent(reasons::add);
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CertificateProblem(
            Kind.WRONG_PURPOSE,
            0,
            "The certificate of "
                + host
                + " "
                + String.join("; it also ", reasons)
                + ". It cannot serve as a TLS server certificate."));
  }

  /**
   * What keeps a CA on the path from issuing TLS server certificates, if anything: only its
   * extended key usage (see the class comment). Never throws.
   */
  static Optional<CertificateProblem> ofIssuer(
      X509Certificate issuer, CertificateSummary summary, int index, String host) {
    Optional<List<String>> oids = ekuOids(issuer);
    if (oids.isPresent() && allowsServer(oids.get())) {
      return Optional.empty();
    }
    String limit =
        oids.isEmpty()
            ? "has an extended key usage that cannot be read"
            : oids.get().contains(ANY_EXTENDED_KEY_USAGE)
                ? "is limited by extended key usage to anyExtendedKeyUsage, which OpenSSL-based"
                    + " senders such as Postfix do not accept for a TLS server chain (Java and Go"
                    + " senders do)"
                : "is limited by extended key usage to "
                    + purposes(oids.get())
                    + ", not TLS server authentication: OpenSSL and Go senders refuse every server"
                    + " certificate issued under it (Java senders check the leaf only)";
    return Optional.of(
        new CertificateProblem(
            Kind.WRONG_PURPOSE,
            index,
            ChainValidator.who(summary, index, host) + " " + limit + "."));
  }

  /** The leaf's EKU fault as a clause after "The certificate of host", if any. */
  private static Optional<String> extendedKeyUsage(X509Certificate leaf) {
    Optional<List<String>> oids = ekuOids(leaf);
    if (oids.isEmpty()) {
      return Optional.of("has an extended key usage that cannot be read");
    }
    if (allowsServer(oids.get())) {
      return Optional.empty();
    }
    if (oids.get().contains(ANY_EXTENDED_KEY_USAGE)) {
      return Optional.of(
          "names no TLS server purpose: its extended key usage is anyExtendedKeyUsage, which"
              + " OpenSSL-based senders such as Postfix do not accept for a server (\"unsuitable"
              + " certificate purpose\"; Java and Go senders do)");
    }
    return Optional.of(
        "is for "
            + purposes(oids.get())
            + " only: its extended key usage lacks serverAuth (TLS Web Server Authentication),"
            + " so senders refuse it (OpenSSL: \"unsuitable certificate purpose\")");
  }

  /** The leaf's key usage fault for its key type, as a clause, if any. */
  private static Optional<String> keyUsage(X509Certificate leaf, CertificateSummary summary) {
    boolean[] bits = leaf.getKeyUsage();
    if (bits == null) {
      return Optional.empty();
    }
    boolean rsa = "RSA".equalsIgnoreCase(summary.keyType());
    boolean signs = bit(bits, DIGITAL_SIGNATURE);
    boolean encrypts = bit(bits, KEY_ENCIPHERMENT);
    if (signs || (rsa && encrypts)) {
      return Optional.empty();
    }
    String usage =
        summary.keyUsage().isEmpty() ? "(no bits)" : String.join(", ", summary.keyUsage());
    String needs =
        rsa
            ? "neither digitalSignature nor keyEncipherment, one of which its RSA key needs for TLS"
            : "no digitalSignature, which its "
                + (summary.keyType().isEmpty() ? "" : summary.keyType() + " ")
                + "key needs to sign the TLS handshake";
    // OpenSSL's own purpose check wants any of digitalSignature, keyEncipherment, keyAgreement;
    // with one of the last two it still fails the JDK, and for EC keys OpenSSL's TLS 1.2.
    String who =
        !encrypts && !bit(bits, KEY_AGREEMENT)
            ? " (OpenSSL: \"unsuitable certificate purpose\")"
            : rsa
                ? " (Java senders refuse it)"
                : " (Java senders refuse it, and OpenSSL cannot use it with TLS 1.2)";
    if (summary.isCa()) {
      return Optional.of(
          "is a CA certificate (basicConstraints CA:TRUE, key usage "
              + usage
              + "), not a server certificate: its key usage allows "
              + needs
              + who);
    }
    return Optional.of("has key usage " + usage + ", which allows " + needs + who);
  }

  private static boolean bit(boolean[] bits, int index) {
    return bits.length > index && bits[index];
  }

  /** The EKU OIDs (empty list when there is no EKU extension); empty when unreadable. */
  private static Optional<List<String>> ekuOids(X509Certificate cert) {
    try {
      List<String> oids = cert.getExtendedKeyUsage();
      return Optional.of(oids == null ? List.of() : oids);
    } catch (CertificateParsingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** No EKU at all, or one that names TLS server authentication. */
  private static boolean allowsServer(List<String> oids) {
    return oids.isEmpty()
        || oids.contains(SERVER_AUTH)
        || oids.contains(NETSCAPE_SGC)
        || oids.contains(MICROSOFT_SGC);
  }

  /** "TLS client authentication and email protection (S/MIME)". */
  private static String purposes(List<String> oids) {
    List<String> words =
        oids.stream().map(oid -> PURPOSE_WORDS.getOrDefault(oid, "purpose " + oid)).toList();
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }
}
