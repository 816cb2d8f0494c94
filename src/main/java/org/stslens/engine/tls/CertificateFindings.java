package org.stslens.engine.tls;

import java.util.List;
import org.stslens.engine.finding.Finding;

/** Turns a {@link ChainVerdict} into report findings, one per problem. */
public final class CertificateFindings {

  private CertificateFindings() {}

  /**
   * One finding per problem, with the verdict's reference host as target (callers may re-target,
   * e.g. to "mx1.example.com [192.0.2.1]").
   */
  public static List<Finding> findings(ChainVerdict verdict, CodeSet codes) {
    return verdict.problems().stream()
        .map(
            p ->
                Finding.of(
                    codes.code(p.kind()),
                    verdict.referenceHost(),
                    p.detail(),
                    fix(p, verdict, codes)))
        .toList();
  }

  private static String fix(CertificateProblem problem, ChainVerdict verdict, CodeSet codes) {
    String host = verdict.referenceHost();
    String server = codes == CodeSet.FETCH ? "the web server" : "the mail server";
    int index = problem.certificateIndex();
    boolean leaf = index == 0;
    boolean caAsLeaf = leaf && verdict.leaf().map(CertificateSummary::isCa).orElse(false);
    return switch (problem.kind()) {
      case NAME_MISMATCH ->
          "Install a certificate whose subjectAltName lists "
              + host
              + " (or a wildcard *.<parent> covering exactly one label). The subject CN does not"
              + " count.";
      case EXPIRED ->
          "Renew the certificate, install the new one and reload "
              + server
              + "; check that automatic renewal also reloads it.";
      case NOT_YET_VALID ->
          "Install a certificate that is valid now, and check the clock of the machine that issued"
              + " or installed it.";
      case UNTRUSTED ->
          "Use a certificate from a publicly trusted CA and configure "
              + server
              + " to send the complete chain: the leaf followed by its intermediate certificates"
              + " (for Let's Encrypt, fullchain.pem rather than cert.pem).";
      case EXPIRING_SOON ->
          "Renew the certificate now and make sure renewal is automated and reloads "
              + server
              + ".";
      case WRONG_PURPOSE ->
          caAsLeaf
              ? "Install the server certificate, not the CA certificate: configure "
                  + server
                  + " with the certificate issued for "
                  + host
                  + " (followed by its intermediates) and its own private key."
              : leaf
                  ? "Ask the CA for a server certificate with the TLS Web Server Authentication"
                      + " purpose (extended key usage serverAuth) and key usage digitalSignature,"
                      + " install it with its chain and reload "
                      + server
                      + "."
                  : "Use a chain whose intermediate certificates allow TLS server authentication"
                      + " (extended key usage serverAuth, or none): ask the CA for its current"
                      + " TLS server chain and install it with the certificate.";
      case WEAK_SIGNATURE ->
          leaf
              ? "Reissue the certificate with SHA-256 (any current CA signs with SHA-256 or"
                  + " better), install it and reload "
                  + server
                  + "."
              : "Replace the SHA-1 or MD5 signed intermediate with the CA's current one (signed"
                  + " with SHA-256) and reissue the certificate under it if needed, then reload "
                  + server
                  + ".";
    };
  }
}
