package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.FetchTimings;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Outcome;
import org.stslens.lab.LabReports;

/**
 * Each behaviour on a real lab report: the sender departs from the RFC reading, and with that one
 * behaviour set back to the RFC's value it no longer does (so flipping it fails the test).
 */
class SenderJudgeTest {

  private static final Map<String, DomainReport> REPORTS = new ConcurrentHashMap<>();

  private static DomainReport report(String id) {
    return REPORTS.computeIfAbsent(
        id,
        k -> {
          try {
            return LabReports.check(k);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static SenderProfile profile(String id) {
    return SenderProfiles.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static SenderProfile withValue(SenderProfile p, Behaviour b, String value) {
    Map<Behaviour, SenderProfile.Fact> facts = new EnumMap<>(p.facts());
    facts.put(b, new SenderProfile.Fact(value, "test"));
    return new SenderProfile(p.id(), p.name(), p.basis(), facts);
  }

  /** {@code p} with {@code b} set to the RFC's value. */
  private static SenderProfile flipped(SenderProfile p, Behaviour b) {
    Map<Behaviour, SenderProfile.Fact> facts = new EnumMap<>(p.facts());
    facts.put(b, new SenderProfile.Fact(b.rfc(), "test"));
    return new SenderProfile(p.id(), p.name(), p.basis(), facts);
  }

  private static SenderVerdict judge(String scenario, String sender) {
    return SenderJudge.judge(report(scenario), profile(sender));
  }

  private static void assertFlipGivesRfc(String scenario, String sender, Behaviour b) {
    SenderVerdict rfc = SenderJudge.judge(report(scenario), profile("rfc8461"));
    SenderVerdict back = SenderJudge.judge(report(scenario), flipped(profile(sender), b));
    assertThat(back.applies()).as("applies with " + b.id() + " flipped").isEqualTo(rfc.applies());
    assertThat(back.mx()).isEqualTo(rfc.mx());
    assertThat(back.differs()).noneMatch(d -> d.behaviour() == b);
  }

  private static List<Behaviour> differing(SenderVerdict v) {
    return v.differs().stream().map(SenderVerdict.Difference::behaviour).toList();
  }

  @Test
  void theResolverAppliesAPolicyWhoseTxtIdIsInvalid() {
    assertThat(judge("invalid-id", "rfc8461").applies()).isEqualTo(Applies.NO_POLICY);
    SenderVerdict v = judge("invalid-id", "postfix-mta-sts-resolver");
    assertThat(v.applies()).isEqualTo(Applies.ENFORCE);
    assertThat(v.delivers()).contains(true);
    assertThat(differing(v)).containsExactly(Behaviour.TXT_INVALID_ID);
    assertFlipGivesRfc("invalid-id", "postfix-mta-sts-resolver", Behaviour.TXT_INVALID_ID);
    assertThat(judge("invalid-id", "mailauth").applies()).isEqualTo(Applies.ENFORCE);
    // nobody knows what Gmail does with it: unknown, never guessed
    assertThat(judge("invalid-id", "gmail").applies()).isEqualTo(Applies.UNKNOWN);
    assertThat(judge("invalid-id", "gmail").delivers()).isEmpty();
  }

  @Test
  void aBomMakesTheStrictParsersRejectThePolicy() {
    assertThat(judge("policy-bom", "rfc8461").applies()).isEqualTo(Applies.ENFORCE);
    for (String sender : List.of("postfix-mta-sts-resolver", "go-mtasts", "mox")) {
      SenderVerdict v = judge("policy-bom", sender);
      assertThat(v.applies()).as(sender).isEqualTo(Applies.NO_POLICY);
      assertThat(differing(v)).as(sender).contains(Behaviour.POLICY_BOM);
      assertFlipGivesRfc("policy-bom", sender, Behaviour.POLICY_BOM);
    }
    assertThat(judge("policy-bom", "mailauth").applies()).isEqualTo(Applies.ENFORCE);
  }

  @Test
  void maxAgeAboveTheLimitIsClampedOrAcceptedBySome() {
    assertThat(judge("max-age-out-of-range", "rfc8461").applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(judge("max-age-out-of-range", "postfix-mta-sts-resolver").applies())
        .isEqualTo(Applies.NO_POLICY);
    for (String sender : List.of("postfix-tlspol", "go-mtasts", "mox")) {
      SenderVerdict v = judge("max-age-out-of-range", sender);
      assertThat(v.applies()).as(sender).isEqualTo(Applies.ENFORCE);
      assertThat(v.mx()).extracting(SenderVerdict.Mx::outcome).containsExactly(Outcome.DELIVER);
      assertFlipGivesRfc("max-age-out-of-range", sender, Behaviour.POLICY_MAX_AGE_OVER_LIMIT);
    }
  }

  @Test
  void mailauthAppliesAPolicyServedAsHtml() {
    SenderVerdict v = judge("policy-text-html", "mailauth");
    assertThat(v.applies()).isEqualTo(Applies.ENFORCE);
    assertThat(differing(v)).contains(Behaviour.FETCH_MEDIA_TYPE);
    // with the media type checked the fetch fails, and mailauth applies mode none for an hour
    SenderVerdict back =
        SenderJudge.judge(
            report("policy-text-html"), flipped(profile("mailauth"), Behaviour.FETCH_MEDIA_TYPE));
    assertThat(back.applies()).isEqualTo(Applies.NONE);
    assertThat(differing(back)).containsExactly(Behaviour.FETCH_FAILURE_NO_CACHE);
    assertThat(judge("policy-text-html", "postfix-mta-sts-resolver").applies())
        .isEqualTo(Applies.NO_POLICY);
    assertThat(judge("policy-text-html", "go-mtasts").applies()).isEqualTo(Applies.NO_POLICY);
    // Exchange's media-type check is not established: unknown, never guessed
    assertThat(judge("policy-text-html", "exchange-online").applies()).isEqualTo(Applies.UNKNOWN);
  }

  @Test
  void aSenderThatTreatsAFailedFetchAsModeNoneAppliesNone() {
    SenderProfile noneOnFailure =
        withValue(profile("mailauth"), Behaviour.FETCH_FAILURE_NO_CACHE, "none-for-an-hour");
    SenderVerdict v = SenderJudge.judge(report("policy-not-found"), noneOnFailure);
    assertThat(v.applies()).isEqualTo(Applies.NONE);
    assertThat(v.delivers()).isEqualTo(judge("policy-not-found", "rfc8461").delivers());
    assertThat(differing(v)).containsExactly(Behaviour.FETCH_FAILURE_NO_CACHE);
    SenderVerdict back =
        SenderJudge.judge(
            report("policy-not-found"),
            withValue(noneOnFailure, Behaviour.FETCH_FAILURE_NO_CACHE, "no-policy"));
    assertThat(back.applies()).isEqualTo(Applies.NO_POLICY);
    // mailauth 4.13.3's getPolicy does exactly that (RealSendersIT saw it)
    assertThat(judge("policy-not-found", "mailauth").applies()).isEqualTo(Applies.NONE);
  }

  @Test
  void aSenderThatFollowsRedirectsReadsAPolicyStsLensDidNotFetch() {
    assertThat(judge("policy-redirect", "postfix-mta-sts-resolver").applies())
        .isEqualTo(Applies.NO_POLICY);
    SenderProfile following =
        withValue(profile("postfix-mta-sts-resolver"), Behaviour.FETCH_REDIRECTS, "followed");
    SenderVerdict v = SenderJudge.judge(report("policy-redirect"), following);
    assertThat(v.applies()).isEqualTo(Applies.UNKNOWN);
    assertThat(v.delivers()).isEmpty();
    assertThat(differing(v)).contains(Behaviour.FETCH_REDIRECTS);
    // a sender whose redirect handling is not established is unknown for that reason
    assertThat(differing(judge("policy-redirect", "postfix-tlspol")))
        .contains(Behaviour.FETCH_REDIRECTS);
    SenderVerdict back =
        SenderJudge.judge(report("policy-redirect"), flipped(following, Behaviour.FETCH_REDIRECTS));
    assertThat(back.applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(differing(back)).doesNotContain(Behaviour.FETCH_REDIRECTS);
  }

  @Test
  void aBodyStsLensStoppedReadingIsUnknownForASenderWithoutALimit() {
    assertThat(judge("policy-too-large", "rfc8461").applies()).isEqualTo(Applies.NO_POLICY);
    SenderVerdict v = judge("policy-too-large", "mailauth");
    assertThat(v.applies()).isEqualTo(Applies.UNKNOWN);
    assertThat(v.delivers()).isEmpty();
    assertThat(v.mx()).extracting(SenderVerdict.Mx::outcome).containsOnly(Outcome.UNKNOWN);
  }

  @Test
  void aWildcardCoversAnyDepthForThePostfixResolvers() {
    SenderVerdict rfc = judge("wildcard-depth", "rfc8461");
    assertThat(rfc.mx())
        .extracting(SenderVerdict.Mx::outcome)
        .containsExactly(Outcome.DELIVER, Outcome.REFUSE);
    for (String sender : List.of("postfix-mta-sts-resolver", "postfix-tlspol", "mailauth")) {
      SenderVerdict v = judge("wildcard-depth", sender);
      assertThat(v.mx())
          .as(sender)
          .extracting(SenderVerdict.Mx::outcome)
          .containsExactly(Outcome.DELIVER, Outcome.DELIVER);
      assertFlipGivesRfc("wildcard-depth", sender, Behaviour.MX_WILDCARD_DEPTH);
    }
    assertThat(judge("wildcard-depth", "mox").mx()).isEqualTo(rfc.mx());
    // Gmail's matching is not documented: that host is unknown, the other one still delivers
    SenderVerdict gmail = judge("wildcard-depth", "gmail");
    assertThat(gmail.mx())
        .extracting(SenderVerdict.Mx::outcome)
        .containsExactly(Outcome.DELIVER, Outcome.UNKNOWN);
    assertThat(gmail.delivers()).contains(true);
  }

  @Test
  void theResolverDoesNotReportUnderTesting() {
    SenderVerdict rfc = judge("testing-broken-mx", "rfc8461");
    assertThat(rfc.mx()).extracting(SenderVerdict.Mx::outcome).contains(Outcome.REPORT);
    SenderVerdict v = judge("testing-broken-mx", "postfix-mta-sts-resolver");
    assertThat(v.applies()).isEqualTo(Applies.TESTING);
    assertThat(v.mx()).extracting(SenderVerdict.Mx::outcome).doesNotContain(Outcome.REPORT);
    assertFlipGivesRfc("testing-broken-mx", "postfix-mta-sts-resolver", Behaviour.TESTING_MODE);
  }

  @Test
  void aCleanDomainIsTheSameForEverySender() {
    SenderVerdict rfc = judge("good-enforce", "rfc8461");
    for (SenderVerdict v : SenderJudge.judgeAll(report("good-enforce"))) {
      assertThat(v.applies()).as(v.profile().id()).isEqualTo(Applies.ENFORCE);
      assertThat(v.delivers()).as(v.profile().id()).isEqualTo(Optional.of(true));
      assertThat(v.mx()).isEqualTo(rfc.mx());
      assertThat(v.differs()).as(v.profile().id()).isEmpty();
    }
  }

  @Test
  void judgingEverySenderIsPureAndTakesAFewMilliseconds() {
    DomainReport r = report("wildcard-depth");
    List<SenderVerdict> first = SenderJudge.judgeAll(r);
    for (int i = 0; i < 50; i++) {
      SenderJudge.judgeAll(r);
    }
    long start = System.nanoTime();
    int runs = 200;
    for (int i = 0; i < runs; i++) {
      assertThat(SenderJudge.judgeAll(r)).isEqualTo(first);
    }
    long averageMicros = (System.nanoTime() - start) / runs / 1000;
    assertThat(averageMicros).as("µs per report, all senders").isLessThan(10_000);
  }

  /** The report of {@code id} as if its policy body had been {@code body} (same fetch). */
  private static DomainReport withPolicyText(String id, String body) {
    DomainReport r = report(id);
    org.stslens.engine.policy.ParsedPolicy parsed =
        org.stslens.engine.policy.PolicyParser.parse(body);
    return new DomainReport(
        r.domain(),
        r.startedAt(),
        r.durationMillis(),
        r.verdict(),
        r.verdictReason(),
        r.discovery(),
        r.fetch(),
        Optional.of(parsed),
        parsed.valid(),
        r.mx(),
        r.tlsrpt(),
        r.stages());
  }

  @Test
  void mailauthReadsTheModeCaseInsensitively() {
    DomainReport r =
        withPolicyText(
            "good-enforce",
            "version: STSv1\r\nmode: Enforce\r\nmx: mx1.good-enforce.lab.example\r\n"
                + "mx: mx2.good-enforce.lab.example\r\nmax_age: 604800\r\n");
    assertThat(SenderJudge.judge(r, profile("rfc8461")).applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(SenderJudge.judge(r, profile("postfix-mta-sts-resolver")).applies())
        .isEqualTo(Applies.NO_POLICY);
    SenderVerdict mailauth = SenderJudge.judge(r, profile("mailauth"));
    assertThat(mailauth.applies()).isEqualTo(Applies.ENFORCE);
    assertThat(mailauth.mx()).extracting(SenderVerdict.Mx::outcome).containsOnly(Outcome.DELIVER);
    assertThat(differing(mailauth)).containsExactly(Behaviour.POLICY_MODE_CASE);
    SenderVerdict back =
        SenderJudge.judge(r, flipped(profile("mailauth"), Behaviour.POLICY_MODE_CASE));
    // the policy rejected: for mailauth an error like a failed fetch, mode none for an hour
    assertThat(back.applies()).isEqualTo(Applies.NONE);
    assertThat(SenderJudge.judge(r, profile("mox")).applies()).isEqualTo(Applies.UNKNOWN);
  }

  // The behaviours below were established by running the real programs (RealSendersIT).

  @Test
  void mailauthReadsARecordWhoseVersionIsInAnotherCase() {
    assertThat(judge("lookalike-record", "rfc8461").applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(judge("lookalike-record", "postfix-mta-sts-resolver").applies())
        .isEqualTo(Applies.NO_POLICY);
    SenderVerdict v = judge("lookalike-record", "mailauth");
    assertThat(v.applies()).isEqualTo(Applies.ENFORCE);
    assertThat(differing(v)).containsExactly(Behaviour.TXT_VERSION_CASE);
    assertFlipGivesRfc("lookalike-record", "mailauth", Behaviour.TXT_VERSION_CASE);
    assertThat(judge("lookalike-record", "gmail").applies()).isEqualTo(Applies.UNKNOWN);
  }

  @Test
  void theResolverAndMailauthTakeTheLastOfTwoModeLines() {
    assertThat(judge("policy-duplicate-field", "rfc8461").applies()).isEqualTo(Applies.ENFORCE);
    for (String sender : List.of("postfix-mta-sts-resolver", "mailauth")) {
      SenderVerdict v = judge("policy-duplicate-field", sender);
      assertThat(v.applies()).as(sender).isEqualTo(Applies.TESTING);
      assertThat(differing(v)).as(sender).contains(Behaviour.POLICY_DUPLICATE_KEYS);
      assertFlipGivesRfc("policy-duplicate-field", sender, Behaviour.POLICY_DUPLICATE_KEYS);
    }
  }

  @Test
  void aHeaderWithAControlCharacterFailsTheFetchForTheResolverAndMailauth() {
    assertThat(judge("policy-headers-escapes", "rfc8461").applies()).isEqualTo(Applies.ENFORCE);
    SenderVerdict resolver = judge("policy-headers-escapes", "postfix-mta-sts-resolver");
    assertThat(resolver.applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(differing(resolver)).containsExactly(Behaviour.FETCH_HEADER_CONTROLS);
    assertFlipGivesRfc(
        "policy-headers-escapes", "postfix-mta-sts-resolver", Behaviour.FETCH_HEADER_CONTROLS);
    SenderVerdict mailauth = judge("policy-headers-escapes", "mailauth");
    assertThat(mailauth.applies()).isEqualTo(Applies.NONE);
    assertThat(differing(mailauth))
        .containsExactly(Behaviour.FETCH_HEADER_CONTROLS, Behaviour.FETCH_FAILURE_NO_CACHE);
    // a header without a control character is not a difference
    assertThat(differing(judge("good-enforce", "mailauth")))
        .doesNotContain(Behaviour.FETCH_HEADER_CONTROLS);
  }

  @Test
  void mailauthHasNoPolicyWhenThePolicyHostHasNoAddressButModeNoneWhenTheFetchFails() {
    SenderVerdict missing = judge("policy-host-missing", "mailauth");
    assertThat(missing.applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(differing(missing)).contains(Behaviour.POLICY_HOST_NO_ADDRESS);
    SenderVerdict back =
        SenderJudge.judge(
            report("policy-host-missing"),
            flipped(profile("mailauth"), Behaviour.POLICY_HOST_NO_ADDRESS));
    assertThat(back.applies()).isEqualTo(Applies.NONE);
    // an invalid policy is an error inside getPolicy's try, like a failed fetch
    SenderVerdict invalid = judge("max-age-missing", "mailauth");
    assertThat(invalid.applies()).isEqualTo(Applies.NONE);
    assertThat(differing(invalid)).containsExactly(Behaviour.FETCH_FAILURE_NO_CACHE);
    assertFlipGivesRfc("max-age-missing", "mailauth", Behaviour.FETCH_FAILURE_NO_CACHE);
    assertThat(judge("max-age-missing", "postfix-mta-sts-resolver").applies())
        .isEqualTo(Applies.NO_POLICY);
  }

  private static DomainReport withTimings(String id, FetchTimings t) {
    DomainReport r = report(id);
    FetchResult f = r.fetch().orElseThrow();
    FetchResult timed =
        new FetchResult(
            f.url(),
            f.host(),
            f.lookups(),
            f.connectedTo(),
            f.tlsVersion(),
            f.cipherSuite(),
            f.certificate(),
            f.statusLine(),
            f.status(),
            f.headers(),
            f.body(),
            f.bodyTruncated(),
            t,
            f.findings());
    return new DomainReport(
        r.domain(),
        r.startedAt(),
        r.durationMillis(),
        r.verdict(),
        r.verdictReason(),
        r.discovery(),
        Optional.of(timed),
        r.policy(),
        r.policyApplies(),
        r.mx(),
        r.tlsrpt(),
        r.stages());
  }

  @Test
  void theResolverGivesUpOnASlowServerButNotOnStsLenssOwnSlowHandshake() {
    SenderProfile resolver = profile("postfix-mta-sts-resolver");
    // the server kept STS Lens waiting 4.5 s for the status line: past the resolver's 4 s
    DomainReport slow = withTimings("good-enforce", new FetchTimings(5, 5, 200, 4_500, 4_710));
    SenderVerdict v = SenderJudge.judge(slow, resolver);
    assertThat(v.applies()).isEqualTo(Applies.NO_POLICY);
    assertThat(differing(v)).containsExactly(Behaviour.FETCH_TIME_LIMIT);
    // as measured in the interop suite: 4.7 s in all, 2.6 s of it STS Lens's own TLS handshake
    DomainReport cold = withTimings("good-enforce", new FetchTimings(10, 504, 2_642, 283, 4_710));
    assertThat(SenderJudge.judge(cold, resolver).applies()).isEqualTo(Applies.ENFORCE);
  }

  @Test
  void aSenderThatAppliesDaneFirstDeliversWhereDaneValidatesAnMxThatMtaStsRefuses() {
    String mx = "mx1.dane-rescues-sts.lab.example";
    // STS Lens's verdict is a sender of MTA-STS alone: the MX's certificate name is wrong
    assertThat(judge("dane-rescues-sts", "rfc8461").mx())
        .containsExactly(new SenderVerdict.Mx(mx, Outcome.REFUSE));
    // the resolver's socketmap answer overrides Postfix's DANE (postfix-mta-sts-resolver#67)
    SenderVerdict resolver = judge("dane-rescues-sts", "postfix-mta-sts-resolver");
    assertThat(resolver.mx()).containsExactly(new SenderVerdict.Mx(mx, Outcome.REFUSE));
    assertThat(differing(resolver)).containsExactly(Behaviour.DANE_PRECEDENCE);
    // RFC 8461 section 2, for a sender of both: DANE first
    SenderProfile both = withValue(profile("rfc8461"), Behaviour.DANE_PRECEDENCE, "dane-first");
    SenderVerdict dane = SenderJudge.judge(report("dane-rescues-sts"), both);
    assertThat(dane.mx()).containsExactly(new SenderVerdict.Mx(mx, Outcome.DELIVER));
    assertThat(dane.delivers()).contains(true);
    // and a bogus TLSA answer stops it where MTA-STS would deliver
    SenderVerdict bogus = SenderJudge.judge(report("dane-dnssec-bogus"), both);
    assertThat(bogus.mx())
        .containsExactly(new SenderVerdict.Mx("mx1.dane-dnssec-bogus.lab.example", Outcome.REFUSE));
    // unknown precedence: that MX is unknown, the policy is not
    SenderVerdict gmail = judge("dane-rescues-sts", "gmail");
    assertThat(gmail.applies()).isEqualTo(Applies.ENFORCE);
    assertThat(gmail.mx()).containsExactly(new SenderVerdict.Mx(mx, Outcome.UNKNOWN));
  }
}
