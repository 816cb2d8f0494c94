package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.xbill.DNS.Type;

/**
 * Questions that do not depend on each other are asked together (issue 14). The lab DNS server
 * answers a held question only once the other one has arrived, so a client that asks them one after
 * the other runs into its DNS time limit: no clocks involved.
 */
class CheckEndToEndNoWaitingTest {

  private static final String DOMAIN = "together.test";
  private static final String MX1 = "mx1." + DOMAIN;
  private static final String POLICY_HOST = "mta-sts." + DOMAIN;

  private static TestWorld world() {
    TestWorld world = new TestWorld();
    world.standardDns(DOMAIN, "1", MX1);
    world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
    world.goodMx(0, MX1);
    world.dnsTimeout(Duration.ofSeconds(2));
    return world;
  }

  @Test
  void thePolicyHostsAandAaaaAreAskedTogether() throws Exception {
    try (TestWorld world = world()) {
      world.dns.holdUntilAsked(POLICY_HOST, Type.A, POLICY_HOST, Type.AAAA);

      DomainReport report = world.check(DOMAIN);

      FetchResult fetch = report.fetch().orElseThrow();
      assertThat(fetch.lookups()).extracting(DnsQuery::type).containsExactly("A", "AAAA");
      assertThat(fetch.lookups())
          .extracting(DnsQuery::outcome)
          .doesNotContain(DnsOutcome.TEMPORARY);
      assertThat(fetch.policyRetrieved()).isTrue();
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void theMxHostsAandAaaaAreAskedTogether() throws Exception {
    try (TestWorld world = world()) {
      world.dns.holdUntilAsked(MX1, Type.A, MX1, Type.AAAA);

      DomainReport report = world.check(DOMAIN);

      assertThat(TestWorld.codes(report)).doesNotContain("dns.temporary-failure");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void theTxtMxAndTlsRptQueriesAreAskedTogether() throws Exception {
    try (TestWorld world = world()) {
      // each answer waits for the next question: only together do all three come back
      world.dns.holdUntilAsked("_mta-sts." + DOMAIN, Type.TXT, DOMAIN, Type.MX);
      world.dns.holdUntilAsked(DOMAIN, Type.MX, "_smtp._tls." + DOMAIN, Type.TXT);

      DomainReport report = world.check(DOMAIN);

      assertThat(TestWorld.codes(report)).doesNotContain("dns.temporary-failure");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }
}
