package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;
import static org.stslens.engine.check.TestWorld.mx;
import static org.stslens.engine.check.TestWorld.mxCodes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.smtp.TranscriptLine;
import org.stslens.lab.LabSmtpServer;

/**
 * The verdict claims no more than the check saw: hosts that could not be judged, hosts that fail
 * from everywhere, the null MX, the MX probe limit, and senders that read a policy differently.
 */
class CheckEndToEndClaimsTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";

  /** Standard DNS for MX1 and MX2 and a policy host serving {@code mode} for {@code patterns}. */
  private static TestWorld world(String mode, String... patterns) {
    TestWorld world = new TestWorld();
    world.standardDns(DOMAIN, "20260101", MX1, MX2);
    world.policyHost(DOMAIN, TestWorld.policy(mode, patterns));
    return world;
  }

  // --- hosts that could not be judged ----------------------------------------------------

  @Test
  void noMxPassingWithOneRefusedAndOneUnreachableIsNotUndeliverable() throws Exception {
    try (TestWorld world = world("enforce", MX1)) {
      world.closedPort(TestWorld.mxAddress(0), 25);
      world.goodMx(1, MX2); // fine, but the policy does not cover it

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(report.verdict())
          .as(report.verdictReason())
          .isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason())
          .contains("refuse " + MX2)
          .contains("[mx.not-covered]")
          .contains("Wherever they send from")
          .contains("not judged: " + MX1)
          .doesNotContain("will not deliver mail at all");
    }
  }

  @Test
  void testingWithEveryMxUnreachableSaysNoneCouldBeJudged() throws Exception {
    try (TestWorld world = world("testing", MX1, MX2)) {
      world.closedPort(TestWorld.mxAddress(0), 25);
      world.closedPort(TestWorld.mxAddress(1), 25);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(report.mx()).extracting(m -> m.verdict()).containsOnly(MxVerdict.UNREACHABLE);
      assertThat(report.verdictReason())
          .doesNotContain("Every MX passes")
          .contains("No MX host could be judged")
          .contains(MX1 + " and " + MX2);
    }
  }

  @Test
  void testingWithOneUnreachableAndNoneFailingDoesNotClaimEveryMxPasses() throws Exception {
    try (TestWorld world = world("testing", MX1, MX2)) {
      world.goodMx(0, MX1);
      world.closedPort(TestWorld.mxAddress(1), 25);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(report.verdictReason())
          .doesNotContain("Every MX passes")
          .contains(MX1 + " passes")
          .contains("not judged: " + MX2);
    }
  }

  // --- hosts that fail from everywhere ---------------------------------------------------

  @Test
  void mxNameWithoutAddressRecordsIsNoAddressNotUnreachable() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.dns.mx(DOMAIN, 20, MX2);
      world.dns.txt(MX2, "the name exists, without A or AAAA"); // NOERROR, no data
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(finding(report, "mx.no-address").message())
          .contains("has no A or AAAA record")
          .doesNotContain("NXDOMAIN");
      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_WITH_FAILURES);
    }
  }

  @Test
  void temporaryFailureOfTheMxAddressStaysUnreachable() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.dns.mx(DOMAIN, 20, MX2);
      world.dns.servfail(MX2, org.xbill.DNS.Type.A);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(mxCodes(report, MX2))
          .contains("dns.temporary-failure")
          .doesNotContain("mx.no-address");
      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
    }
  }

  @Test
  void mxWithoutAddressUnderTestingIsReportedAndNamedInTheReason() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.dns.mx(DOMAIN, 20, MX2);
      world.policyHost(DOMAIN, TestWorld.policy("testing", MX1, MX2));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.REPORT);
      assertThat(finding(report, "mx.no-address").severity()).isEqualTo(Severity.ERROR);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(report.verdictReason())
          .contains("Under enforce these would be refused: " + MX2)
          .contains("[mx.no-address]");
    }
  }

  @Test
  void mxRejectingEhloAndHeloIsRefusedWithBothRepliesInTheTranscript() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.mx(0, world.ca.issue(MX1), b -> b.hostname(MX1).rejectHelo(554));

      DomainReport report = world.check(DOMAIN);

      Finding rejected = finding(report, "smtp.ehlo-rejected");
      assertThat(rejected.severity()).isEqualTo(Severity.ERROR);
      assertThat(rejected.message()).contains("EHLO").contains("HELO").contains("554");
      assertThat(codes(report)).doesNotContain("smtp.banner");
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_UNDELIVERABLE);
      List<String> sent = new ArrayList<>();
      List<String> received = new ArrayList<>();
      for (TranscriptLine line : mx(report, MX1).endpoints().get(0).transcript()) {
        if (line.direction() == TranscriptLine.Direction.CLIENT) {
          sent.add(line.text());
        } else if (line.direction() == TranscriptLine.Direction.SERVER) {
          received.add(line.text());
        }
      }
      assertThat(sent).containsSubsequence("EHLO stslens.invalid", "HELO stslens.invalid");
      assertThat(received).filteredOn(t -> t.startsWith("554 ")).hasSize(2);
    }
  }

  // --- the null MX -----------------------------------------------------------------------

  @Test
  void nullMxMixedWithRealMxIsAnErrorAndTheRealHostsAreStillJudged() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.dns.mx(DOMAIN, 0, ".");
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      Finding mixed = finding(report, "mx.null-mixed");
      assertThat(mixed.severity()).isEqualTo(Severity.ERROR);
      assertThat(mixed.message()).contains("RFC 7505 §3").contains(MX1);
      assertThat(codes(report)).doesNotContain("mx.null");
      assertThat(report.mx()).extracting(m -> m.host()).containsExactly(MX1);
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void nullMxWithoutAnyPolicyIsNoMailToo() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.mx(DOMAIN, 0, ".");

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_MAIL);
      assertThat(report.verdictReason()).doesNotContain("Its policy");
    }
  }

  // --- the MX probe limit ----------------------------------------------------------------

  /** 17 MX hosts mx1..mx17 (preference 10..170), each served well; patterns for the first 16. */
  private static TestWorld seventeen(List<LabSmtpServer> servers, String lastPattern) {
    String[] hosts = new String[17];
    for (int i = 0; i < 17; i++) {
      hosts[i] = "mx" + (i + 1) + "." + DOMAIN;
    }
    TestWorld world = new TestWorld();
    world.standardDns(DOMAIN, "20260101", hosts);
    String[] patterns = java.util.Arrays.copyOf(hosts, 17);
    patterns[16] = lastPattern;
    world.policyHost(DOMAIN, TestWorld.policy("enforce", patterns));
    for (int i = 0; i < 17; i++) {
      servers.add(world.goodMx(i, hosts[i]));
    }
    return world;
  }

  @Test
  void hostBeyondTheProbeLimitThatThePolicyDoesNotCoverIsRefused() throws Exception {
    List<LabSmtpServer> servers = new ArrayList<>();
    try (TestWorld world = seventeen(servers, "other.example.test")) {
      DomainReport report = world.check(DOMAIN);

      String mx17 = "mx17." + DOMAIN;
      assertThat(report.mx()).hasSize(17);
      assertThat(report.mx().subList(0, 16))
          .extracting(m -> m.verdict())
          .containsOnly(MxVerdict.DELIVER);
      assertThat(mx(report, mx17).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(mxCodes(report, mx17)).contains("mx.not-covered", "mx.probe-limit");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_WITH_FAILURES);
      assertThat(report.verdictReason()).contains("refuse " + mx17);
      // The banner stays readable: long lists of hosts and patterns are counted, not spelled out.
      assertThat(report.verdictReason())
          .contains("and 11 more")
          .contains("and 11 more)")
          .doesNotContain("mx9." + DOMAIN);
      assertThat(servers.get(16).transcripts()).as("never probed").isEmpty();
    }
  }

  @Test
  void coveredHostBeyondTheProbeLimitIsNotProbedAndNamedInTheReason() throws Exception {
    List<LabSmtpServer> servers = new ArrayList<>();
    try (TestWorld world = seventeen(servers, "mx17." + DOMAIN)) {
      DomainReport report = world.check(DOMAIN);

      String mx17 = "mx17." + DOMAIN;
      assertThat(mx(report, mx17).verdict()).isEqualTo(MxVerdict.NOT_PROBED);
      assertThat(mx(report, mx17).verdict().word()).isEqualTo("not-probed");
      assertThat(mx(report, mx17).probe().probed()).isFalse();
      assertThat(mx(report, mx17).matchedPattern()).isPresent();
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(report.verdictReason())
          .contains("Enforced for the 16 MX hosts probed")
          .contains("1 more MX host is covered by the policy but was not probed")
          .contains("not judged: " + mx17);
      assertThat(report.stages())
          .filteredOn(s -> s.target().equals(mx17))
          .singleElement()
          .satisfies(s -> assertThat(s.status().word()).isEqualTo("skipped"));
      assertThat(servers.get(16).transcripts()).as("never probed").isEmpty();
    }
  }

  // --- senders that read the policy differently ------------------------------------------

  private static DomainReport checkServing(String body, String... extraTxt) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      for (String txt : extraTxt) {
        world.dns.txt("_mta-sts." + DOMAIN, txt);
      }
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", body));
      world.goodMx(0, MX1);
      DomainReport report = world.check(DOMAIN);
      // the verdict word keeps the RFC reading; only the reason tells what real senders do
      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      return report;
    }
  }

  private static final String CLEAN =
      "version: STSv1\r\nmode: enforce\r\nmx: " + MX1 + "\r\nmax_age: 604800\r\n";

  @Test
  void cleanPolicyHasNoSenderCaveat() throws Exception {
    assertThat(checkServing(CLEAN).verdictReason()).doesNotContain("Real senders differ");
  }

  @Test
  void blankLinesAreRejectedByTheGoParsersButNotByPostfixsResolver() throws Exception {
    DomainReport report =
        checkServing(
            "version: STSv1\r\nmode: enforce\r\n\r\nmx: " + MX1 + "\r\nmax_age: 86400\r\n");

    assertThat(codes(report)).contains("policy.blank-line");
    assertThat(report.verdictReason())
        .contains("go-mtasts (used by maddy) and mox reject this policy (blank lines)")
        .doesNotContain("postfix-mta-sts-resolver")
        .contains("delivers as if the domain had no MTA-STS");
  }

  @Test
  void byteOrderMarkIsRejectedByAllThreeParsers() throws Exception {
    DomainReport report = checkServing("\uFEFF" + CLEAN);

    assertThat(report.verdictReason())
        .contains(
            "postfix-mta-sts-resolver, go-mtasts (used by maddy) and mox reject this policy (a"
                + " byte-order mark before the first field)");
  }

  @Test
  void spaceAroundARequiredKeyIsRejectedByAllThree() throws Exception {
    DomainReport report =
        checkServing("version: STSv1\r\nmode : enforce\r\nmx: " + MX1 + "\r\nmax_age: 86400\r\n");

    assertThat(report.verdictReason())
        .contains(
            "postfix-mta-sts-resolver, go-mtasts (used by maddy) and mox reject this policy"
                + " (spaces around the key \"mode\" on line 2)");
  }

  @Test
  void spaceAroundAnOptionalKeyIsRejectedByMoxAlone() throws Exception {
    DomainReport report = checkServing(CLEAN + " comment: hello\r\n");

    assertThat(report.verdictReason())
        .contains("mox rejects this policy (spaces around the key \"comment\" on line 5)")
        .doesNotContain("postfix-mta-sts-resolver");
  }

  @Test
  void otherTxtRecordsAtTheStsNameMeanNoPolicyForGoMtasts() throws Exception {
    DomainReport report = checkServing(CLEAN, "google-site-verification=abc");

    assertThat(codes(report)).contains("txt.unrelated-records");
    assertThat(report.verdictReason())
        .contains(
            "go-mtasts (used by maddy) finds no policy at all (other TXT records at _mta-sts.")
        .doesNotContain("mox");
  }
}
