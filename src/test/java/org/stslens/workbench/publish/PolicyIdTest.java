package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyIdTest {

  // Not UTC on purpose: the id must not depend on the machine's zone.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T13:05:09Z"), ZoneId.of("Europe/Berlin"));

  @Test
  void freshIdIsTheUtcTimeToTheSecond() {
    PolicyId id = PolicyId.fresh(CLOCK, Optional.empty());

    assertThat(id.value()).isEqualTo("20261128130509").hasSize(14);
    assertThat(PolicyId.isValid(id.value())).isTrue();
  }

  @Test
  void freshIdDiffersFromTheLiveIdPublishedInTheSameSecond() {
    PolicyId id = PolicyId.fresh(CLOCK, Optional.of("20261128130509"));

    assertThat(id.value()).isNotEqualTo("20261128130509").isEqualTo("202611281305091");
  }

  @Test
  void freshIdSkipsEveryTakenCandidate() {
    // a live id that happens to equal the first fallback is still avoided
    PolicyId base = PolicyId.fresh(CLOCK, Optional.of("202611281305091"));

    assertThat(base.value()).isEqualTo("20261128130509");
  }

  @Test
  void freshIdIgnoresAnUnrelatedLiveId() {
    assertThat(PolicyId.fresh(CLOCK, Optional.of("abc")).value()).isEqualTo("20261128130509");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "20160831085700Z", "abcDEF123", "12345678901234567890123456789012"})
  void validIdsAreOneToThirtyTwoLettersAndDigits(String value) {
    assertThat(PolicyId.isValid(value)).isTrue();
    assertThat(new PolicyId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "123456789012345678901234567890123",
        "2026-11-28",
        "id 1",
        "abc_def",
        "é1",
        "１２３"
      })
  void otherIdsAreRejected(String value) {
    assertThat(PolicyId.isValid(value)).isFalse();
    assertThatThrownBy(() -> new PolicyId(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 8461 §3.1");
  }

  @Test
  void theWithdrawalIdIsNeverThePublishedOne() {
    assertThat(PolicyId.withdrawal(new PolicyId("20261204120000")).value())
        .isEqualTo("none20261204120000");
    String longest = "a".repeat(32);
    assertThat(PolicyId.withdrawal(new PolicyId(longest)).value())
        .isNotEqualTo(longest)
        .hasSizeLessThanOrEqualTo(32);
    String likeItsOwnWithdrawal = "none".repeat(8);
    assertThat(PolicyId.withdrawal(new PolicyId(likeItsOwnWithdrawal)).value())
        .isNotEqualTo(likeItsOwnWithdrawal);
  }
}
