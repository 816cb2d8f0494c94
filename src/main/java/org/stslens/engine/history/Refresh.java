package org.stslens.engine.history;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a sender fetches the policy again while its copy is still valid: on a daily schedule
 * (issue 17 names go-mtasts and Momentum), or only when its copy expires (postfix-mta-sts-resolver,
 * whose proactive refresh is off by default: docs/senders.md).
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
