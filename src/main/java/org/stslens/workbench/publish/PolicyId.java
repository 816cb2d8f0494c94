package org.stslens.workbench.publish;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code id} of the {@code _mta-sts} TXT record (RFC 8461 §3.1): 1 to 32 letters and digits.
 * Senders refetch the policy only when it changes, so every published change needs a fresh one.
 *
 * @param value the id as it appears after {@code id=}
 */
public record PolicyId(String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1,32}");
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  public PolicyId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "An MTA-STS id is 1 to 32 letters and digits (RFC 8461 §3.1), not \"" + value + "\"");
    }
  }

  /** Is {@code value} a well-formed id (RFC 8461 §3.1: {@code 1*32(ALPHA / DIGIT)})? */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  /**
   * A fresh id from the time, {@code yyyyMMddHHmmss} in UTC (14 digits, sorts by age). When it
   * equals {@code liveId} (published within the same second), a counter is appended so that the id
   * still changes.
   */
  public static PolicyId fresh(Clock clock, Optional<String> liveId) {
    String base = UTC_SECONDS.format(clock.instant());
    String candidate = base;
    for (int n = 1; liveId.isPresent() && liveId.get().equals(candidate); n++) {
      candidate = base + n;
    }
    return new PolicyId(candidate);
  }

  /**
   * An id for the mode none policy that withdraws {@code published}: never equal to it, or senders
   * would keep the cached policy and never fetch the withdrawal (RFC 8461 §8.3). {@code none}
   * followed by the published id, cut to 32 characters.
   */
  public static PolicyId withdrawal(PolicyId published) {
    String candidate = ("none" + published.value());
    candidate = candidate.substring(0, Math.min(32, candidate.length()));
    if (candidate.equals(published.value())) {
      candidate = "none" + (candidate.endsWith("1") ? "2" : "1");
    }
    return new PolicyId(candidate);
  }

  @Override
  public String toString() {
    return value;
  }
}
