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
 */
public record CertificateSpec(
    String commonName, List<String> sanDnsNames, Instant notBefore, Instant notAfter) {

  public CertificateSpec {
    sanDnsNames = List.copyOf(sanDnsNames);
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
