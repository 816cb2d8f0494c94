package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;

/**
 * The fetch's total limit covers the whole retrieval: every address of the policy host and every
 * DNS query, not each one on its own.
 */
class CheckEndToEndFetchLimitTest {

  private static final String DOMAIN = "example.test";
  private static final String HOST = "mta-sts.example.test";
  private static final String MX1 = "mx1.example.test";
  private static final Duration LIMIT = Duration.ofSeconds(2);

  /** Scheduling slack on a shared, loaded machine; far below one more address or DNS answer. */
  private static final long MARGIN_MILLIS = 1_500;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void twentyStallingAddressesShareOneLimitAndOnlyThreeAreTried() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.goodMx(0, MX1);
      List<SilentServer> silent = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        String address = "127.0.1." + i;
        world.dns.a(HOST, address);
        silent.add(world.add(SilentServer.stalling(address, 443)));
      }
      world.fetchTimeout(LIMIT);

      DomainReport report = world.check(DOMAIN);

      FetchResult fetch = report.fetch().orElseThrow();
      assertThat(fetch.timings().total()).isLessThan(LIMIT.toMillis() + MARGIN_MILLIS);
      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.NO_POLICY);
      Finding timeout = finding(report, "fetch.timeout");
      assertThat(timeout.message()).contains("Tried 127.0.1.1 (connected").contains("not tried");
      assertThat(finding(report, "fetch.address-limit").message())
          .contains("20 addresses")
          .contains("first 3");
      // the accept-and-stall servers beyond the third were never connected to
      for (int i = 3; i < 20; i++) {
        assertThat(silent.get(i).awaitAccepted(0)).as("address %d", i + 1).isFalse();
      }
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void slowCnameChainOfThePolicyHostIsBoundedByTheFetchLimit() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.goodMx(0, MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      // mta-sts -> link1 -> ... -> link6 -> the policy address, each link 0.8 s to answer
      world.dns.oneCnameLinkPerAnswer();
      String previous = HOST;
      for (int i = 1; i <= 6; i++) {
        String link = "link" + i + ".cdn.test";
        world.dns.cname(previous, link);
        world.dns.delay(previous, Duration.ofMillis(800));
        previous = link;
      }
      world.dns.delay(previous, Duration.ofMillis(800));
      world.dns.a(previous, TestWorld.POLICY_ADDRESS);
      world.dnsTimeout(Duration.ofSeconds(5));
      world.fetchTimeout(LIMIT);

      long start = System.nanoTime();
      DomainReport report = world.check(DOMAIN);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(report.fetch().orElseThrow().timings().total())
          .isLessThan(LIMIT.toMillis() + MARGIN_MILLIS);
      assertThat(millis).isLessThan(LIMIT.toMillis() + 2 * MARGIN_MILLIS);
      assertThat(finding(report, "fetch.timeout").message())
          .as(report.fetch().orElseThrow().lookups().toString())
          .contains("looking up the address of " + HOST);
      assertThat(codes(report)).doesNotContain("fetch.host-unresolvable");
    }
  }
}
