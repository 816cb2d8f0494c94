package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.history.CheckFacts;
import org.stslens.engine.history.PolicyHash;
import org.stslens.engine.policy.Mode;
import org.stslens.workbench.publish.PublishNotice.Kind;

/** "If you publish this draft now…": what senders that cached the current policy keep doing. */
class PublishNoticeTest {

  private static final Instant NOW = Instant.parse("2026-12-05T04:00:00Z");
  private static final Instant CHECKED = Instant.parse("2026-12-04T23:41:00Z");
  private static final String LIVE =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";

  private static CheckFacts live(Mode mode, long maxAge, String body) {
    return new CheckFacts(
        "example.com",
        CHECKED,
        "enforced",
        true,
        false,
        Optional.of("20260101"),
        true,
        Optional.of(PolicyHash.of(body)),
        Optional.of(mode),
        Optional.of(maxAge),
        List.of("mail.example.com"),
        List.of("mail.example.com"),
        List.of());
  }

  private static CheckFacts enforce(long maxAge) {
    return live(Mode.ENFORCE, maxAge, LIVE.replace("604800", Long.toString(maxAge)));
  }

  private static String draft(String mode, long maxAge) {
    return "version: STSv1\nmode: "
        + mode
        + "\nmx: mail.example.com\nmx: mx2.example.com\nmax_age: "
        + maxAge
        + "\n";
  }

  private static PublishNotice notice(CheckFacts current, String draft, String newId) {
    return PublishNotice.of(
        "example.com", Optional.of(current), draft, Optional.ofNullable(newId), NOW);
  }

  @Test
  void withoutHistoryItSaysSoAndHowToGetIt() {
    PublishNotice n =
        PublishNotice.of(
            "example.com", Optional.empty(), draft("enforce", 86400), Optional.empty(), NOW);

    assertThat(n.kind()).isEqualTo(Kind.NO_HISTORY);
    assertThat(n.cachedUntil()).isEmpty();
    assertThat(n.text())
        .contains("No check of example.com is stored")
        .contains("Check example.com");
  }

  @Test
  void senderThatFetchedJustBeforePublishingKeepsThePolicyForItsMaxAge() {
    PublishNotice n = notice(enforce(604800), draft("enforce", 604800), "20261205040000");

    assertThat(n.kind()).isEqualTo(Kind.CACHED);
    assertThat(n.cachedUntil()).contains(Instant.parse("2026-12-12T04:00:00Z"));
    assertThat(n.text())
        .startsWith(
            "If you publish this draft now, senders that fetched the current policy (mode enforce,"
                + " id 20260101, max_age 604800) keep applying it until 12 December 2026, 04:00"
                + " UTC (7 days).");
    assertThat(n.idKept()).isFalse();
    assertThat(n.modeLowered()).isFalse();
    assertThat(n.text()).doesNotContain("same TXT id").doesNotContain("refusals");
  }

  @Test
  void maxAgeBoundaries() {
    // one second short of a day, exactly a day, a day and an hour, and the largest max_age
    assertThat(notice(enforce(86_399), draft("enforce", 1), "x").text())
        .contains("until 6 December 2026, 03:59 UTC (23 hours)");
    assertThat(notice(enforce(86_400), draft("enforce", 1), "x").cachedUntil())
        .contains(Instant.parse("2026-12-06T04:00:00Z"));
    assertThat(notice(enforce(86_400), draft("enforce", 1), "x").text())
        .contains("until 6 December 2026, 04:00 UTC (1 day)");
    assertThat(notice(enforce(90_000), draft("enforce", 1), "x").text())
        .contains("(1 day and 1 hour)");
    assertThat(notice(enforce(31_557_600), draft("enforce", 1), "x").text())
        .contains("until 5 December 2027, 10:00 UTC (365 days and 6 hours)");
    assertThat(notice(enforce(59), draft("enforce", 1), "x").text()).contains("(59 seconds)");
  }

  @Test
  void aZeroMaxAgeIsNotKept() {
    PublishNotice n = notice(enforce(0), draft("testing", 1), "x");

    assertThat(n.cachedUntil()).contains(NOW);
    assertThat(n.text()).contains("do not keep it: its max_age is 0");
    assertThat(n.modeLowered()).as("nothing cached, nothing refused").isFalse();
  }

  @Test
  void aChangedPolicyUnderTheSameIdIsNeverFetched() {
    PublishNotice kept = notice(enforce(604800), draft("enforce", 604800), null);
    PublishNotice sameId = notice(enforce(604800), draft("enforce", 604800), "20260101");

    assertThat(kept.idKept()).isTrue();
    assertThat(kept.text())
        .contains("Under the same TXT id they never fetch it: publish a new id (Publish tab).");
    assertThat(sameId.idKept()).isTrue();
  }

  @Test
  void loweringTheModeSaysRefusalsGoOnUntilTheDate() {
    PublishNotice n = notice(enforce(604800), draft("testing", 86400), "20261205040000");

    assertThat(n.modeLowered()).isTrue();
    assertThat(n.text())
        .contains(
            "Mode testing does not stop refusals: MX hosts that fail the cached enforce policy are"
                + " refused until 12 December 2026.");
    assertThat(notice(enforce(604800), draft("none", 86400), "x").modeLowered()).isTrue();
    assertThat(notice(live(Mode.TESTING, 604800, "t"), draft("none", 86400), "x").modeLowered())
        .as("testing refused nothing")
        .isFalse();
  }

  @Test
  void theSamePolicyChangesNothingEvenWithOtherLineEndings() {
    PublishNotice n = notice(enforce(604800), LIVE.replace("\r\n", "\n"), null);

    assertThat(n.kind()).isEqualTo(Kind.SAME_POLICY);
    assertThat(n.idKept()).as("nothing to fetch").isFalse();
    assertThat(n.text()).contains("publishing it changes nothing for senders");
  }

  @Test
  void aLastCheckWithoutAPolicySaysSo() {
    CheckFacts none =
        new CheckFacts(
            "example.com",
            CHECKED,
            "no-policy",
            false,
            false,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of("mail.example.com"),
            List.of());

    PublishNotice n = notice(none, draft("enforce", 86400), null);

    assertThat(n.kind()).isEqualTo(Kind.NO_POLICY);
    assertThat(n.text()).contains("served no policy senders would cache");
  }
}
