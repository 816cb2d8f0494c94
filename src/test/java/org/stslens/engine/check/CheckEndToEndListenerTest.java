package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.smtp.EndpointProbe;
import org.xbill.DNS.Type;

/** What a listener sees during a whole check, and that independent stages run concurrently. */
class CheckEndToEndListenerTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";

  /** Records every event; thread-safe, as the listener contract requires. */
  static final class Recorder implements CheckListener {
    final ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<StageReport> finished = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<DomainReport> done = new ConcurrentLinkedQueue<>();

    @Override
    public void stageStarted(CheckStage stage, StageKind kind, String target) {
      started.add(key(stage, kind, target));
    }

    @Override
    public void stageFinished(StageReport report) {
      finished.add(report);
    }

    @Override
    public void checkFinished(DomainReport report) {
      done.add(report);
    }

    List<String> finishedKeys() {
      return finished.stream().map(r -> key(r.stage(), r.kind(), r.target())).toList();
    }

    static String key(CheckStage stage, StageKind kind, String target) {
      return kind + " " + stage + " " + target;
    }
  }

  /** Every stageStarted has exactly one stageFinished, and the report holds what was sent. */
  private static void assertPaired(Recorder recorder, DomainReport report) {
    List<String> unmatched = new ArrayList<>(recorder.finishedKeys());
    for (String start : recorder.started) {
      assertThat(unmatched.remove(start)).as("stageFinished for " + start).isTrue();
    }
    assertThat(unmatched).as("stageFinished without stageStarted").isEmpty();
    assertThat(recorder.done).containsExactly(report);
    assertThat(report.stages()).containsExactlyInAnyOrderElementsOf(recorder.finished);
  }

  @Test
  void everyStartedStageFinishesInAGoodCheck() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", MX1, MX2);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2, "old.example.test"));
      world.goodMx(0, MX1);
      world.goodMx(1, MX2);
      Recorder recorder = new Recorder();

      DomainReport report = world.check(DOMAIN, recorder);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(recorder.started)
          .containsExactlyInAnyOrder(
              "STAGE DISCOVERY " + DOMAIN,
              "STAGE TLSRPT " + DOMAIN,
              "STAGE RETRIEVAL " + DOMAIN,
              "STAGE POLICY " + DOMAIN,
              "MX_HOST MX " + MX1,
              "MX_HOST MX " + MX2,
              // the MX summary: old.example.test matches no MX (mx.pattern-unused)
              "MX_SUMMARY MX ");
      assertPaired(recorder, report);
      assertThat(report.stages()).extracting(StageReport::name).contains("mx:" + MX1, "mx:" + MX2);
      assertThat(report.stages())
          .filteredOn(s -> s.kind() == StageKind.MX_SUMMARY)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.name()).isEqualTo("mx");
                assertThat(s.findings())
                    .extracting(f -> f.code().id())
                    .containsExactly("mx.pattern-unused");
              });
    }
  }

  @Test
  void everyStartedStageFinishesWhenStagesFailOrAreSkipped() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dnsTimeout(Duration.ofMillis(300));
      world.dns.drop("_smtp._tls." + DOMAIN);
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
      world.closedPort(TestWorld.POLICY_ADDRESS, 443);
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.closedPort(TestWorld.mxAddress(0), 25);
      Recorder recorder = new Recorder();

      DomainReport report = world.check(DOMAIN, recorder);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertPaired(recorder, report);
      assertThat(recorder.finished)
          .filteredOn(r -> r.stage() == CheckStage.POLICY)
          .extracting(StageReport::status)
          .containsExactly(StageStatus.SKIPPED);
      assertThat(recorder.finished)
          .filteredOn(r -> r.stage() == CheckStage.RETRIEVAL || r.stage() == CheckStage.TLSRPT)
          .extracting(StageReport::status)
          .containsOnly(StageStatus.FAIL);
    }

    try (TestWorld world = new TestWorld()) {
      Recorder recorder = new Recorder();

      DomainReport report = world.check("nowhere.test", recorder);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      assertPaired(recorder, report);
      assertThat(recorder.finished)
          .filteredOn(r -> r.stage() == CheckStage.RETRIEVAL)
          .extracting(StageReport::status)
          .containsExactly(StageStatus.SKIPPED);
    }
  }

  @Test
  void mxProbesRunAlongsideThePolicyFetch() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", MX1);
      // the fetch waits 600 ms for its DNS answer; the probe needs 5 replies of 120 ms each
      world.dns.delay("mta-sts." + DOMAIN, Type.A, Duration.ofMillis(600));
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.mx(0, world.ca.issue(MX1), b -> b.hostname(MX1).replyDelay(Duration.ofMillis(120)));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      StageReport retrieval = stage(report, "retrieval");
      StageReport mx = stage(report, "mx:" + MX1);
      EndpointProbe probe = report.mx().get(0).endpoints().get(0);
      long probeMillis = probe.timingsMillis().get("total");
      assertThat(retrieval.durationMillis()).isGreaterThanOrEqualTo(600);
      assertThat(probeMillis).isGreaterThanOrEqualTo(480);
      // the MX stage starts before the fetch has finished...
      assertThat(mx.startedAtMillis())
          .isLessThan(retrieval.startedAtMillis() + retrieval.durationMillis());
      // ...and the two overlap: one after the other would take at least their sum
      assertThat(report.durationMillis())
          .as(
              "check %d ms, fetch %d ms, probe %d ms",
              report.durationMillis(), retrieval.durationMillis(), probeMillis)
          .isLessThan(retrieval.durationMillis() + probeMillis - 200);
      assertThat(report.sumOfStageMillis()).isGreaterThan(report.durationMillis());
    }
  }

  private static StageReport stage(DomainReport report, String name) {
    return report.stages().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + name));
  }
}
