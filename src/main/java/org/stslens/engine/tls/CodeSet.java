package org.stslens.engine.tls;

import org.stslens.engine.finding.Code;
import org.stslens.engine.tls.CertificateProblem.Kind;

/** Which catalog codes certificate problems map to: the policy host's or an MX host's. */
public enum CodeSet {
  /** Stage 2, the HTTPS policy host. */
  FETCH(
      Code.FETCH_CERT_NAME_MISMATCH,
      Code.FETCH_CERT_EXPIRED,
      Code.FETCH_CERT_UNTRUSTED,
      Code.FETCH_CERT_EXPIRING_SOON,
      Code.FETCH_CERT_WRONG_PURPOSE,
      Code.FETCH_CERT_WEAK_SIGNATURE),
  /** Stage 4, an MX host after STARTTLS. */
  TLS(
      Code.TLS_CERT_NAME_MISMATCH,
      Code.TLS_CERT_EXPIRED,
      Code.TLS_CERT_UNTRUSTED,
      Code.TLS_CERT_EXPIRING_SOON,
      Code.TLS_CERT_WRONG_PURPOSE,
      Code.TLS_CERT_WEAK_SIGNATURE);

  private final Code nameMismatch;
  private final Code expired;
  private final Code untrusted;
  private final Code expiringSoon;
  private final Code wrongPurpose;
  private final Code weakSignature;

  CodeSet(
      Code nameMismatch,
      Code expired,
      Code untrusted,
      Code expiringSoon,
      Code wrongPurpose,
      Code weakSignature) {
    this.nameMismatch = nameMismatch;
    this.expired = expired;
    this.untrusted = untrusted;
    this.expiringSoon = expiringSoon;
    this.wrongPurpose = wrongPurpose;
    this.weakSignature = weakSignature;
  }

  /** The code for a problem kind; not-yet-valid shares the expired code, as checks.md says. */
  public Code code(Kind kind) {
    return switch (kind) {
      case NAME_MISMATCH -> nameMismatch;
      case EXPIRED, NOT_YET_VALID -> expired;
      case UNTRUSTED -> untrusted;
      case EXPIRING_SOON -> expiringSoon;
      case WRONG_PURPOSE -> wrongPurpose;
      case WEAK_SIGNATURE -> weakSignature;
    };
  }
}
