package org.stslens.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * A valid MTA-STS policy (RFC 8461 §3.2).
 *
 * @param version always {@code STSv1}
 * @param maxAge seconds, 0 to 31557600
 * @param mx the usable patterns in policy order (invalid ones dropped); may be empty for mode none
 */
public record Policy(String version, Mode mode, long maxAge, List<MxPattern> mx) {

  public Policy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(mode, "mode");
    mx = List.copyOf(mx);
  }
}
