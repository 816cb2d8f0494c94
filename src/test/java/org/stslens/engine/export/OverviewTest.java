package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.lab.LabReports;

/** "Fix these first" puts what stops mail or the policy first, then other errors, then warnings. */
class OverviewTest {

  private static DomainReport real;
  private static final String MX2 = "mx2.one-good-one-bad-mx.lab.example";

  @BeforeAll
  static void check() throws Exception {
    real = LabReports.check("one-good-one-bad-mx");
  }

  private static StageReport stage(CheckStage stage, String target, Finding... findings) {
    StageKind kind =
        stage != CheckStage.MX
            ? StageKind.STAGE
            : target.isEmpty() ? StageKind.MX_SUMMARY : StageKind.MX_HOST;
    return new StageReport(
        stage,
        kind,
        target,
        StageStatus.of(List.of(findings)),
        0,
        1,
        List.of(findings),
        Optional.empty());
  }

  private static Finding finding(Code code, String target) {
    return Finding.of(code, target, code.id() + " seen", "fix " + code.id());
  }

  /** The real report with other stages: the findings of a world this test makes up. */
  private static DomainReport with(
      DomainVerdict verdict, boolean policyApplies, List<StageReport> stages) {
    return new DomainReport(
        real.domain(),
        real.startedAt(),
        real.durationMillis(),
        verdict,
        real.verdictReason(),
        real.discovery(),
        real.fetch(),
        real.policy(),
        policyApplies,
        real.mx(),
        real.tlsrpt(),
        stages);
  }

  private static List<String> order(DomainReport r) {
    return Overview.fixes(r).stream().map(f -> f.finding().code().id() + "/" + f.effect()).toList();
  }

  @Test
  void aRefusedMxComesBeforeOtherErrorsAndWarnings() {
    DomainReport r =
        with(
            DomainVerdict.ENFORCED_WITH_FAILURES,
            true,
            List.of(
                stage(
                    CheckStage.DISCOVERY,
                    real.domain(),
                    finding(Code.TXT_DUPLICATE_FIELD, real.domain()),
                    finding(Code.DNS_DNSSEC_UNSIGNED, real.domain())),
                stage(CheckStage.TLSRPT, real.domain(), finding(Code.TLSRPT_SYNTAX, real.domain())),
                stage(CheckStage.POLICY, real.domain(), finding(Code.POLICY_BLANK_LINE, "")),
                stage(CheckStage.MX, MX2, finding(Code.TLS_CERT_EXPIRED, MX2 + " [127.0.0.3]"))));
    assertThat(order(r))
        .containsExactly(
            "tls.cert-expired/MAIL_REFUSED",
            "tlsrpt.syntax/OTHER_ERROR",
            "txt.duplicate-field/WARNING",
            "policy.blank-line/WARNING");
  }

  @Test
  void aPolicySendersIgnoreComesBeforeAnErrorOfNarrowerEffect() {
    DomainReport r =
        with(
            DomainVerdict.NO_POLICY,
            false,
            List.of(
                stage(CheckStage.TLSRPT, real.domain(), finding(Code.TLSRPT_SYNTAX, real.domain())),
                stage(CheckStage.POLICY, real.domain(), finding(Code.POLICY_BLANK_LINE, "")),
                stage(
                    CheckStage.RETRIEVAL,
                    real.domain(),
                    finding(Code.FETCH_CONNECT_FAILED, "mta-sts." + real.domain()))));
    assertThat(order(r))
        .containsExactly(
            "fetch.connect-failed/POLICY_NOT_APPLIED",
            "tlsrpt.syntax/OTHER_ERROR",
            "policy.blank-line/WARNING");
  }

  @Test
  void theAnswerOfTheRealWorldNamesTheRefusedHost() {
    assertThat(Overview.answer(real)).contains("to 1 of 2 MX hosts and refuse " + MX2);
    assertThat(Overview.tone(real.verdict())).isEqualTo(Overview.Tone.WARN);
  }
}
