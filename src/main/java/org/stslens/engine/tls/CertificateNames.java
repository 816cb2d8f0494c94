package org.stslens.engine.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.names.DomainNames;

/**
 * Host-name matching as RFC 8461 requires (§3.3, §4.2; RFC 6125 §6.4): only subjectAltName dNSName
 * entries count, the subject CN never does, and a wildcard is only a whole left-most {@code *}
 * label covering exactly one label. Written by hand because the JDK's hostname checker falls back
 * to the CN and accepts partial wildcards.
 */
public final class CertificateNames {

  private static final int SAN_DNS_NAME = 2;

  private CertificateNames() {}

  /** True when one of the SAN dNSNames is valid for {@code host}. */
  public static boolean matches(List<String> sanDnsNames, String host) {
    return matchingName(sanDnsNames, host).isPresent();
  }

  /** The first SAN dNSName that is valid for {@code host}, as written in the certificate. */
  public static Optional<String> matchingName(List<String> sanDnsNames, String host) {
    Optional<String> reference = DomainNames.normalize(host);
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    for (String san : sanDnsNames) {
      // A SAN with a trailing dot is not a presented identifier of the usual form; reject it.
      if (san == null || san.endsWith(".")) {
        continue;
      }
      Optional<String> presented = DomainNames.normalizeWildcardable(san);
      if (presented.isPresent() && DomainNames.covers(presented.get(), reference.get())) {
        return Optional.of(san);
      }
    }
    return Optional.empty();
  }

  /** The subjectAltName dNSName entries of a certificate, in order; empty if it has none. */
  public static List<String> sanDnsNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans == null) {
        return List.of();
      }
      for (List<?> entry : sans) {
        if (entry.size() >= 2
            && entry.get(0) instanceof Integer type
            && type == SAN_DNS_NAME
            && entry.get(1) instanceof String name) {
          names.add(name);
        }
      }
    } catch (CertificateParsingException e) {
      return List.of();
    }
    return List.copyOf(names);
  }
}
