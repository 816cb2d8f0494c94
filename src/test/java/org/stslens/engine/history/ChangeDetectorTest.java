package org.stslens.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.report.ChangeSet;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/** Each life.* finding, from two consecutive checks of loopback worlds. */
class ChangeDetectorTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";

  private static ChangeSet changes(DomainReport before, DomainReport now) {
    return ChangeDetector.compare(Optional.of(CheckFacts.of(before)), CheckFacts.of(now));
  }

  private static List<String> codes(ChangeSet changes) {
    return changes.findings().stream().map(f -> f.code().id()).toList();
  }

  private static Finding only(ChangeSet changes, Code code) {
    List<Finding> found = changes.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(found).as("%s in %s", code.id(), codes(changes)).hasSize(1);
    return found.get(0);
  }

  /** One world: TXT id {@code id}, MX hosts {@code mx}, policy {@code body}; checked once. */
  private static DomainReport check(String id, String body, String... mx)
      throws InterruptedException {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, id, mx);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", body));
      for (int i = 0; i < mx.length; i++) {
        world.goodMx(i, mx[i]);
      }
      return world.check(DOMAIN);
    }
  }

  private static String policy(String mode, long maxAge, String... mx) {
    StringBuilder b = new StringBuilder("version: STSv1\r\nmode: " + mode + "\r\n");
    for (String m : mx) {
      b.append("mx: ").append(m).append("\r\n");
    }
    return b.append("max_age: ").append(maxAge).append("\r\n").toString();
  }

  @Test
  void aModeRaiseIsNotedAndTheLabsNewIdIsNoProblem() throws Exception {
    // testing-mode's fix serves enforce; the lab bumps the TXT id of every fixed world
    ChangeSet changes =
        changes(LabReports.check("testing-mode"), LabReports.check("testing-mode", true));
    assertThat(codes(changes)).containsExactly("life.mode-raised");
    assertThat(only(changes, Code.LIFE_MODE_RAISED).message()).contains("testing to enforce");
  }

  @Test
  void aPolicyEditedUnderTheSameIdIsAnError() throws Exception {
    DomainReport before = check("20260101", policy("testing", 604800, MX1), MX1);
    DomainReport now = check("20260101", policy("enforce", 604800, MX1), MX1);
    ChangeSet changes = changes(before, now);
    assertThat(codes(changes)).containsExactlyInAnyOrder("life.id-not-bumped", "life.mode-raised");
    Finding notBumped = only(changes, Code.LIFE_ID_NOT_BUMPED);
    assertThat(notBumped.severity()).isEqualTo(Severity.ERROR);
    assertThat(notBumped.message())
        .contains("20260101")
        .contains(HistoryClock.format(before.startedAt().plusSeconds(604800)))
        .contains(HistoryClock.format(now.startedAt().plusSeconds(604800)));
  }

  @Test
  void loweringTheModeIsAWarning() throws Exception {
    ChangeSet changes =
        changes(LabReports.check("testing-mode", true), LabReports.check("testing-mode"));
    assertThat(only(changes, Code.LIFE_MODE_LOWERED).severity()).isEqualTo(Severity.WARNING);
    assertThat(codes(changes)).doesNotContain("life.mode-raised");
  }

  @Test
  void aNewIdForTheSamePolicyIsOnlyNoted() throws Exception {
    String body = policy("enforce", 604800, MX1);
    ChangeSet changes = changes(check("20260101", body, MX1), check("20260102", body, MX1));
    assertThat(codes(changes)).containsExactly("life.id-bumped-same-policy");
    assertThat(only(changes, Code.LIFE_ID_BUMPED_SAME_POLICY).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void theSamePolicyUnderTheSameIdChangesNothing() throws Exception {
    String body = policy("enforce", 604800, MX1);
    ChangeSet changes = changes(check("20260101", body, MX1), check("20260101", body, MX1));
    assertThat(changes.findings()).isEmpty();
    assertThat(changes.previousCheck()).isPresent();
  }

  @Test
  void aLowerMaxAgeSaysHowLongTheOldOneIsKept() throws Exception {
    DomainReport before = check("20260101", policy("enforce", 604800, MX1), MX1);
    DomainReport now = check("20260102", policy("enforce", 86400, MX1), MX1);
    Finding f = only(changes(before, now), Code.LIFE_MAX_AGE_LOWERED);
    assertThat(f.message())
        .contains("604800 to 86400")
        .contains(HistoryClock.format(before.startedAt().plusSeconds(604800)));
  }

  @Test
  void aNewMxOutsideTheCachedEnforcePolicyIsRefusedUntilItExpires() throws Exception {
    DomainReport before = check("20260101", policy("enforce", 604800, MX1), MX1);
    // the new policy covers both, under a new id: senders holding the old one still refuse mx2
    DomainReport now = check("20260102", policy("enforce", 604800, MX1, MX2), MX1, MX2);
    assertThat(now.findings()).noneMatch(f -> f.code() == Code.MX_NOT_COVERED);
    Finding f = only(changes(before, now), Code.LIFE_MX_OUTSIDE_CACHED_POLICY);
    assertThat(f.target()).isEqualTo(MX2);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message())
        .contains("refuse")
        .contains(HistoryClock.format(before.startedAt().plusSeconds(604800)));
  }

  @Test
  void aNewMxAlreadyCoveredByTheCachedPolicyIsFine() throws Exception {
    DomainReport before = check("20260101", policy("enforce", 604800, "*.example.test"), MX1);
    DomainReport now = check("20260101", policy("enforce", 604800, "*.example.test"), MX1, MX2);
    assertThat(codes(changes(before, now))).doesNotContain("life.mx-outside-cached-policy");
  }

  @Test
  void aNewMxOutsideACachedTestingPolicyIsAWarning() throws Exception {
    DomainReport before = check("20260101", policy("testing", 604800, MX1), MX1);
    DomainReport now = check("20260102", policy("testing", 604800, MX1, MX2), MX1, MX2);
    assertThat(only(changes(before, now), Code.LIFE_MX_OUTSIDE_CACHED_POLICY).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void aRemovedTxtRecordLeavesTheEnforcePolicyCached() throws Exception {
    // no-record's fix publishes the record; going back removes it
    ChangeSet changes = changes(LabReports.check("no-record", true), LabReports.check("no-record"));
    Finding f = only(changes, Code.LIFE_TXT_GONE);
    assertThat(f.stage()).isEqualTo(CheckStage.DISCOVERY);
    assertThat(f.message()).contains("until at least");
    assertThat(codes(changes)).doesNotContain("life.policy-gone");
  }

  @Test
  void aPolicyThatCanNoLongerBeFetchedLeavesTheEnforcePolicyCached() throws Exception {
    ChangeSet changes =
        changes(LabReports.check("policy-not-found", true), LabReports.check("policy-not-found"));
    assertThat(only(changes, Code.LIFE_POLICY_GONE).message()).contains("until at least");
    assertThat(codes(changes)).doesNotContain("life.txt-gone");
  }

  @Test
  void anExpiringPolicyCertificateNeedsNoHistory() throws Exception {
    DomainReport report = LabReports.check("policy-cert-expiring-soon");
    ChangeSet changes = ChangeDetector.compare(Optional.empty(), CheckFacts.of(report));
    assertThat(changes.previousCheck()).isEmpty();
    Finding f = only(changes, Code.LIFE_CERT_EXPIRING);
    assertThat(f.stage()).isEqualTo(CheckStage.RETRIEVAL);
    assertThat(f.target()).isEqualTo("mta-sts.policy-cert-expiring-soon.lab.example");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void certificateExpirySteps() {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(expiring(now, now.plus(Duration.ofDays(30)).plusSeconds(1))).isEmpty();
    assertThat(expiring(now, now.plus(Duration.ofDays(30))))
        .hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(expiring(now, now.plus(Duration.ofDays(15))))
        .hasValueSatisfying(f -> assertThat(f.message()).contains("within 30 days"));
    assertThat(expiring(now, now.plus(Duration.ofDays(14))))
        .hasValueSatisfying(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("within 14 days");
            });
    assertThat(expiring(now, now.plus(Duration.ofDays(7))))
        .hasValueSatisfying(f -> assertThat(f.message()).contains("within 7 days"));
    // expired is tls.cert-expired's business, not a warning ahead
    assertThat(expiring(now, now)).isEmpty();
  }

  private static Optional<Finding> expiring(Instant now, Instant notAfter) {
    CheckFacts facts =
        new CheckFacts(
            DOMAIN,
            now,
            "enforced",
            true,
            false,
            Optional.of("1"),
            true,
            Optional.of("h"),
            Optional.of(Mode.ENFORCE),
            Optional.of(86400L),
            List.of(MX1),
            List.of(MX1),
            List.of(new CertExpiry(MX1, false, notAfter)));
    List<Finding> found = ChangeDetector.compare(Optional.empty(), facts).findings();
    assertThat(found).hasSizeLessThanOrEqualTo(1);
    found.forEach(f -> assertThat(f.stage()).isEqualTo(CheckStage.MX));
    return found.stream().findFirst();
  }
}
