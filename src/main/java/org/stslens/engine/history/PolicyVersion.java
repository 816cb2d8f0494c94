package org.stslens.engine.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.policy.Mode;

/**
 * One policy as it was served between stored checks: the same body (hash) under the same TXT id.
 *
 * @param policyHash SHA-256 of the body
 * @param id the TXT id it was served under
 * @param mode its mode
 * @param maxAge its max_age, in seconds
 * @param firstSeen the first stored check that saw it
 * @param lastSeen the last stored check that saw it
 * @param replacedAt the first stored check that saw another policy (or none); empty while current
 */
public record PolicyVersion(
    String policyHash,
    Optional<String> id,
    Mode mode,
    long maxAge,
    Instant firstSeen,
    Instant lastSeen,
    Optional<Instant> replacedAt) {

  public PolicyVersion {
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(replacedAt, "replacedAt");
  }

  /**
   * When a copy fetched at {@code fetchedAt} stops applying: RFC 8461 §3.2, senders cache a policy
   * "for up to" max_age from the fetch, so at exactly this instant it no longer applies.
   */
  public Instant appliesUntil(Instant fetchedAt) {
    return fetchedAt.plusSeconds(maxAge);
  }

  /** Whether a sender that fetched it at {@code fetchedAt} still applies it at {@code at}. */
  public boolean appliesAt(Instant fetchedAt, Instant at) {
    return !at.isBefore(fetchedAt) && at.isBefore(appliesUntil(fetchedAt));
  }

  /**
   * The last moment any sender may still apply it, as far as the history shows: a copy fetched just
   * before it was replaced (or, while it is current, at the last check) lasts max_age from then.
   */
  public Instant cachedUntil() {
    return appliesUntil(replacedAt.orElse(lastSeen));
  }
}
