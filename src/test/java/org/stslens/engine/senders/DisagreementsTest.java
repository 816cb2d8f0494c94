package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Outcome;

class DisagreementsTest {

  private static SenderVerdict verdict(String id, Applies applies, Outcome... outcomes) {
    SenderProfile p =
        SenderProfiles.all().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    List<SenderVerdict.Mx> mx = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      mx.add(new SenderVerdict.Mx("mx" + (i + 1) + ".example.com", outcomes[i]));
    }
    return new SenderVerdict(p, applies, Optional.empty(), mx, List.of());
  }

  @Test
  void sendersThatSplitOnAnMxHostAreNamedByGroupWithTheRfcReadingFirst() {
    List<SenderVerdict> v =
        List.of(
            verdict("rfc8461", Applies.ENFORCE, Outcome.DELIVER, Outcome.REFUSE),
            verdict("postfix-mta-sts-resolver", Applies.ENFORCE, Outcome.DELIVER, Outcome.DELIVER),
            verdict("exchange-online", Applies.ENFORCE, Outcome.DELIVER, Outcome.REFUSE),
            verdict("gmail", Applies.ENFORCE, Outcome.DELIVER, Outcome.UNKNOWN));

    assertThat(Disagreements.of(v))
        .containsExactly(
            "RFC 8461 and Microsoft Exchange Online refuse mx2.example.com; Postfix with"
                + " postfix-mta-sts-resolver delivers.");
  }

  @Test
  void aPolicySplitIsOneSentenceAndLargeGroupsAreCounted() {
    List<SenderVerdict> v =
        List.of(
            verdict("rfc8461", Applies.ENFORCE),
            verdict("postfix-mta-sts-resolver", Applies.NO_POLICY),
            verdict("postfix-tlspol", Applies.ENFORCE),
            verdict("mailauth", Applies.ENFORCE),
            verdict("go-mtasts", Applies.NO_POLICY),
            verdict("gmail", Applies.ENFORCE));

    assertThat(Disagreements.of(v))
        .containsExactly(
            "RFC 8461 and 3 others enforce the policy; Postfix with postfix-mta-sts-resolver and"
                + " go-mtasts see no policy.");
  }

  @Test
  void noSentenceWhenAllKnownAnswersAgree() {
    List<SenderVerdict> v =
        List.of(
            verdict("rfc8461", Applies.TESTING, Outcome.REPORT),
            verdict("mailauth", Applies.TESTING, Outcome.REPORT),
            verdict("gmail", Applies.UNKNOWN, Outcome.UNKNOWN));

    assertThat(Disagreements.of(v)).isEmpty();
  }

  @Test
  void shortNamesDropTheParenthesisAndTheComment() {
    assertThat(SenderProfiles.all())
        .extracting(Disagreements::shortName)
        .contains("RFC 8461", "Gmail", "mailauth", "Postfix with postfix-mta-sts-resolver");
  }
}
