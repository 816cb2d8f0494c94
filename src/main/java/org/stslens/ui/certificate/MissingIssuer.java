package org.stslens.ui.certificate;

import java.util.Objects;

/**
 * The certificate that issued the top of the presented path, which the server did not send, where
 * the verdict says that path reaches no trust anchor: usually a missing intermediate (cert.pem
 * configured instead of fullchain.pem), otherwise a CA no sender trusts.
 *
 * @param issuer the issuer DN (RFC 2253) of {@code issued}: the subject of the missing certificate
 * @param issued the highest certificate the server sent on the path
 */
record MissingIssuer(String issuer, ChainEntry issued) implements ChainNode {

  MissingIssuer {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issued, "issued");
  }

  /** The missing certificate's CN (or whole DN). */
  String issuerName() {
    return CertificateChain.commonName(issuer);
  }

  /** What the tree shows: short, the details pane says the rest. */
  @Override
  public String name() {
    return "missing: “" + issuerName() + "” (the server did not send it)";
  }

  /** The whole sentence, for the tooltip and the details title. */
  String sentence() {
    return "Missing: the certificate that issued “"
        + issued.name()
        + "”, named "
        + issuer
        + ". The server did not send it.";
  }
}
