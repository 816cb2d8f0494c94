package org.stslens.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.policy.Mode;

/** The sender's cache on a timeline: max_age arithmetic at its boundaries. */
class PolicyTimelineTest {

  private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
  private static final long WEEK = Duration.ofDays(7).toSeconds();
  private static final long DAY = Duration.ofDays(1).toSeconds();

  private static CheckFacts check(Instant at, String hash, String id, long maxAge) {
    return new CheckFacts(
        "example.com",
        at,
        "enforced",
        true,
        false,
        Optional.of(id),
        true,
        Optional.ofNullable(hash),
        Optional.ofNullable(hash).map(h -> Mode.ENFORCE),
        Optional.ofNullable(hash).map(h -> maxAge),
        List.of("mx1.example.com"),
        List.of("mx1.example.com"),
        List.of());
  }

  private static Instant day(double d) {
    return T0.plusSeconds(Math.round(d * DAY));
  }

  /** v1 (a week) seen on days 0 and 1, v2 (a day) from day 3. */
  private static PolicyTimeline twoVersions() {
    return PolicyTimeline.of(
        List.of(
            check(day(3), "h2", "2", DAY),
            check(day(0), "h1", "1", WEEK),
            check(day(1), "h1", "1", WEEK)));
  }

  @Test
  void versionsAreTheRunsOfOneBodyUnderOneId() {
    List<PolicyVersion> v = twoVersions().versions();
    assertThat(v).extracting(PolicyVersion::policyHash).containsExactly("h1", "h2");
    assertThat(v.get(0).firstSeen()).isEqualTo(day(0));
    assertThat(v.get(0).lastSeen()).isEqualTo(day(1));
    assertThat(v.get(0).replacedAt()).contains(day(3));
    assertThat(v.get(1).replacedAt()).isEmpty();
    // fetched just before it was replaced, a copy of v1 lasts a week from then
    assertThat(v.get(0).cachedUntil()).isEqualTo(day(10));
    assertThat(v.get(1).cachedUntil()).isEqualTo(day(4));
  }

  @Test
  void aCopyAppliesForMaxAgeAndNotOneSecondMore() {
    PolicyVersion v1 = twoVersions().versions().get(0);
    assertThat(v1.appliesUntil(T0)).isEqualTo(day(7));
    assertThat(v1.appliesAt(T0, T0)).isTrue();
    assertThat(v1.appliesAt(T0, day(7).minusSeconds(1))).isTrue();
    assertThat(v1.appliesAt(T0, day(7))).isFalse();
    assertThat(v1.appliesAt(T0, T0.minusSeconds(1))).isFalse();
  }

  @Test
  void aSenderThatWaitsForExpirySeesTheNewestOnlyWhenItsCopyRunsOut() {
    PolicyTimeline t = twoVersions();
    Instant fetched = day(2); // v1 still served
    assertThat(t.appliedAt(Refresh.AT_EXPIRY, fetched, day(9).minusSeconds(1)))
        .map(PolicyVersion::policyHash)
        .contains("h1");
    assertThat(t.seesNewest(Refresh.AT_EXPIRY, fetched, day(9).minusSeconds(1))).isFalse();
    assertThat(t.seesNewest(Refresh.AT_EXPIRY, fetched, day(9))).isTrue();
  }

  @Test
  void aDailyRefresherSeesTheNewestWithinADay() {
    PolicyTimeline t = twoVersions();
    Instant fetched = day(2.5); // v1; refreshes on day 3.5, when v2 is served
    assertThat(t.seesNewest(Refresh.DAILY, fetched, day(3.5).minusSeconds(1))).isFalse();
    assertThat(t.seesNewest(Refresh.DAILY, fetched, day(3.5))).isTrue();
    // and keeps it: v2's one-day max_age is renewed every day
    assertThat(t.seesNewest(Refresh.DAILY, fetched, day(30))).isTrue();
  }

  @Test
  void aShortMaxAgeMakesADailyRefresherFetchAtExpiry() {
    PolicyTimeline t =
        PolicyTimeline.of(
            List.of(check(day(0), "h1", "1", 3600), check(day(0.02), "h2", "2", 3600)));
    // fetched v1 at day 0; its copy runs out after an hour, before a day has passed
    assertThat(t.appliedAt(Refresh.DAILY, day(0), day(0).plusSeconds(3599)))
        .map(PolicyVersion::policyHash)
        .contains("h1");
    assertThat(t.appliedAt(Refresh.DAILY, day(0), day(0).plusSeconds(3600)))
        .map(PolicyVersion::policyHash)
        .contains("h2");
  }

  @Test
  void nothingAppliesBeforeTheFirstFetchOrWhenNothingWasServed() {
    PolicyTimeline t = twoVersions();
    assertThat(t.appliedAt(Refresh.DAILY, day(-1), day(0))).isEmpty();
    assertThat(t.appliedAt(Refresh.DAILY, day(2), day(1))).isEmpty();
    assertThat(
            PolicyTimeline.of(List.of(check(day(0), "h", "1", 0)))
                .appliedAt(Refresh.AT_EXPIRY, day(0), day(0)))
        .isEmpty();
  }

  @Test
  void aCheckWithoutAPolicyDoesNotEndAVersion() {
    PolicyTimeline t =
        PolicyTimeline.of(
            List.of(
                check(day(0), "h1", "1", WEEK),
                check(day(1), null, "1", WEEK),
                check(day(2), "h1", "1", WEEK)));
    assertThat(t.versions()).hasSize(1);
    assertThat(t.versions().get(0).lastSeen()).isEqualTo(day(2));
  }
}
