package org.stslens.engine.history;

import java.time.Instant;
import java.util.Objects;

/**
 * When one server certificate seen by a check runs out.
 *
 * @param host the policy host or the MX host that presented it
 * @param policyHost true for the policy host's HTTPS certificate, false for an MX's
 * @param notAfter the leaf certificate's end of validity
 */
public record CertExpiry(String host, boolean policyHost, Instant notAfter) {

  public CertExpiry {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(notAfter, "notAfter");
  }
}
