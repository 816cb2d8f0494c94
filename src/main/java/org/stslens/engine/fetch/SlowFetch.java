package org.stslens.engine.fetch;

import java.time.Duration;
import java.util.Optional;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/**
 * The {@code fetch.slow} warning. It says which threshold was crossed and why that threshold: at
 * the default, 4 s, Postfix's MTA-STS resolver has given up; a lowered threshold (the lab's) is
 * named as such, so that "550 ms" is never set beside "senders give up after 4 s" as if it were a
 * problem for them.
 */
final class SlowFetch {

  /** Postfix's resolver (postfix-mta-sts-resolver, default settings) waits this long. */
  static final Duration IMPATIENT_SENDER = Duration.ofSeconds(4);

  private SlowFetch() {}

  static Optional<Finding> judge(String url, long totalMillis, Duration threshold) {
    if (totalMillis <= threshold.toMillis()) {
      return Optional.empty();
    }
    String message;
    if (threshold.compareTo(IMPATIENT_SENDER) >= 0) {
      message =
          "The policy took "
              + totalMillis
              + " ms to fetch, more than "
              + seconds(threshold)
              + ": Postfix's MTA-STS resolver gives up after 4 s, so those senders would apply no"
              + " policy (RFC 8461 suggests waiting up to a minute; patient senders still get it).";
    } else {
      message =
          "The policy took "
              + totalMillis
              + " ms to fetch, more than the "
              + threshold.toMillis()
              + " ms this check was set to warn at (the default is 4 s, when Postfix's MTA-STS"
              + " resolver gives up; at "
              + totalMillis
              + " ms real senders still get the policy).";
    }
    return Optional.of(
        Finding.of(
            Code.FETCH_SLOW,
            url,
            message,
            "Serve the policy from a fast, close host; it is a tiny static file."));
  }

  private static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
