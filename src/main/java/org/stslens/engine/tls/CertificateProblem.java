package org.stslens.engine.tls;

import java.util.Objects;

/**
 * One thing wrong with a presented chain.
 *
 * @param kind what is wrong
 * @param certificateIndex index in the presented chain (0 = leaf) of the certificate concerned
 * @param detail a plain-language sentence naming the host and the certificate, ready for a report
 */
public record CertificateProblem(Kind kind, int certificateIndex, String detail) {

  public CertificateProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** The kinds of problem; all but {@link #EXPIRING_SOON} make a sender reject the chain. */
  public enum Kind {
    NAME_MISMATCH,
    EXPIRED,
    NOT_YET_VALID,
    UNTRUSTED,
    EXPIRING_SOON,
    /** Extended key usage, key usage or a CA certificate that may not serve as a TLS server's. */
    WRONG_PURPOSE,
    /** A certificate on the path is signed with MD5 or SHA-1 (or MD2, MD4). */
    WEAK_SIGNATURE;

    public boolean isError() {
      return this != EXPIRING_SOON;
    }
  }
}
