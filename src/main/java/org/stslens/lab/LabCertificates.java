package org.stslens.lab;

/**
 * The certificate a lab server presents for a {@link Scenario.CertificateKind} word. Shared by the
 * in-process lab ({@link LabWorld}) and the interop tests that hand the same certificates to real
 * servers (nginx, Postfix).
 */
public final class LabCertificates {

  private LabCertificates() {}

  /**
   * Issues the certificate of the given kind for a server called {@code name} in the scenario of
   * {@code domain}.
   *
   * @param ca the lab CA that the check trusts
   * @param kind a certificate kind word, e.g. {@code not-yet-valid}
   * @param name the server's host name (the policy host or an MX host)
   * @param domain the scenario's domain, for {@code wildcard-of-domain}
   */
  public static IssuedCertificate issue(
      CertificateAuthority ca, String kind, String name, String domain) {
    return switch (Scenario.CertificateKind.parse(kind)) {
      case VALID -> ca.issue(CertificateSpec.valid(name));
      case EXPIRED -> ca.issue(CertificateSpec.expired(name));
      case NOT_YET_VALID -> ca.issue(CertificateSpec.notYetValid(name));
      case EXPIRING_SOON -> ca.issue(CertificateSpec.expiringIn(5, name));
      case WRONG_NAME -> ca.issue(CertificateSpec.valid("www.wrong-name.lab.example"));
      case SELF_SIGNED -> CertificateAuthority.selfSigned(CertificateSpec.valid(name));
      case UNKNOWN_CA ->
          CertificateAuthority.create("Some other CA").issue(CertificateSpec.valid(name));
      case MISSING_INTERMEDIATE ->
          ca.intermediate("STS Lens lab intermediate")
              .issue(CertificateSpec.valid(name))
              .leafOnly();
      case WILDCARD ->
          ca.issue(CertificateSpec.valid("*." + name.substring(name.indexOf('.') + 1)));
      case WILDCARD_OF_DOMAIN -> ca.issue(CertificateSpec.valid("*." + domain));
      case CLIENT_AUTH_ONLY ->
          ca.issue(
              CertificateSpec.valid(name).withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY));
      case CA_LEAF -> ca.issue(CertificateSpec.valid(name).withPurpose(CertificateSpec.Purpose.CA));
      case SHA1_SIGNED ->
          ca.issue(CertificateSpec.valid(name).withDigest(CertificateSpec.Digest.SHA1));
    };
  }
}
