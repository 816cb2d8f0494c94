package org.stslens.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a lab server certificate says about itself.
 *
 * @param commonName the subject CN, or null for a subject without CN
 * @param sanDnsNames subjectAltName dNSName entries; empty for a CN-only certificate
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param purpose what the certificate's extensions allow it to be
 * @param digest the hash the issuer signs it with
 */
public record CertificateSpec(
    String commonName,
    List<String> sanDnsNames,
    Instant notBefore,
    Instant notAfter,
    Purpose purpose,
    Digest digest) {

  /** The extensions of a lab leaf certificate. */
  public enum Purpose {
    /**
     * A server certificate as public CAs issue them: CA:FALSE, key usage digitalSignature and
     * keyAgreement, extended key usage serverAuth and clientAuth.
     */
    TLS_SERVER,
    /** Extended key usage clientAuth only: a client certificate installed on a server. */
    CLIENT_AUTH_ONLY,
    /** A CA certificate (CA:TRUE, key usage keyCertSign and cRLSign) for the server's name. */
    CA
  }

  /**
   * The hash of the issuer's signature (the lab CA's key is EC: SHA256withECDSA, SHA1withECDSA).
   */
  public enum Digest {
    SHA256,
    SHA1
  }

  public CertificateSpec {
    sanDnsNames = List.copyOf(sanDnsNames);
    purpose = purpose == null ? Purpose.TLS_SERVER : purpose;
    digest = digest == null ? Digest.SHA256 : digest;
  }

  /** A TLS server certificate signed with SHA-256. */
  public CertificateSpec(
      String commonName, List<String> sanDnsNames, Instant notBefore, Instant notAfter) {
    this(commonName, sanDnsNames, notBefore, notAfter, Purpose.TLS_SERVER, Digest.SHA256);
  }

  /** The same certificate with other extensions. */
  public CertificateSpec withPurpose(Purpose newPurpose) {
    return new CertificateSpec(commonName, sanDnsNames, notBefore, notAfter, newPurpose, digest);
  }

  /** The same certificate signed with another hash. */
  public CertificateSpec withDigest(Digest newDigest) {
    return new CertificateSpec(commonName, sanDnsNames, notBefore, notAfter, purpose, newDigest);
  }

  /** Valid from yesterday for 90 days, for the given names (the first is also the CN). */
  public static CertificateSpec valid(String... names) {
    Instant now = Instant.now();
    return new CertificateSpec(
        names.length > 0 ? names[0] : null,
        List.of(names),
        now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(90)));
  }

  /** Expired ten days ago. */
  public static CertificateSpec expired(String... names) {
    Instant now = Instant.now();
    return new CertificateSpec(
        names.length > 0 ? names[0] : null,
        List.of(names),
        now.minus(Duration.ofDays(100)),
        now.minus(Duration.ofDays(10)));
  }

  /** Valid only from ten days from now. */
  public static CertificateSpec notYetValid(String... names) {
    Instant now = Instant.now();
    return new CertificateSpec(
        names.length > 0 ? names[0] : null,
        List.of(names),
        now.plus(Duration.ofDays(10)),
        now.plus(Duration.ofDays(100)));
  }

  /** Valid now but expiring in the given number of days. */
  public static CertificateSpec expiringIn(int days, String... names) {
    Instant now = Instant.now();
    return new CertificateSpec(
        names.length > 0 ? names[0] : null,
        List.of(names),
        now.minus(Duration.ofDays(60)),
        now.plus(Duration.ofDays(days)).plus(Duration.ofHours(1)));
  }

  /** A CN-only certificate without subjectAltName, which RFC 8461 never accepts. */
  public static CertificateSpec commonNameOnly(String commonName) {
    Instant now = Instant.now();
    return new CertificateSpec(
        commonName, List.of(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
  }
}
