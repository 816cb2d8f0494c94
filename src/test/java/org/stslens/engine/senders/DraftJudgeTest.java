package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Outcome;

class DraftJudgeTest {

  private static final String SPACED =
      "version: STSv1\r\nmode : enforce\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n";

  private static SenderVerdict of(DraftJudge.Judgement j, String sender) {
    return j.verdicts().stream()
        .filter(v -> v.profile().id().equals(sender))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSpaceBeforeTheColonOfModeLosesThePolicyForTheResolverOnly() {
    DraftJudge.Judgement j = DraftJudge.judge(SPACED, List.of());

    assertThat(j.verdicts())
        .extracting(v -> v.profile().id())
        .containsExactlyElementsOf(SenderProfiles.IDS);
    assertThat(of(j, "rfc8461").applies()).isEqualTo(Applies.ENFORCE);
    assertThat(of(j, "rfc8461").differs()).isEmpty();
    assertThat(of(j, "mailauth").applies()).isEqualTo(Applies.ENFORCE);
    SenderVerdict resolver = of(j, "postfix-mta-sts-resolver");
    assertThat(resolver.applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(resolver.differs())
        .extracting(SenderVerdict.Difference::behaviour)
        .containsExactly(Behaviour.POLICY_KEY_WHITESPACE);
    assertThat(j.sentences())
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("Postfix with postfix-mta-sts-resolver")
                    .endsWith(
                        " would reject this draft: the key `mode ` has a space before the colon."))
        .noneMatch(s -> s.contains("mailauth"));
  }

  @Test
  void aCleanDraftGivesEveryKnownSenderTheRfcReading() {
    DraftJudge.Judgement j =
        DraftJudge.judge(SPACED.replace("mode :", "mode:"), List.of("mx1.example.com"));

    assertThat(of(j, "postfix-mta-sts-resolver").applies()).isEqualTo(Applies.ENFORCE);
    assertThat(j.sentences()).isEmpty();
  }

  @Test
  void theMxColumnsComeFromTheDraftOrTheGivenHosts() {
    DraftJudge.Judgement fromDraft = DraftJudge.judge(SPACED, List.of());
    assertThat(of(fromDraft, "rfc8461").mx())
        .containsExactly(new SenderVerdict.Mx("mx1.example.com", Outcome.DELIVER));

    DraftJudge.Judgement given =
        DraftJudge.judge(SPACED, List.of("mx1.example.com", "mx9.example.net"));
    assertThat(of(given, "rfc8461").mx())
        .extracting(SenderVerdict.Mx::outcome)
        .containsExactly(Outcome.DELIVER, Outcome.REFUSE);
    // no policy: nothing restricts the host
    assertThat(of(given, "postfix-mta-sts-resolver").mx())
        .extracting(SenderVerdict.Mx::outcome)
        .containsExactly(Outcome.DELIVER, Outcome.DELIVER);
    assertThat(of(given, "postfix-mta-sts-resolver").delivers()).contains(true);
    assertThat(of(given, "rfc8461").delivers()).contains(true);
  }

  @Test
  void aTwoLabelHostUnderAOneLabelWildcardIsDeliveredOnlyBySendersThatStripTheStar() {
    String body = "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n";
    DraftJudge.Judgement j = DraftJudge.judge(body, List.of("a.mx.example.com"));

    assertThat(of(j, "rfc8461").mx().get(0).outcome()).isEqualTo(Outcome.REFUSE);
    SenderVerdict resolver = of(j, "postfix-mta-sts-resolver");
    assertThat(resolver.profile().value(Behaviour.MX_WILDCARD_DEPTH)).isEqualTo("any-depth");
    assertThat(resolver.mx().get(0).outcome()).isEqualTo(Outcome.DELIVER);
    assertThat(resolver.differs())
        .extracting(SenderVerdict.Difference::behaviour)
        .containsExactly(Behaviour.MX_WILDCARD_DEPTH);
    assertThat(j.sentences())
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("Postfix with postfix-mta-sts-resolver")
                    .endsWith(
                        " would deliver a.mx.example.com (RFC 8461: refuse): it lets a wildcard"
                            + " pattern cover more than one label."));
  }

  @Test
  void aMissingModeIsReadAsEachSenderReadsIt() {
    String body = "version: STSv1\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n";
    DraftJudge.Judgement j = DraftJudge.judge(body, List.of());

    assertThat(of(j, "rfc8461").applies()).isEqualTo(Applies.NO_POLICY);
    for (SenderVerdict v : j.verdicts()) {
      String value = v.profile().value(Behaviour.POLICY_MISSING_MODE);
      Applies expected =
          switch (value) {
            case "none" -> Applies.NONE;
            case "reject" -> Applies.NO_POLICY;
            default -> Applies.UNKNOWN;
          };
      assertThat(v.applies()).as(v.profile().id()).isEqualTo(expected);
    }
  }

  /** The matrix runs on every pause in typing: a 64 KiB draft, one finding a line, stays linear. */
  @Test
  void a64KiBDraftIsJudgedInAFewMilliseconds() {
    // every line a finding for the judge to walk: a spaced key and an unknown field
    String body = " mode : enforce\r\nx: y\r\n".repeat(65_536 / 23);
    // the editor has parsed the draft already: the judge's own time is what the matrix adds
    org.stslens.engine.policy.ParsedPolicy parsed =
        org.stslens.engine.policy.PolicyParser.parse(body);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 40; i++) {
      long t0 = System.nanoTime();
      DraftJudge.judge(parsed, body, List.of("mx1.example.com"));
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.println("DraftJudge 64 KiB: " + best / 1000 + " us");
    // about 2.5 ms warm on an idle core; the bound leaves room for a loaded build machine
    assertThat(best / 1_000_000).isLessThan(250);
  }
}
