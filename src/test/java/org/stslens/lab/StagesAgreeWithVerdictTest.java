package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.check.StageRules;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * Cause and effect: when senders apply no policy, neither the Policy stage nor the MX stages read
 * as passed, and each says why; when they apply one, the stages pass as before.
 */
class StagesAgreeWithVerdictTest {

  private static final ScenarioCatalog CATALOG = ScenarioCatalog.load();

  /** A valid policy text that senders never apply: the fetch failed, so the policy stage ran. */
  @ParameterizedTest
  @CsvSource({
    "policy-text-html, fetch.content-type",
    "policy-cert-missing-intermediate, fetch.cert-untrusted",
    "policy-cert-client-auth, fetch.cert-wrong-purpose"
  })
  void aPolicyThatWasNotFetchedCleanlyIsNotApplied(String id, String cause) throws Exception {
    DomainReport report = check(id, false);
    assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);

    StageReport policy = stage(report, CheckStage.POLICY);
    assertThat(policy.status()).isEqualTo(StageStatus.NOT_APPLIED);
    assertThat(policy.notApplied()).hasValueSatisfying(why -> assertThat(why).contains(cause));
    assertThat(policy.notApplied().get()).startsWith("the policy was not fetched");

    List<StageReport> hosts = hosts(report);
    assertThat(hosts).isNotEmpty();
    for (StageReport host : hosts) {
      assertThat(host.status()).as(host.name()).isEqualTo(StageStatus.NOT_APPLIED);
      assertThat(host.notApplied()).isEqualTo(policy.notApplied());
    }
    assertThat(StageRules.of(report.verdict())).isEqualTo(StageStatus.FAIL);
  }

  /** No stage of any of these worlds passes while the summary says senders apply no policy. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "policy-text-html",
        "policy-cert-missing-intermediate",
        "policy-cert-client-auth",
        "policy-typo",
        "policy-not-found",
        "no-record",
        "mode-none"
      })
  void noPolicyOrMxStagePassesWhenSendersApplyNoPolicy(String id) throws Exception {
    DomainReport report = check(id, false);
    boolean mxChecked = report.policyApplies() && report.verdict() != DomainVerdict.NONE;
    assertThat(mxChecked).as(id + " is a world where senders check no MX host").isFalse();
    for (StageReport s : report.stages()) {
      if (s.stage() == CheckStage.MX && s.kind() == StageKind.MX_HOST) {
        assertThat(s.status()).as(id + " " + s.name()).isNotIn(StageStatus.PASS, StageStatus.WARN);
        assertThat(s.notApplied()).as(id + " " + s.name()).isPresent();
      }
      if (s.stage() == CheckStage.POLICY && !report.policyApplies()) {
        assertThat(s.status()).as(id + " policy").isNotIn(StageStatus.PASS, StageStatus.WARN);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"policy-text-html", "policy-cert-missing-intermediate", "good-enforce"})
  void whereSendersApplyThePolicyTheStagesPass(String id) throws Exception {
    DomainReport report = check(id, !id.equals("good-enforce"));
    assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    assertThat(stage(report, CheckStage.POLICY).status()).isEqualTo(StageStatus.PASS);
    assertThat(stage(report, CheckStage.POLICY).notApplied()).isEmpty();
    assertThat(hosts(report)).allSatisfy(h -> assertThat(h.status()).isEqualTo(StageStatus.PASS));
    assertThat(StageRules.of(report.verdict())).isEqualTo(StageStatus.PASS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"policy-typo"})
  void anInvalidPolicyFailsItsStageAndTheMxStagesSayWhy(String id) throws Exception {
    DomainReport report = check(id, false);
    assertThat(stage(report, CheckStage.POLICY).status()).isEqualTo(StageStatus.FAIL);
    assertThat(stage(report, CheckStage.POLICY).notApplied())
        .hasValueSatisfying(why -> assertThat(why).startsWith("the policy is invalid"));
    assertThat(hosts(report))
        .allSatisfy(h -> assertThat(h.status()).isEqualTo(StageStatus.NOT_APPLIED));
  }

  private static DomainReport check(String id, boolean fixed) throws InterruptedException {
    return LabReports.check(id, fixed);
  }

  private static StageReport stage(DomainReport report, CheckStage stage) {
    return report.stages().stream()
        .filter(s -> s.stage() == stage && s.kind() == StageKind.STAGE)
        .findFirst()
        .orElseThrow();
  }

  private static List<StageReport> hosts(DomainReport report) {
    return report.stages().stream().filter(s -> s.kind() == StageKind.MX_HOST).toList();
  }
}
