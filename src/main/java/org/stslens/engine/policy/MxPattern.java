package org.stslens.engine.policy;

import java.util.Optional;
import org.stslens.engine.names.DomainNames;

/**
 * One usable {@code mx} pattern of a policy (RFC 8461 §3.2): a domain, optionally preceded by the
 * wildcard label {@code *.}; stored lower-cased without trailing dot.
 *
 * @param written the value as written in the policy
 * @param normalized lower case, one trailing dot removed
 */
public record MxPattern(String written, String normalized) {

  /** The pattern for a written value, or empty when it is not {@code ["*."] Domain}. */
  public static Optional<MxPattern> parse(String written) {
    return DomainNames.normalizeWildcardable(written).map(n -> new MxPattern(written, n));
  }

  public boolean isWildcard() {
    return normalized.startsWith("*.");
  }

  /**
   * Does {@code host} (an MX name from DNS, possibly with a trailing dot) satisfy this pattern? RFC
   * 8461 §4.1: a literal matches only the same name; {@code *.rest} exactly one label.
   */
  public boolean matches(String host) {
    return DomainNames.normalize(host).map(h -> DomainNames.covers(normalized, h)).orElse(false);
  }

  /** Matching of a written pattern against a host; an invalid pattern never matches. */
  public static boolean matches(String pattern, String host) {
    return parse(pattern).map(p -> p.matches(host)).orElse(false);
  }

  @Override
  public String toString() {
    return normalized;
  }
}
