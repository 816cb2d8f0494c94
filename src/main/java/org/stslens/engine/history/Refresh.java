package org.stslens.engine.history;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a sender fetches the policy again while its copy is still valid. Daily: go-mtasts and
 * Momentum; only when the copy expires: postfix-mta-sts-resolver's default (docs/senders.md).
 */
public enum Refresh {
  DAILY(Duration.ofDays(1)),
  AT_EXPIRY(null);

  private final Duration interval;

  Refresh(Duration interval) {
    this.interval = interval;
  }

  /** The refresh interval; empty when the sender waits for its copy to expire. */
  public Optional<Duration> interval() {
    return Optional.ofNullable(interval);
  }
}
