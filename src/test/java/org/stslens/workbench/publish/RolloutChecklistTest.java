package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutChecklistTest {

  @Test
  void theTxtIdChangesOnlyAfterTheFileIsServedAndVerified() {
    List<RolloutStep> steps = Kits.enforce().checklist().publish();
    List<String> titles = steps.stream().map(RolloutStep::title).toList();

    int serve = indexOf(titles, "Serve the new policy file");
    int verify = indexOf(titles, "Check what senders will fetch");
    int txt = indexOf(titles, "Only then publish the TXT record with id " + Kits.ID);
    assertThat(serve).isLessThan(verify);
    assertThat(verify).isLessThan(txt);
    assertThat(steps.get(txt).section()).isEqualTo("RFC 8461 §8.1");
    assertThat(steps.get(serve).section()).isEqualTo("RFC 8461 §3.3");
  }

  @Test
  void stepsQuoteTheDraftsOwnValues() {
    String all = String.join("\n", texts(Kits.enforce().checklist().publish()));

    assertThat(all)
        .contains("mode enforce")
        .contains("1209600 seconds (14 days)")
        .contains("mail.example.com, *.backup.example.com")
        .contains("https://mta-sts.example.com/.well-known/mta-sts.txt")
        .contains("_mta-sts.example.com TXT \"v=STSv1; id=" + Kits.ID + "\"")
        .contains(Kits.enforce().fileBytes().length + " bytes");
  }

  @Test
  void theVerifyStepFetchesLikeASenderWithoutFollowingRedirects() {
    RolloutStep verify = Kits.enforce().checklist().publish().get(2);

    assertThat(verify.command())
        .contains(
            "curl -sS -D - --max-redirs 0 https://mta-sts.example.com/.well-known/mta-sts.txt");
  }

  @Test
  void testingModeEndsWithWatchingReportsBeforeEnforcing() {
    List<RolloutStep> steps = Kits.of(Kits.TESTING_LF).checklist().publish();

    assertThat(steps).extracting(RolloutStep::title).contains("Watch the reports, then enforce");
    assertThat(steps).extracting(RolloutStep::title).contains("Ask for TLS reports");
  }

  @Test
  void anInvalidDraftStartsWithFixingIt() {
    List<RolloutStep> steps = Kits.of("version: STSv1\nmode: Enforce\n").checklist().publish();

    assertThat(steps.get(0).title()).isEqualTo("Fix the draft first");
    assertThat(String.join("\n", texts(steps))).contains("(no valid mode yet)");
  }

  @Test
  void withdrawingFollowsSection83InOrderWithDates() {
    List<RolloutStep> steps = Kits.enforce().checklist().withdraw();

    // no check known: the draft's max_age (14 days) from the kit's moment, 28 November 13:05
    assertThat(steps)
        .extracting(RolloutStep::title)
        .containsExactly(
            "Publish a policy with mode none under a new id",
            "Keep serving it until 12 December 2026, 13:05 UTC",
            "Then remove the TXT record and the policy host");
    assertThat(steps).allSatisfy(s -> assertThat(s.section()).isEqualTo("RFC 8461 §8.3"));
    assertThat(steps.get(0).text()).contains("mode: none", "max_age: 86400");
    // a new id: under the published one senders keep the cached policy and never see mode none
    assertThat(steps.get(0).text())
        .contains("id=none" + Kits.ID)
        .doesNotContain("id=" + Kits.ID + "\"");
    assertThat(steps.get(1).text()).contains("1209600 seconds (14 days)", "this draft's");
    assertThat(steps.get(2).text()).contains("_smtp._tls.example.com");
  }

  @Test
  void markdownNumbersTheStepsOfBothFlows() {
    String markdown = Kits.enforce().checklist().toMarkdown();

    assertThat(markdown)
        .startsWith("# MTA-STS rollout for example.com\n")
        .contains("## Publish or change the policy\n\n1. **")
        .contains(
            "## Withdraw MTA-STS\n\n1. **Publish a policy with mode none under a new id** (RFC 8461 §8.3)")
        .contains("   ```\n   curl -sS -D - --max-redirs 0 ");
    assertThat(markdown.indexOf("**Serve the new policy file**"))
        .isLessThan(markdown.indexOf("**Only then publish the TXT record"));
  }

  @Test
  void humanMaxAges() {
    assertThat(MaxAge.describe(86_400)).isEqualTo("86400 seconds (1 day)");
    assertThat(MaxAge.describe(604_800)).isEqualTo("604800 seconds (7 days)");
    assertThat(MaxAge.describe(90_000)).isEqualTo("90000 seconds (1 day and more)");
    assertThat(MaxAge.describe(7_200)).isEqualTo("7200 seconds (2 hours)");
    assertThat(MaxAge.describe(60)).isEqualTo("60 seconds (1 minute)");
  }

  private static int indexOf(List<String> titles, String title) {
    assertThat(titles).contains(title);
    return titles.indexOf(title);
  }

  private static List<String> texts(List<RolloutStep> steps) {
    return steps.stream().map(s -> s.title() + ": " + s.text()).toList();
  }
}
