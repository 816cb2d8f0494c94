package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;

/** Every built-in scenario, run by the real engine against its own loopback world. */
class LabScenariosTest {

  private static final ScenarioCatalog CATALOG = ScenarioCatalog.load();
  private static ExecutorService pool;
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void pools() {
    pool = Executors.newFixedThreadPool(16);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stopPools() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioReachesItsExpectedVerdict() {
    return CATALOG.all().stream()
        .flatMap(
            s -> {
              DynamicTest broken = DynamicTest.dynamicTest(s.id(), () -> verify(s, false));
              return s.fix() == null
                  ? Stream.of(broken)
                  : Stream.of(
                      broken, DynamicTest.dynamicTest(s.id() + " (fixed)", () -> verify(s, true)));
            });
  }

  private static void verify(Scenario scenario, boolean fixed) throws InterruptedException {
    try (LabWorld world = LabWorld.start(scenario, fixed)) {
      Scenario.Expect expect = world.scenario().expect();
      DomainReport report =
          new MtaStsChecker(world.options(), pool, timer).check(world.domain(), CheckListener.NONE);
      List<String> codes = report.findings().stream().map(f -> f.code().id()).toList();
      Map<String, String> mx = new LinkedHashMap<>();
      for (MxReport m : report.mx()) {
        mx.put(m.host(), m.verdict().word());
      }
      ScenarioExpectations.assertMeets(
          expect, report.verdict().word(), mx, codes, report.verdictReason());
      assertDane(expect, report);
      org.stslens.engine.senders.RfcProfileAgreement.assertAgrees(report);
      org.stslens.engine.senders.SenderExpectations.assertMeets(expect.senders(), report);
    }
  }

  /**
   * Each host named in {@code expect.dane} has that DANE verdict, DNSSEC status and codes; every
   * other host (all hosts of the scenarios without DANE) has verdict none and no dane finding.
   */
  private static void assertDane(Scenario.Expect expect, DomainReport report) {
    for (MxReport m : report.mx()) {
      if (!m.probe().probed()) {
        continue;
      }
      assertThat(m.dane()).as(m.host() + ": a DANE result").isPresent();
      org.stslens.engine.dane.DaneResult dane = m.dane().orElseThrow();
      List<String> codes = dane.findings().stream().map(f -> f.code().id()).toList();
      Scenario.DaneExpect want = expect.dane().get(m.host());
      if (want == null) {
        assertThat(dane.verdict().word()).as(m.host() + ": DANE verdict").isEqualTo("none");
        assertThat(codes).as(m.host() + ": DANE findings").isEmpty();
        continue;
      }
      assertThat(dane.verdict().word())
          .as(m.host() + ": DANE verdict (" + codes + ", " + dane.tlsa().reason() + ")")
          .isEqualTo(want.verdict());
      if (want.dnssec() != null) {
        assertThat(dane.tlsa().dnssec().word())
            .as(m.host() + ": DNSSEC (" + dane.tlsa().reason() + ")")
            .isEqualTo(want.dnssec());
      }
      assertThat(codes).as(m.host() + ": DANE codes").containsAll(want.codes());
    }
  }

  @Test
  void everyScenarioAndEveryFixExpectsSomethingOfEverySender() {
    for (Scenario s : CATALOG.all()) {
      for (Scenario world : s.fix() == null ? List.of(s) : List.of(s, s.fixed())) {
        java.util.Set<String> covered = world.expect().senders().keySet();
        assertThat(
                covered.contains(org.stslens.engine.senders.SenderExpectations.EVERY_OTHER)
                    || covered.containsAll(org.stslens.engine.senders.SenderProfiles.IDS))
            .as(s.id() + (world == s ? "" : " (fixed)") + ": expect.senders covers every sender")
            .isTrue();
      }
    }
  }

  @Test
  void aFixThatChangesThePolicyPublishesANewId() {
    int changed = 0;
    for (Scenario s : CATALOG.all()) {
      Scenario fixed = s.fixed();
      if (s.policyHost() == null
          || fixed.policyHost() == null
          || java.util.Objects.equals(s.policyHost().body(), fixed.policyHost().body())) {
        continue;
      }
      String name = "_mta-sts." + s.domain();
      List<String> before = s.dns().txt().getOrDefault(name, List.of());
      List<String> after = fixed.dns().txt().getOrDefault(name, List.of());
      if (!after.isEmpty()) {
        assertThat(after).as(s.id() + ": the fixed policy under a new id").isNotEqualTo(before);
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(5);
  }

  @Test
  void catalogHasAtLeastThirtyScenariosWithUniqueIdsAndStories() {
    List<Scenario> all = CATALOG.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all.stream().map(Scenario::id).distinct()).hasSameSizeAs(all);
    for (Scenario s : all) {
      assertThat(s.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(s.domain()).isEqualTo(s.id() + ".lab.example");
      assertThat(s.title()).isNotBlank();
      assertThat(s.story().whatWentWrong()).isNotBlank();
      assertThat(s.story().howItHappens()).isNotBlank();
      assertThat(s.story().howToFix()).isNotBlank();
      assertThat(s.expect().verdict())
          .isIn(
              "enforced",
              "enforced-with-failures",
              "enforced-undeliverable",
              "testing",
              "none",
              "no-policy",
              "temporarily-unknown",
              "no-mail");
    }
    assertThat(CATALOG.byId("good-enforce")).isPresent();
    assertThat(CATALOG.byId("no-such-scenario")).isEmpty();
  }
}
