package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.MxKind;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.senders.SenderRows;
import org.xbill.DNS.Type;

/** Stage 1 through the whole check: the TXT record, CNAMEs, DNS failures and the MX set. */
class CheckEndToEndDiscoveryTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";

  /** A world where everything but the _mta-sts TXT record is right. */
  private static TestWorld worldWithTxt(String... txtRecords) {
    TestWorld world = new TestWorld();
    for (String record : txtRecords) {
      world.dns.txt("_mta-sts." + DOMAIN, record);
    }
    world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:tlsrpt@example.test");
    world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
    world.dns.mx(DOMAIN, 10, MX1);
    world.dns.a(MX1, TestWorld.mxAddress(0));
    world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
    world.goodMx(0, MX1);
    return world;
  }

  @Test
  void missingRecordMeansNoPolicyAndTheMxStillReceivesMail() throws Exception {
    try (TestWorld world = worldWithTxt()) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("no v=STSv1 TXT record");
      assertThat(codes(report)).contains("txt.no-record");
      assertThat(report.policyApplies()).isFalse();
      assertThat(report.mx()).extracting(m -> m.verdict()).containsExactly(MxVerdict.DELIVER);
    }
  }

  @Test
  void twoPolicyRecordsAreAnErrorEvenIfOneIsBroken() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=one", "v=STSv1;;")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("txt.multiple-records");
      assertThat(finding(report, "txt.multiple-records").severity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void lookalikeRecordIsDiscardedWithAWarning() throws Exception {
    try (TestWorld world = worldWithTxt("v=stsv1; id=abc")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("txt.no-record", "txt.discarded-lookalike");
      assertThat(finding(report, "txt.discarded-lookalike").severity()).isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void syntaxErrorMakesTheRecordInvalid() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc;;")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("unusable").contains("txt.syntax");
      assertThat(finding(report, "txt.syntax").target()).isEqualTo("_mta-sts.example.test.");
    }
  }

  @Test
  void invalidIdMakesTheRecordInvalid() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=policy_1")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("txt.invalid-id");
      SenderRows.assertRows(
          report,
          "* unknown null unknown",
          "rfc8461 no-policy true deliver",
          "postfix-mta-sts-resolver enforce true deliver",
          "mailauth enforce true deliver",
          "go-mtasts enforce true deliver");
    }
  }

  @Test
  void missingIdMakesTheRecordInvalid() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; ID=abc")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("txt.missing-id");
    }
  }

  @Test
  void duplicateAndExtensionFieldsAreNotedButTheRecordWorks() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=first; id=second; ext=1")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(codes(report)).contains("txt.duplicate-field", "txt.extension-fields");
      assertThat(report.discovery().policyId()).contains("first");
    }
  }

  @Test
  void recordSplitIntoSeveralStringsIsJoinedWithoutSpaces() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "unused", MX1);
      world.dns.txt("_mta-sts.split.test", "v=STSv1; ", "id=20260101");
      world.dns.txt("_smtp._tls.split.test", "v=TLSRPTv1; rua=mailto:r@split.test");
      world.dns.mx("split.test", 10, MX1);
      world.dns.a("mta-sts.split.test", TestWorld.POLICY_ADDRESS);
      world.policyHost("split.test", TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);

      DomainReport report = world.check("split.test");

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(codes(report)).contains("txt.split-strings");
      assertThat(report.discovery().policyId()).contains("20260101");
    }
  }

  @Test
  void unrelatedRecordsNextToThePolicyRecordAreWarned() throws Exception {
    try (TestWorld world = worldWithTxt("v=spf1 -all", "v=STSv1; id=abc")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finding(report, "txt.unrelated-records").severity()).isEqualTo(Severity.WARNING);
      SenderRows.assertRows(
          report,
          "* unknown null unknown",
          "rfc8461 enforce true deliver",
          "postfix-mta-sts-resolver enforce true deliver",
          "mailauth enforce true deliver",
          "mox enforce true deliver",
          "go-mtasts no-policy true deliver");
    }
  }

  @Test
  void recordAtTheApexIsNotFoundButPointedOut() throws Exception {
    try (TestWorld world = worldWithTxt()) {
      world.dns.txt(DOMAIN, "v=STSv1; id=apex1");

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("txt.no-record", "txt.at-apex");
    }
  }

  @Test
  void cnameDelegatedRecordShowsTheChain() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.cname("_mta-sts." + DOMAIN, "_mta-sts.provider.test");
      world.dns.txt("_mta-sts.provider.test", "v=STSv1; id=viaprovider");
      world.dns.cname("mta-sts." + DOMAIN, "mta-sts.provider.test");
      world.dns.a("mta-sts.provider.test", TestWorld.POLICY_ADDRESS);
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:r@example.test");
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finding(report, "dns.cname-chain").message())
          .contains("_mta-sts.example.test")
          .contains("_mta-sts.provider.test");
      assertThat(report.discovery().stsQuery().cnameChain()).hasSize(2);
      // both names delegated the same way: no mismatch
      assertThat(codes(report)).doesNotContain("dns.delegation-mismatch");
    }
  }

  @Test
  void recordDelegatedByCnameWithoutThePolicyHostIsADelegationMismatch() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.cname("_mta-sts." + DOMAIN, "_mta-sts.provider.test");
      world.dns.txt("_mta-sts.provider.test", "v=STSv1; id=viaprovider");
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:r@example.test");
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finding(report, "dns.delegation-mismatch").severity()).isEqualTo(Severity.WARNING);
      assertThat(finding(report, "dns.delegation-mismatch").message())
          .contains("_mta-sts.example.test");
    }
  }

  @Test
  void cnameLoopIsAnErrorNotATemporaryFailure() throws Exception {
    try (TestWorld world = worldWithTxt()) {
      world.dns.cname("_mta-sts." + DOMAIN, "_mta-sts.loop-a.test");
      world.dns.cname("_mta-sts.loop-a.test", "_mta-sts.loop-b.test");
      world.dns.cname("_mta-sts.loop-b.test", "_mta-sts.loop-a.test");

      DomainReport report = world.check(DOMAIN);

      assertThat(codes(report)).contains("dns.cname-loop").doesNotContain("dns.temporary-failure");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
    }
  }

  @Test
  void cnameChainLongerThanEightLinksCountsAsALoop() throws Exception {
    try (TestWorld world = worldWithTxt()) {
      world.dns.cname("_mta-sts." + DOMAIN, "_mta-sts.l1.test");
      for (int i = 1; i < 10; i++) {
        world.dns.cname("_mta-sts.l" + i + ".test", "_mta-sts.l" + (i + 1) + ".test");
      }
      world.dns.txt("_mta-sts.l10.test", "v=STSv1; id=far");

      DomainReport report = world.check(DOMAIN);

      assertThat(finding(report, "dns.cname-loop").message()).contains("longer than 8");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
    }
  }

  @Test
  void unsignedAnswerIsOnlyInformation() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc")) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finding(report, "dns.dnssec-unsigned").severity()).isEqualTo(Severity.INFO);
      assertThat(report.discovery().stsQuery().authenticData()).isFalse();
    }
  }

  @Test
  void adFlagFromTheResolverIsShownAndSilencesTheUnsignedNote() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc")) {
      world.dns.authenticData(true);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.discovery().stsQuery().authenticData()).isTrue();
      assertThat(codes(report)).doesNotContain("dns.dnssec-unsigned");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void truncatedUdpAnswerIsRetriedOverTcp() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=overtcp")) {
      world.dns.truncate("_mta-sts." + DOMAIN, Type.TXT);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.discovery().stsQuery().transport()).isEqualTo("tcp");
      assertThat(report.discovery().policyId()).contains("overtcp");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(world.dnsServer().queryCount("_mta-sts." + DOMAIN, Type.TXT, "tcp")).isEqualTo(1);
      assertThat(report.discovery().mxQuery().transport()).isEqualTo("udp");
    }
  }

  @Test
  void servfailIsTemporaryNotNoPolicy() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc")) {
      world.dns.servfail("_mta-sts." + DOMAIN);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason()).contains("SERVFAIL").contains("not");
      assertThat(codes(report)).contains("dns.temporary-failure").doesNotContain("txt.no-record");
    }
  }

  @Test
  void timeoutIsTemporaryNotNoPolicy() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc")) {
      world.dnsTimeout(Duration.ofMillis(300));
      world.dns.drop("_mta-sts." + DOMAIN);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(finding(report, "dns.temporary-failure").message()).contains("timeout");
      assertThat(codes(report)).doesNotContain("txt.no-record");
    }
  }

  @Test
  void mxServfailWithAValidPolicyIsTemporarilyUnknown() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc")) {
      world.dns.servfail(DOMAIN, Type.MX);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.discovery().mxKind()).isEqualTo(MxKind.UNKNOWN);
      assertThat(codes(report)).contains("dns.temporary-failure");
    }
  }

  @Test
  void nonexistentDomainIsNoPolicyAndNothingIsFetched() throws Exception {
    try (TestWorld world = worldWithTxt("v=STSv1; id=abc")) {
      DomainReport report = world.check("nowhere.test");

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(report.verdictReason()).contains("NXDOMAIN");
      assertThat(codes(report)).contains("dns.nxdomain");
      assertThat(report.fetch()).isEmpty();
      assertThat(report.mx()).isEmpty();
    }
  }

  @Test
  void domainWithoutMxUsesItsOwnAddressAsImplicitMx() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=implicit");
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:r@example.test");
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.dns.a(DOMAIN, TestWorld.mxAddress(0));
      world.policyHost(DOMAIN, TestWorld.policy("enforce", DOMAIN));
      world.goodMx(0, DOMAIN);

      DomainReport report = world.check(DOMAIN);

      assertThat(finding(report, "mx.none").severity()).isEqualTo(Severity.WARNING);
      assertThat(report.discovery().mxKind()).isEqualTo(MxKind.IMPLICIT);
      assertThat(report.mx()).extracting(m -> m.host()).containsExactly(DOMAIN);
      assertThat(report.mx().get(0).addresses())
          .extracting(a -> a.getHostAddress())
          .containsExactly(TestWorld.mxAddress(0));
      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void nullMxIsWarnedAndNoHostIsProbed() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=nomail");
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:r@example.test");
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.dns.mx(DOMAIN, 0, ".");
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));

      DomainReport report = world.check(DOMAIN);

      assertThat(codes(report)).contains("mx.null");
      assertThat(report.discovery().mxKind()).isEqualTo(MxKind.NULL);
      assertThat(report.mx()).isEmpty();
      assertThat(report.stages()).extracting(s -> s.name()).doesNotContain("mx:" + MX1);
      // the domain takes no mail: the policy has nothing to protect, whatever its mode
      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_MAIL);
      assertThat(report.verdict().word()).isEqualTo("no-mail");
      assertThat(report.verdictReason())
          .contains("null MX")
          .contains("accepts no mail")
          .contains("mode enforce")
          .doesNotContain("Enforced");
    }
  }
}
