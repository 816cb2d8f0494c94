package org.stslens.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The policy versions of a domain's stored checks, oldest first, and what a sender's cache holds at
 * a given moment. Pure arithmetic on the history: no network, no clock.
 */
public final class PolicyTimeline {

  private final List<PolicyVersion> versions;

  private PolicyTimeline(List<PolicyVersion> versions) {
    this.versions = List.copyOf(versions);
  }

  /**
   * The versions seen by {@code checks} (any order). A check that served no valid policy ends
   * nothing: the policy senders cached is still the one before it.
   */
  public static PolicyTimeline of(List<CheckFacts> checks) {
    List<CheckFacts> served =
        checks.stream()
            .filter(c -> c.policyHash().isPresent() && c.mode().isPresent())
            .filter(c -> c.maxAge().isPresent())
            .sorted(Comparator.comparing(CheckFacts::checkedAt))
            .toList();
    List<PolicyVersion> out = new ArrayList<>();
    CheckFacts first = null;
    CheckFacts last = null;
    for (CheckFacts c : served) {
      if (first != null && !samePolicy(first, c)) {
        out.add(version(first, last, Optional.of(c.checkedAt())));
        first = null;
      }
      if (first == null) {
        first = c;
      }
      last = c;
    }
    if (first != null) {
      out.add(version(first, last, Optional.empty()));
    }
    return new PolicyTimeline(out);
  }

  private static boolean samePolicy(CheckFacts a, CheckFacts b) {
    return a.policyHash().equals(b.policyHash()) && a.txtId().equals(b.txtId());
  }

  private static PolicyVersion version(
      CheckFacts first, CheckFacts last, Optional<Instant> replacedAt) {
    return new PolicyVersion(
        first.policyHash().orElseThrow(),
        first.txtId(),
        first.mode().orElseThrow(),
        first.maxAge().orElseThrow(),
        first.checkedAt(),
        last.checkedAt(),
        replacedAt);
  }

  /** Oldest first. */
  public List<PolicyVersion> versions() {
    return versions;
  }

  public Optional<PolicyVersion> newest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The version a sender that fetched the policy at {@code fetchedAt} and refreshes as {@code
   * refresh} says applies at {@code at}; empty when its copy has expired and it fetched nothing
   * newer, or when it had none. A daily refresher fetches again every day (its copy never expires
   * while the policy is served); one that waits for expiry keeps its copy for the full max_age.
   */
  public Optional<PolicyVersion> appliedAt(Refresh refresh, Instant fetchedAt, Instant at) {
    if (at.isBefore(fetchedAt)) {
      return Optional.empty();
    }
    Instant fetched = fetchedAt;
    Optional<PolicyVersion> held = servedAt(fetched);
    while (held.isPresent()) {
      PolicyVersion v = held.get();
      Instant expires = v.appliesUntil(fetched);
      // a daily refresher fetches again after a day, or at expiry when max_age is shorter
      Instant nextFetch =
          refresh.interval().map(fetched::plus).filter(t -> t.isBefore(expires)).orElse(expires);
      if (!nextFetch.isAfter(fetched)) {
        return Optional.empty(); // max_age 0: the copy never applies
      }
      if (at.isBefore(nextFetch)) {
        return held;
      }
      fetched = nextFetch;
      held = servedAt(fetched);
    }
    return Optional.empty();
  }

  /** Whether that sender applies the newest stored version at {@code at}. */
  public boolean seesNewest(Refresh refresh, Instant fetchedAt, Instant at) {
    return newest().isPresent() && appliedAt(refresh, fetchedAt, at).equals(newest());
  }

  /**
   * The version served at {@code at}, as far as the stored checks show: the last one first seen at
   * or before it.
   */
  public Optional<PolicyVersion> servedAt(Instant at) {
    PolicyVersion found = null;
    for (PolicyVersion v : versions) {
      if (!v.firstSeen().isAfter(at)) {
        found = v;
      }
    }
    return Optional.ofNullable(found);
  }
}
