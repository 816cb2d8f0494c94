package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;
import static org.stslens.engine.check.TestWorld.mx;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.senders.SenderRows;
import org.stslens.lab.CertificateSpec;

/**
 * Every domain verdict of checks.md, stage 3 (the policy text) and TLS reporting, through the whole
 * check.
 */
class CheckEndToEndVerdictTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";

  /** Standard DNS, two good MX hosts and a policy host serving {@code body} as text/plain. */
  private static TestWorld worldServing(String body) {
    TestWorld world = new TestWorld();
    world.standardDns(DOMAIN, "20260101", MX1, MX2);
    world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", body));
    world.goodMx(0, MX1);
    world.goodMx(1, MX2);
    return world;
  }

  private static String policy(String mode) {
    return "version: STSv1\r\nmode: "
        + mode
        + "\r\nmx: "
        + MX1
        + "\r\nmx: "
        + MX2
        + "\r\nmax_age: 604800\r\n";
  }

  // --- verdicts ---------------------------------------------------------------------------

  @Test
  void enforceWithEveryMxPassingIsEnforced() throws Exception {
    try (TestWorld world = worldServing(policy("enforce"))) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(report.mx()).extracting(m -> m.verdict()).containsOnly(MxVerdict.DELIVER);
      assertThat(report.mx()).extracting(m -> m.host()).containsExactly(MX1, MX2);
      assertThat(report.policyApplies()).isTrue();
      assertThat(report.hasErrors()).as(codes(report).toString()).isFalse();
      SenderRows.assertRows(report, "* enforce true deliver deliver");
    }
  }

  @Test
  void enforceWithOneBadMxIsEnforcedWithFailuresNamingIt() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, MX2);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", policy("enforce")));
      world.goodMx(0, MX1);
      world.mx(1, world.ca.issue(CertificateSpec.expired(MX2)), b -> b.hostname(MX2));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_WITH_FAILURES);
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(report.verdictReason())
          .contains(MX2 + " — ")
          .contains("expired")
          .contains("[tls.cert-expired]");
      SenderRows.assertRows(report, "* enforce true deliver refuse");
    }
  }

  @Test
  void enforceWithNoPassingMxIsUndeliverable() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, MX2);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", policy("enforce")));
      world.mx(0, world.ca.issue("wrong.example.test"), b -> b.hostname(MX1));
      world.mx(1, world.ca.issue(MX2), b -> b.hostname(MX2).advertiseStartTls(false));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_UNDELIVERABLE);
      assertThat(report.mx()).extracting(m -> m.verdict()).containsOnly(MxVerdict.REFUSE);
      assertThat(report.verdictReason())
          .contains("tls.cert-name-mismatch")
          .contains("smtp.starttls-missing");
      SenderRows.assertRows(report, "* enforce false refuse refuse");
    }
  }

  @Test
  void testingModeDeliversAndNamesWhatEnforceWouldRefuse() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, MX2);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", policy("testing")));
      world.goodMx(0, MX1);
      world.mx(1, world.ca.issue(CertificateSpec.expired(MX2)), b -> b.hostname(MX2));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.REPORT);
      assertThat(report.verdictReason()).contains("Under enforce").contains(MX2);
      assertThat(finding(report, "policy.mode-testing").severity()).isEqualTo(Severity.INFO);
      SenderRows.assertRows(
          report,
          "rfc8461 testing true deliver report",
          "postfix-mta-sts-resolver testing true deliver deliver",
          "* testing true deliver unknown");
    }
  }

  @Test
  void testingModeWithEveryMxPassingSaysEnforceIsSafe() throws Exception {
    try (TestWorld world = worldServing(policy("testing"))) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(report.verdictReason()).contains("Every MX passes");
    }
  }

  @Test
  void modeNoneIsNoneAndNoMxIsJudged() throws Exception {
    try (TestWorld world = worldServing("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NONE);
      assertThat(codes(report)).contains("policy.mode-none").doesNotContain("mx.pattern-unused");
      assertThat(report.mx()).extracting(m -> m.verdict()).containsOnly(MxVerdict.DELIVER);
      SenderRows.assertRows(report, "* none true deliver deliver");
    }
  }

  @Test
  void noRecordIsNoPolicy() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("no v=STSv1 TXT record");
      assertThat(report.fetch()).isPresent(); // evidence: the fetch still runs
      assertThat(report.policyApplies()).isFalse();
      SenderRows.assertRows(report, "* no-policy true deliver");
    }
  }

  @Test
  void invalidRecordIsNoPolicyWithTheReason() throws Exception {
    try (TestWorld world = worldServing(policy("enforce"))) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=second");

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("unusable (txt.multiple-records)");
      assertThat(report.policyApplies()).isFalse();
      SenderRows.assertRows(report, "* no-policy true deliver deliver");
    }
  }

  @Test
  void fetchFailureIsNoPolicyWithTheReason() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, org.stslens.lab.LabHttpResponse.notFound());
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("could not be fetched (fetch.http-status)");
      SenderRows.assertRows(
          report,
          "* no-policy true deliver",
          // what these do when a fetch fails with nothing cached is not established
          "postfix-tlspol unknown null unknown",
          // mailauth 4.13.3 (run by RealSendersIT): mode none for an hour
          "mailauth none true deliver",
          "exchange-online unknown null unknown",
          "gmail unknown null unknown");
    }
  }

  @Test
  void invalidPolicyIsNoPolicyWithTheReason() throws Exception {
    try (TestWorld world =
        worldServing("version: STSv1\r\nmode: Enforce\r\nmx: " + MX1 + "\r\nmax_age: 604800\r\n")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason())
          .contains("policy file is invalid")
          .contains("policy.invalid-mode");
      assertThat(finding(report, "policy.invalid-mode").tlsrptType())
          .contains("sts-policy-invalid");
      assertThat(report.policy()).isPresent();
      assertThat(report.policyApplies()).isFalse();
      SenderRows.assertRows(
          report,
          "* unknown null unknown unknown",
          "rfc8461 no-policy true deliver deliver",
          "postfix-mta-sts-resolver no-policy true deliver deliver",
          "go-mtasts no-policy true deliver deliver",
          // mailauth lower-cases the mode: "Enforce" enforces, and mx2 is not in the policy
          "mailauth enforce true deliver refuse");
    }
  }

  @Test
  void nxdomainIsNoPolicy() throws Exception {
    try (TestWorld world = worldServing(policy("enforce"))) {
      DomainReport report = world.check("missing.test");

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("does not exist");
    }
  }

  @Test
  void servfailIsTemporarilyUnknown() throws Exception {
    try (TestWorld world = worldServing(policy("enforce"))) {
      world.dns.servfail("_mta-sts." + DOMAIN, org.xbill.DNS.Type.TXT);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason()).contains("this is not").contains("no policy");
      SenderRows.assertRows(report, "* unknown null unknown unknown");
    }
  }

  @Test
  void dnsTimeoutIsTemporarilyUnknown() throws Exception {
    try (TestWorld world = worldServing(policy("enforce"))) {
      world.dnsTimeout(Duration.ofMillis(300));
      world.dns.drop("_mta-sts." + DOMAIN, org.xbill.DNS.Type.TXT);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason()).contains("timeout");
    }
  }

  // --- stage 3: the policy text ----------------------------------------------------------

  @Test
  void missingFieldsMakeThePolicyInvalid() throws Exception {
    try (TestWorld world = worldServing("mx: " + MX1 + "\r\n")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report))
          .contains("policy.missing-version", "policy.missing-mode", "policy.missing-max-age");
    }
  }

  @Test
  void invalidVersionAndMaxAgeMakeThePolicyInvalid() throws Exception {
    try (TestWorld world =
        worldServing(
            "version: STSv2\r\nmode: enforce\r\nmx: " + MX1 + "\r\nmax_age: 99999999999\r\n")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("policy.invalid-version", "policy.invalid-max-age");
    }
  }

  @Test
  void enforceWithoutUsablePatternIsMissingMx() throws Exception {
    try (TestWorld world =
        worldServing("version: STSv1\r\nmode: enforce\r\nmx: 127.0.0.2\r\nmax_age: 604800\r\n")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("policy.missing-mx", "policy.invalid-mx");
      assertThat(finding(report, "policy.invalid-mx").severity()).isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void fragileButValidPolicyIsEnforcedWithWarnings() throws Exception {
    String body =
        "\uFEFFversion: STSv1\n"
            + "mode : enforce\n"
            + "\n"
            + "mx: "
            + MX1
            + "\n"
            + "mx: "
            + MX2
            + "\n"
            + "nmx: mx3.example.test\n"
            + "this line has no colon\n"
            + "max_age: 3600\n"
            + "max_age: 7200\n"
            + "comment: hello\n";
    try (TestWorld world = worldServing(body)) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(codes(report))
          .contains(
              "policy.bom",
              "policy.whitespace",
              "policy.blank-line",
              "policy.likely-typo",
              "policy.syntax",
              "policy.duplicate-field",
              "policy.max-age-short",
              "policy.unknown-field",
              "policy.line-endings");
      assertThat(report.policy().orElseThrow().policy().orElseThrow().maxAge()).isEqualTo(3600);
      SenderRows.assertRows(
          report,
          "rfc8461 enforce true deliver deliver",
          "mailauth enforce true deliver deliver",
          // the BOM makes the first key "\uFEFFversion": no version
          "postfix-mta-sts-resolver no-policy true deliver deliver",
          "go-mtasts no-policy true deliver deliver",
          "mox no-policy true deliver deliver",
          // the BOM: their handling is not established
          "* unknown null unknown unknown");
    }
  }

  // --- TLS reporting ---------------------------------------------------------------------

  /** A good enforce setup whose _smtp._tls TXT records are {@code records}. */
  private static DomainReport checkWithTlsRpt(String... records) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      for (String record : records) {
        world.dns.txt("_smtp._tls." + DOMAIN, record);
      }
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);
      DomainReport report = world.check(DOMAIN);
      // TLS reporting never changes what a sender does with mail
      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      return report;
    }
  }

  @Test
  void goodTlsRptRecordHasNoFinding() throws Exception {
    DomainReport report = checkWithTlsRpt("v=TLSRPTv1; rua=mailto:tlsrpt@example.test");

    assertThat(codes(report)).noneMatch(c -> c.startsWith("tlsrpt."));
    assertThat(report.tlsrpt().record().orElseThrow().valid()).isTrue();
  }

  @Test
  void missingTlsRptRecordIsAWarning() throws Exception {
    DomainReport report = checkWithTlsRpt();

    assertThat(finding(report, "tlsrpt.no-record").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void twoTlsRptRecordsAreAnError() throws Exception {
    DomainReport report =
        checkWithTlsRpt(
            "v=TLSRPTv1; rua=mailto:a@example.test", "v=TLSRPTv1; rua=mailto:b@example.test");

    assertThat(finding(report, "tlsrpt.multiple-records").severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void malformedTlsRptRecordIsASyntaxError() throws Exception {
    assertThat(codes(checkWithTlsRpt("v=TLSRPTv1 rua=mailto:a@example.test")))
        .contains("tlsrpt.syntax");
  }

  @Test
  void tlsRptRecordWithoutRuaIsAnError() throws Exception {
    assertThat(codes(checkWithTlsRpt("v=TLSRPTv1;"))).contains("tlsrpt.missing-rua");
  }

  @Test
  void malformedRuaIsInvalid() throws Exception {
    assertThat(codes(checkWithTlsRpt("v=TLSRPTv1; rua=mailto:nobody")))
        .contains("tlsrpt.invalid-rua");
  }

  @Test
  void ruaWithAnotherSchemeIsIgnoredWithAWarning() throws Exception {
    DomainReport report =
        checkWithTlsRpt("v=TLSRPTv1; rua=mailto:a@example.test,http://reports.example.test/tls");

    assertThat(finding(report, "tlsrpt.ignored-rua").severity()).isEqualTo(Severity.WARNING);
    assertThat(codes(report)).doesNotContain("tlsrpt.invalid-rua");
  }
}
