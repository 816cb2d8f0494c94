package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.lab.LabHttpResponse;
import org.stslens.lab.LabHttpsServer;

/**
 * The view tests' reports are built as values; each must say what a real check of the same world on
 * loopback says (verdict, findings, MX verdicts, stages), or the views would be tested against
 * reports the engine never makes.
 */
class ReportBuilderTest {

  private static final String DOMAIN = "built.test";
  private static final String MX1 = "mx1.built.test";
  private static final String MX2 = "mx2.built.test";

  @Test
  void aHostWithoutStartTlsReadsAsTheRealCheckOfThatWorld() throws Exception {
    DomainReport built =
        ReportBuilder.forDomain(DOMAIN)
            .mx(MX1, MX2)
            .policy("enforce", MX1, MX2)
            .withoutStartTls(MX2)
            .build();
    DomainReport checked;
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, MX2);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2));
      world.goodMx(0, MX1);
      world.mx(1, world.ca.issue(MX2), b -> b.hostname(MX2).advertiseStartTls(false));
      checked = world.check(DOMAIN);
    }
    assertSame(built, checked);
  }

  @Test
  void aTypoInThePolicyReadsAsTheRealCheckOfThatWorld() throws Exception {
    String body = "version: STSv1\r\nMode: enforce\r\nmx: " + MX1 + "\r\nmax_age: 604800\r\n";
    DomainReport built = ReportBuilder.forDomain(DOMAIN).mx(MX1).policy(body).build();
    DomainReport checked;
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", body));
      world.goodMx(0, MX1);
      checked = world.check(DOMAIN);
    }
    assertSame(built, checked);
  }

  @Test
  void aRedirectReadsAsTheRealCheckOfThatWorld() throws Exception {
    String location = "https://www.built.test/mta-sts.txt";
    DomainReport built = ReportBuilder.forDomain(DOMAIN).mx(MX1).redirect(301, location).build();
    DomainReport checked;
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.goodMx(0, MX1);
      world.add(
          LabHttpsServer.builder(world.ca.issue("mta-sts." + DOMAIN))
              .bind(InetAddress.getByName(TestWorld.POLICY_ADDRESS))
              .route("/.well-known/mta-sts.txt", LabHttpResponse.redirect(301, location))
              .start());
      checked = world.check(DOMAIN);
    }
    assertSame(built, checked);
    assertThat(TestWorld.finding(built, "fetch.redirect").message()).contains(location);
  }

  private static void assertSame(DomainReport built, DomainReport checked) {
    assertThat(built.verdict()).isEqualTo(checked.verdict());
    assertThat(built.verdictReason()).isEqualTo(checked.verdictReason());
    assertThat(sorted(TestWorld.codes(built))).isEqualTo(sorted(TestWorld.codes(checked)));
    assertThat(built.mx())
        .extracting(MxReport::host, MxReport::verdict)
        .isEqualTo(
            checked.mx().stream()
                .map(m -> org.assertj.core.groups.Tuple.tuple(m.host(), m.verdict()))
                .toList());
    assertThat(summary(built.stages()))
        .containsExactlyInAnyOrderElementsOf(summary(checked.stages()));
    assertThat(built.policyApplies()).isEqualTo(checked.policyApplies());
  }

  private static List<String> summary(List<StageReport> stages) {
    return stages.stream().map(s -> s.stage() + " " + s.target() + " " + s.status()).toList();
  }

  private static List<String> sorted(List<String> codes) {
    return codes.stream().sorted().toList();
  }
}
