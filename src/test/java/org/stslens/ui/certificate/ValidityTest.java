package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValidityTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static Validity at(long fromDays, long untilDays) {
    return Validity.of(
        NOW.plus(Duration.ofDays(fromDays)), NOW.plus(Duration.ofDays(untilDays)), NOW);
  }

  @Test
  void farExpiryIsOk() {
    assertThat(at(-10, 87)).isEqualTo(new Validity("expires in 87 days", Validity.OK));
    assertThat(at(-10, 31).styleClass()).isEqualTo(Validity.OK);
  }

  @Test
  void thirtyDaysOrLessIsSoon() {
    assertThat(at(-10, 30)).isEqualTo(new Validity("expires in 30 days", Validity.SOON));
    assertThat(at(-10, 1)).isEqualTo(new Validity("expires in 1 day", Validity.SOON));
    assertThat(Validity.of(NOW.minusSeconds(60), NOW.plusSeconds(3600), NOW))
        .isEqualTo(new Validity("expires in less than a day", Validity.SOON));
  }

  @Test
  void expiredIsBadAndCountsDaysAgo() {
    assertThat(at(-100, -12)).isEqualTo(new Validity("expired 12 days ago", Validity.BAD));
    assertThat(at(-100, -1).text()).isEqualTo("expired 1 day ago");
    assertThat(Validity.of(NOW.minusSeconds(7200), NOW.minusSeconds(60), NOW).text())
        .isEqualTo("expired less than a day ago");
  }

  @Test
  void notYetValidIsBadAndSaysWhenItStarts() {
    assertThat(at(10, 100)).isEqualTo(new Validity("valid from in 10 days", Validity.BAD));
    assertThat(at(1, 100).text()).isEqualTo("valid from in 1 day");
  }

  @Test
  void bothEndsOfTheWindowAreInclusive() {
    assertThat(Validity.of(NOW, NOW.plus(Duration.ofDays(40)), NOW).styleClass())
        .isEqualTo(Validity.OK);
    assertThat(Validity.of(NOW.minus(Duration.ofDays(40)), NOW, NOW))
        .isEqualTo(new Validity("expires in less than a day", Validity.SOON));
  }
}
