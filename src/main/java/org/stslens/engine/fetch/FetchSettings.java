package org.stslens.engine.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the policy fetch.
 *
 * @param totalTimeout the whole fetch, from DNS to the last body byte (RFC 8461 §3.3 suggests 60 s)
 * @param slowThreshold above this a warning says that impatient senders give up (Postfix's resolver
 *     waits 4 s)
 * @param maxBodyBytes RFC 8461 §3.3: senders may limit the policy to 64 KiB
 */
public record FetchSettings(Duration totalTimeout, Duration slowThreshold, int maxBodyBytes) {

  public static final int MAX_POLICY_BYTES = 64 * 1024;

  /** RFC 8461 §3.3: "a timeout of 60 seconds is suggested" for the whole fetch. */
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(60);

  /** Postfix's policy resolver gives up after about 4 s; slower fetches get fetch.slow. */
  public static final Duration DEFAULT_SLOW_THRESHOLD = Duration.ofSeconds(4);

  public FetchSettings {
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(slowThreshold, "slowThreshold");
    if (totalTimeout.isNegative() || totalTimeout.isZero()) {
      throw new IllegalArgumentException("the fetch time limit must be positive");
    }
  }

  public static FetchSettings defaults() {
    return new FetchSettings(DEFAULT_TOTAL_TIMEOUT, DEFAULT_SLOW_THRESHOLD, MAX_POLICY_BYTES);
  }

  public FetchSettings withTotalTimeout(Duration timeout) {
    return new FetchSettings(timeout, slowThreshold, maxBodyBytes);
  }
}
