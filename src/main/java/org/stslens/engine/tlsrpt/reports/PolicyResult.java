package org.stslens.engine.tlsrpt.reports;

import java.util.List;

/**
 * One {@code policies[]} entry: the policy a sender applied and what happened (RFC 8460 §4.3).
 *
 * @param policyType {@code policy-type}: sts, tlsa, no-policy-found (kept as written)
 * @param domain the policy domain, lower case without a final dot; empty when unknown
 * @param policyStrings {@code policy-string} lines; empty when missing
 * @param mxHosts {@code mx-host}; one entry when a sender wrote a single string
 * @param successful {@code summary.total-successful-session-count}
 * @param failed {@code summary.total-failure-session-count}
 * @param failures {@code failure-details}; empty when missing
 */
public record PolicyResult(
    String policyType,
    String domain,
    List<String> policyStrings,
    List<String> mxHosts,
    long successful,
    long failed,
    List<FailureDetail> failures) {

  public PolicyResult {
    policyStrings = List.copyOf(policyStrings);
    mxHosts = List.copyOf(mxHosts);
    failures = List.copyOf(failures);
  }

  /** The failed sessions the details add up to, to compare with {@link #failed()}. */
  public long detailedFailures() {
    return failures.stream().mapToLong(FailureDetail::failedSessions).sum();
  }
}
