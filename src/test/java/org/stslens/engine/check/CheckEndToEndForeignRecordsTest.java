package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;

/**
 * Answers that carry another name's records, in every query a check makes: the records are kept as
 * evidence, reported as dns.foreign-records, and never used.
 */
class CheckEndToEndForeignRecordsTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";

  private static TestWorld world(boolean ownStsRecord) {
    TestWorld world = new TestWorld();
    if (ownStsRecord) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=own1");
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
  void anotherNamesStsRecordIsNotTheDomainsRecord() throws Exception {
    try (TestWorld world = world(false)) {
      world.dns.foreignAnswer("_mta-sts." + DOMAIN, "unrelated.example. TXT \"v=STSv1; id=999\"");

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("txt.no-record", "dns.foreign-records");
      Finding foreign = finding(report, "dns.foreign-records");
      assertThat(foreign.severity()).isEqualTo(Severity.WARNING);
      assertThat(foreign.stage()).isEqualTo(CheckStage.DISCOVERY);
      assertThat(foreign.message()).contains("unrelated.example. TXT");
      assertThat(report.discovery().policyId()).isEmpty();
      // the evidence still shows it, marked as foreign
      assertThat(report.discovery().stsQuery().answers())
          .extracting(DnsAnswer::name)
          .containsExactly("unrelated.example.");
      JsonNode json = new ObjectMapper().readTree(JsonReport.render(java.util.List.of(report)));
      JsonNode answer = json.at("/discovery/queries/0/answers/0");
      assertThat(answer.path("name").asText()).isEqualTo("unrelated.example.");
      assertThat(answer.path("foreign").asBoolean()).isTrue();
    }
  }

  @Test
  void theOwnRecordCountsAndTheForeignOneIsOnlyReported() throws Exception {
    try (TestWorld world = world(true)) {
      world.dns.foreignAnswer("_mta-sts." + DOMAIN, "unrelated.example. TXT \"v=STSv1; id=999\"");

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(report.discovery().policyId()).contains("own1");
      assertThat(codes(report))
          .contains("dns.foreign-records")
          .doesNotContain("txt.multiple-records");
    }
  }

  @Test
  void aForeignAddressOfThePolicyHostIsNotConnectedTo() throws Exception {
    TestWorld world = new TestWorld();
    try (world) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=own1");
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:tlsrpt@example.test");
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      // mta-sts has no address of its own; the answer carries another host's, where a policy waits
      world.dns.foreignAnswer("mta-sts." + DOMAIN, "www.other.test. A " + TestWorld.POLICY_ADDRESS);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertThat(codes(report)).contains("fetch.host-unresolvable", "dns.foreign-records");
      Finding foreign = finding(report, "dns.foreign-records");
      assertThat(foreign.stage()).isEqualTo(CheckStage.RETRIEVAL);
      assertThat(foreign.message()).contains("www.other.test. A");
    }
  }

  @Test
  void aForeignAddressOfAnMxHostIsNotProbed() throws Exception {
    try (TestWorld world = world(true)) {
      world.dns.foreignAnswer(MX1, "mx.attacker.test. A 127.0.0.66");
      world.closedPort("127.0.0.66", 25);

      DomainReport report = world.check(DOMAIN);

      assertThat(TestWorld.mx(report, MX1).addresses())
          .extracting(InetAddress::getHostAddress)
          .containsExactly(TestWorld.mxAddress(0));
      assertThat(TestWorld.mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(TestWorld.mxCodes(report, MX1)).contains("dns.foreign-records");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void foreignMxTlsRptAndApexRecordsAreIgnored() throws Exception {
    TestWorld world = new TestWorld();
    try (world) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=own1");
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.dns.foreignAnswer(DOMAIN, "other.test. MX 5 mx.other.test.");
      world.dns.foreignAnswer(DOMAIN, "other.test. TXT \"v=STSv1; id=apex\"");
      world.dns.foreignAnswer(
          "_smtp._tls." + DOMAIN, "_smtp._tls.other.test. TXT \"v=TLSRPTv1; rua=mailto:a@b.test\"");
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.mx()).extracting(m -> m.host()).containsExactly(MX1);
      assertThat(codes(report)).contains("tlsrpt.no-record").doesNotContain("txt.at-apex");
      assertThat(
              report.findings().stream().filter(f -> f.code().id().equals("dns.foreign-records")))
          .extracting(Finding::stage, Finding::target)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(CheckStage.DISCOVERY, DOMAIN + ". MX"),
              org.assertj.core.groups.Tuple.tuple(CheckStage.DISCOVERY, DOMAIN + ". TXT"),
              org.assertj.core.groups.Tuple.tuple(
                  CheckStage.TLSRPT, "_smtp._tls." + DOMAIN + ". TXT"));
    }
  }
}
