package org.stslens.engine.tls;

import java.security.AlgorithmParameters;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes certificate signatures made with a broken hash (MD2, MD4, MD5, SHA-1), by the
 * signature algorithm's OID rather than its display name.
 *
 * <p>What senders do with them differs, which is why they are named on their own: OpenSSL 3 refuses
 * both at its default security level ("CA signature digest algorithm too weak"; a server will not
 * even load such a certificate), Go refuses SHA-1 since 1.18, and the JDK refuses MD5 always but
 * SHA-1 only for chains to a root of its own cacerts ({@code jdk.certpath.disabledAlgorithms = ...
 * SHA1 jdkCA & usage TLSServer}): a SHA-1 chain to a private root passes plain PKIX.
 */
final class WeakSignatures {

  /** The broken hash of a signature algorithm. */
  enum Hash {
    MD2("MD2"),
    MD4("MD4"),
    MD5("MD5"),
    SHA1("SHA-1");

    private final String word;

    Hash(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }

  private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

  private static final Map<String, Hash> BY_OID =
      Map.of(
          "1.2.840.113549.1.1.2", Hash.MD2, // md2WithRSAEncryption
          "1.2.840.113549.1.1.3", Hash.MD4, // md4WithRSAEncryption
          "1.2.840.113549.1.1.4", Hash.MD5, // md5WithRSAEncryption
          "1.2.840.113549.1.1.5", Hash.SHA1, // sha1WithRSAEncryption
          "1.3.14.3.2.29", Hash.SHA1, // sha1WithRSASignature (OIW)
          "1.2.840.10045.4.1", Hash.SHA1, // ecdsa-with-SHA1
          "1.2.840.10040.4.3", Hash.SHA1, // dsa-with-sha1
          "1.3.14.3.2.27", Hash.SHA1); // dsaWithSHA1 (OIW)

  private WeakSignatures() {}

  /** The problem of a certificate signed with a broken hash, if it is. Never throws. */
  static Optional<CertificateProblem> problem(
      X509Certificate cert, CertificateSummary summary, int index, String host) {
    return of(cert)
        .map(
            hash ->
                new CertificateProblem(
                    CertificateProblem.Kind.WEAK_SIGNATURE,
                    index,
                    ChainValidator.who(summary, index, host)
                        + " is signed with "
                        + summary.signatureAlgorithm()
                        + ": "
                        + hash.word()
                        + " signatures are broken and senders refuse them (OpenSSL 3: \"CA"
                        + " signature digest algorithm too weak\"; Go; Java "
                        + (hash == Hash.SHA1 ? "under public roots" : "always")
                        + ")."));
  }

  /** The broken hash {@code cert} is signed with, if any. Never throws. */
  static Optional<Hash> of(X509Certificate cert) {
    try {
      String oid = cert.getSigAlgOID();
      if (RSASSA_PSS.equals(oid)) {
        return pssHash(cert.getSigAlgParams());
      }
      return Optional.ofNullable(BY_OID.get(oid));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** RSASSA-PSS names its hash in the parameters. */
  private static Optional<Hash> pssHash(byte[] params) {
    if (params == null) {
      return Optional.of(Hash.SHA1); // absent parameters mean the defaults: SHA-1 (RFC 4055)
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
      parameters.init(params);
      String digest =
          parameters
              .getParameterSpec(PSSParameterSpec.class)
              .getDigestAlgorithm()
              .toUpperCase(Locale.ROOT)
              .replace("-", "");
      return digest.equals("SHA1") ? Optional.of(Hash.SHA1) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
