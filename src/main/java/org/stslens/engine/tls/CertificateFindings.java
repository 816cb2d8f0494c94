package org.stslens.engine.tls;

import java.util.List;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.tls.CertificateProblem.Kind;

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
                    fix(p.kind(), verdict.referenceHost(), codes)))
        .toList();
  }

  private static String fix(Kind kind, String host, CodeSet codes) {
    String server = codes == CodeSet.FETCH ? "the web server" : "the mail server";
    return switch (kind) {
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
    };
  }
}
