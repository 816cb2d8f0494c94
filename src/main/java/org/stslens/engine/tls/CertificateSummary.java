package org.stslens.engine.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * What a report shows about one certificate. Built with {@link #of(X509Certificate)}, which never
 * throws: a field that cannot be read from an odd certificate is left empty (or 0 / false).
 *
 * @param subject subject DN (RFC 2253)
 * @param issuer issuer DN (RFC 2253)
 * @param serial serial number in upper-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param sanDnsNames subjectAltName dNSName entries, in order
 * @param keyType public key algorithm ("EC", "RSA", "Ed25519"...)
 * @param keySize key size in bits (EC: curve field size; RSA: modulus); 0 when unknown
 * @param signatureAlgorithm e.g. "SHA256withECDSA"
 * @param keyUsage keyUsage bit names (digitalSignature, keyCertSign...)
 * @param extendedKeyUsage names for known OIDs (serverAuth...), else the OID
 * @param sha256 SHA-256 fingerprint of the DER encoding, upper-case hex separated by colons
 * @param pem the certificate in PEM
 * @param selfIssued subject equals issuer
 * @param isCa basicConstraints says CA
 * @param hasBasicConstraints the basicConstraints extension is present (absent: not a CA either)
 * @param pathLength a CA's pathLenConstraint; -1 when there is none or the certificate is no CA
 */
public record CertificateSummary(
    String subject,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    List<String> sanDnsNames,
    String keyType,
    int keySize,
    String signatureAlgorithm,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    String sha256,
    String pem,
    boolean selfIssued,
    boolean isCa,
    boolean hasBasicConstraints,
    int pathLength) {

  private static final String[] KEY_USAGE_NAMES = {
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly"
  };

  private static final String BASIC_CONSTRAINTS_OID = "2.5.29.19";

  /** The names of the extended key usages a server certificate may carry, by OID. */
  static final Map<String, String> EKU_NAMES =
      Map.of(
          "1.3.6.1.5.5.7.3.1", "serverAuth",
          "1.3.6.1.5.5.7.3.2", "clientAuth",
          "1.3.6.1.5.5.7.3.3", "codeSigning",
          "1.3.6.1.5.5.7.3.4", "emailProtection",
          "1.3.6.1.5.5.7.3.8", "timeStamping",
          "1.3.6.1.5.5.7.3.9", "OCSPSigning",
          "2.5.29.37.0", "anyExtendedKeyUsage");

  public CertificateSummary {
    sanDnsNames = List.copyOf(sanDnsNames);
    keyUsage = List.copyOf(keyUsage);
    extendedKeyUsage = List.copyOf(extendedKeyUsage);
  }

  /** Summarizes a certificate; never throws on odd content. */
  public static CertificateSummary of(X509Certificate cert) {
    X500Principal subject = safe(cert::getSubjectX500Principal, null);
    X500Principal issuer = safe(cert::getIssuerX500Principal, null);
    byte[] der = safe(() -> encoded(cert), new byte[0]);
    PublicKey key = safe(cert::getPublicKey, null);
    return new CertificateSummary(
        subject == null ? "" : safe(() -> subject.getName(X500Principal.RFC2253), ""),
        issuer == null ? "" : safe(() -> issuer.getName(X500Principal.RFC2253), ""),
        safe(() -> cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), ""),
        safe(() -> cert.getNotBefore().toInstant(), Instant.EPOCH),
        safe(() -> cert.getNotAfter().toInstant(), Instant.EPOCH),
        safe(() -> CertificateNames.sanDnsNames(cert), List.of()),
        key == null ? "" : safe(key::getAlgorithm, ""),
        safe(() -> keySize(key), 0),
        safe(cert::getSigAlgName, ""),
        safe(() -> keyUsage(cert), List.of()),
        safe(() -> extendedKeyUsage(cert), List.of()),
        der.length == 0 ? "" : fingerprint(der),
        der.length == 0 ? "" : pem(der),
        subject != null && subject.equals(issuer),
        safe(() -> cert.getBasicConstraints() >= 0, false),
        safe(() -> cert.getExtensionValue(BASIC_CONSTRAINTS_OID) != null, false),
        safe(() -> pathLength(cert.getBasicConstraints()), -1));
  }

  /** "CA, path length 0", "CA", "not a CA", or "absent (not a CA)", as the viewer shows it. */
  public String basicConstraintsText() {
    if (!hasBasicConstraints) {
      return "absent (not a CA)";
    }
    if (!isCa) {
      return "not a CA (CA:FALSE)";
    }
    return pathLength >= 0 ? "CA (CA:TRUE), path length " + pathLength : "CA (CA:TRUE)";
  }

  private static int pathLength(int basicConstraints) {
    // getBasicConstraints(): -1 for no CA, Integer.MAX_VALUE for a CA without a limit.
    return basicConstraints == Integer.MAX_VALUE ? -1 : basicConstraints;
  }

  /** The validity window contains {@code instant} (both ends inclusive, as in RFC 5280). */
  public boolean validAt(Instant instant) {
    return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      return new byte[0];
    }
  }

  private static int keySize(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getCurve().getField().getFieldSize();
    }
    if (key instanceof RSAPublicKey rsa) {
      return rsa.getModulus().bitLength();
    }
    if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
      return dsa.getParams().getP().bitLength();
    }
    if (key != null && "Ed25519".equalsIgnoreCase(key.getAlgorithm())) {
      return 255;
    }
    if (key != null && "Ed448".equalsIgnoreCase(key.getAlgorithm())) {
      return 448;
    }
    return 0;
  }

  private static List<String> keyUsage(X509Certificate cert) {
    boolean[] bits = cert.getKeyUsage();
    return bits == null ? List.of() : keyUsageNames(bits);
  }

  /** The names of the key usage bits that are set, in the order of RFC 5280 §4.2.1.3. */
  static List<String> keyUsageNames(boolean[] bits) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        names.add(i < KEY_USAGE_NAMES.length ? KEY_USAGE_NAMES[i] : "bit" + i);
      }
    }
    return names;
  }

  private static List<String> extendedKeyUsage(X509Certificate cert) throws Exception {
    List<String> oids = cert.getExtendedKeyUsage();
    if (oids == null) {
      return List.of();
    }
    return oids.stream().map(oid -> EKU_NAMES.getOrDefault(oid, oid)).toList();
  }

  private static String fingerprint(byte[] der) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      return ""; // every Java platform has SHA-256; keep the promise not to throw anyway
    }
  }

  private static String pem(byte[] der) {
    Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN CERTIFICATE-----\n"
        + encoder.encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }

  /** Reads one field; a broken certificate yields the fallback instead of an exception. */
  private static <T> T safe(ThrowingSupplier<T> reader, T fallback) {
    try {
      T value = reader.get();
      return value == null ? fallback : value;
    } catch (Exception e) {
      return fallback;
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
