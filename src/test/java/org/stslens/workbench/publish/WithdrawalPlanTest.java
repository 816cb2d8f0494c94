package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.workbench.publish.WithdrawalPlan.Source;

/** The dated withdrawal plan of RFC 8461 §8.3. */
class WithdrawalPlanTest {

  private static final Instant NOW = Instant.parse("2026-12-05T04:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static PublishingKit kit(String draft, PublishingKit.Live live) {
    return PublishingKit.build("example.com", draft, CLOCK, live, Optional.empty());
  }

  @Test
  void theOldMaxAgeOfTheLastCheckDatesTheRemoval() {
    // the live policy keeps senders 30 days; the draft's own max_age (14 days) does not matter
    WithdrawalPlan plan =
        kit(
                Kits.ENFORCE_LF,
                new PublishingKit.Live(Optional.of("20260101"), Optional.of(2_592_000L)))
            .withdrawal();

    assertThat(plan.oldMaxAgeFrom()).isEqualTo(Source.LAST_CHECK);
    assertThat(plan.switchAt()).isEqualTo(NOW);
    assertThat(plan.keepServingUntil()).isEqualTo(Instant.parse("2027-01-04T04:00:00Z"));
    assertThat(plan.steps().get(1).title())
        .isEqualTo("Keep serving it until 4 January 2027, 04:00 UTC");
    assertThat(plan.steps().get(1).text())
        .contains("2592000 seconds (30 days)", "(the policy of the last check)")
        .contains("published on 5 December 2026, 04:00 UTC");
    assertThat(plan.steps().get(2).text()).startsWith("After 4 January 2027, 04:00 UTC, remove");
  }

  @Test
  void boundaries() {
    assertThat(
            kit(Kits.ENFORCE_LF, new PublishingKit.Live(Optional.empty(), Optional.of(0L)))
                .withdrawal()
                .keepServingUntil())
        .as("max_age 0: nothing is cached, removal may follow at once")
        .isEqualTo(NOW);
    assertThat(
            kit(Kits.ENFORCE_LF, new PublishingKit.Live(Optional.empty(), Optional.of(86_399L)))
                .withdrawal()
                .keepServingUntil())
        .isEqualTo(Instant.parse("2026-12-06T03:59:59Z"));
    WithdrawalPlan unknown =
        kit("version: STSv1\nmode: none\nmax_age: 60\n", PublishingKit.Live.unknown()).withdrawal();
    assertThat(unknown.oldMaxAgeFrom())
        .as("a mode none draft says nothing of the policy it replaces")
        .isEqualTo(Source.LONGEST_ALLOWED);
    assertThat(unknown.keepServingUntil()).isEqualTo(Instant.parse("2027-12-05T10:00:00Z"));
    assertThat(unknown.steps().get(1).text()).contains("the largest max_age allowed");
  }

  @Test
  void theWithdrawalPolicyIsModeNoneUnderAnIdNeverPublished() {
    PublishingKit kit =
        kit(
            Kits.ENFORCE_LF,
            new PublishingKit.Live(Optional.of("20260101"), Optional.of(604_800L)));
    WithdrawalPlan plan = kit.withdrawal();

    var parsed = PolicyParser.parse(plan.fileBytes());
    assertThat(parsed.valid()).isTrue();
    assertThat(parsed.policy().orElseThrow().mode()).isEqualTo(Mode.NONE);
    assertThat(parsed.policy().orElseThrow().maxAge()).isEqualTo(86_400);
    assertThat(plan.txtName()).isEqualTo("_mta-sts.example.com");
    assertThat(plan.id().value()).isNotEqualTo("20260101").isNotEqualTo(kit.id().value());
    assertThat(plan.txtValue()).isEqualTo("v=STSv1; id=" + plan.id().value());
    assertThat(kit.checklist().withdraw()).isEqualTo(plan.steps());
  }

  @Test
  void markdownHasTheDatedStepsTheFileAndTheRecord() {
    String md =
        kit(Kits.ENFORCE_LF, new PublishingKit.Live(Optional.of("1"), Optional.of(604_800L)))
            .withdrawal()
            .toMarkdown();

    assertThat(md)
        .startsWith("# Withdraw MTA-STS from example.com\n\nRFC 8461 §8.3.")
        .contains("1. **Publish a policy with mode none under a new id** (RFC 8461 §8.3)")
        .contains("2. **Keep serving it until 12 December 2026, 04:00 UTC**")
        .contains("```\nversion: STSv1\nmode: none\nmax_age: 86400\n```")
        .contains("_mta-sts.example.com TXT \"v=STSv1; id=none");
  }
}
