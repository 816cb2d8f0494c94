package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.AdditionalAddresses;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.net.Step;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.xbill.DNS.Type;

/**
 * The MX hosts' addresses from the MX answer's additional section (issue 14): no A query for a host
 * whose A records came with the MX answer, counted at the lab DNS server.
 */
class CheckEndToEndAdditionalAddressesTest {

  private static final String DOMAIN = "glue.test";
  private static final String MX1 = "mx1." + DOMAIN;
  private static final String MX2 = "mx2." + DOMAIN;

  /**
   * The probe's address questions are counted; the TLSA look-up's validator asks each MX host's
   * address itself (with DO, for RFC 7672 §2.2.2), so DANE is off here.
   */
  private static TestWorld world() {
    TestWorld world = new TestWorld().noDane();
    world.standardDns(DOMAIN, "1", MX1, MX2);
    world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2));
    world.goodMx(0, MX1);
    world.goodMx(1, MX2);
    return world;
  }

  /** The steps of one stage as the listener heard them, "STEP detail". */
  private static final class Steps implements CheckListener {
    private final List<String> heard = new ArrayList<>();

    @Override
    public synchronized void stepEvent(CheckStage stage, String target, Step step, String detail) {
      if (stage == CheckStage.MX && target.equals(MX1)) {
        heard.add(step + " " + detail);
      }
    }

    synchronized List<String> heard() {
      return List.copyOf(heard);
    }
  }

  @Test
  void addressesInTheMxAnswerAreUsedWithoutAnAQuery() throws Exception {
    try (TestWorld world = world()) {
      world.dns.additionalAddresses();
      Steps steps = new Steps();

      DomainReport report = world.check(DOMAIN, steps);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      for (String host : List.of(MX1, MX2)) {
        assertThat(world.dnsServer().queryCount(host, Type.A)).as(host + " A").isZero();
        // the AAAA were not in the additional section: a resolver adds only what it holds
        assertThat(world.dnsServer().queryCount(host, Type.AAAA)).as(host + " AAAA").isOne();
        MxReport mx = TestWorld.mx(report, host);
        assertThat(mx.endpoints()).hasSize(1);
        DnsQuery a = mx.probe().lookups().get(0);
        assertThat(a.type()).isEqualTo("A");
        assertThat(AdditionalAddresses.isFrom(a)).isTrue();
        assertThat(a.authenticData()).isFalse();
      }
      assertThat(steps.heard())
          .anyMatch(
              s ->
                  s.startsWith("DNS_ANSWER_RECEIVED " + MX1 + ". A: 1 record")
                      && s.contains("from the MX answer's additional section"));
      assertThat(steps.heard()).noneMatch(s -> s.startsWith("DNS_QUERY_SENT " + MX1 + ". A "));
    }
  }

  @Test
  void withoutThemEveryHostsAddressesAreAsked() throws Exception {
    try (TestWorld world = world()) {
      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(world.dnsServer().queryCount(MX1, Type.A)).isOne();
      assertThat(TestWorld.mx(report, MX1).probe().lookups())
          .noneMatch(AdditionalAddresses::isFrom);
    }
  }

  @Test
  void theAddressesFromTheMxAnswerAreProbedBeforeTheAaaaAnswerArrives() throws Exception {
    try (TestWorld world = world()) {
      world.dns.additionalAddresses();
      world.dns.delay(MX1, Type.AAAA, Duration.ofMillis(1500));
      Steps steps = new Steps();

      DomainReport report = world.check(DOMAIN, steps);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      List<String> heard = steps.heard();
      int connected = indexOf(heard, "CONNECTED");
      int aaaa = indexOf(heard, "DNS_ANSWER_RECEIVED " + MX1 + ". AAAA");
      assertThat(connected).isNotNegative();
      assertThat(aaaa).isNotNegative();
      assertThat(connected)
          .as("the A address is probed while the AAAA query waits")
          .isLessThan(aaaa);
    }
  }

  private static int indexOf(List<String> heard, String prefix) {
    for (int i = 0; i < heard.size(); i++) {
      if (heard.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
