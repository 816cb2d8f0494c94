package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.finding;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * The whole-check limit: with per-step limits far away, a check stuck on a stalling MX still ends
 * at the check's limit, with a report that names what did not finish.
 */
class CheckEndToEndTimeLimitTest {

  private static final String DOMAIN = "stuck.test";
  private static final String STUCK = "mx1.stuck.test";
  private static final String GOOD = "mx2.stuck.test";
  private static final Duration LIMIT = Duration.ofSeconds(2);

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stallingMxIsCutAtTheCheckLimitAndNamedInTheReport() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", STUCK, GOOD);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", STUCK, GOOD));
      SilentServer silent = world.add(SilentServer.stalling(TestWorld.mxAddress(0)));
      world.goodMx(1, GOOD);
      world.smtpTimeout(Duration.ofSeconds(60));
      world.fetchTimeout(Duration.ofSeconds(60));
      world.checkTimeout(LIMIT);
      List<DomainReport> heard = new CopyOnWriteArrayList<>();
      List<StageReport> stages = new CopyOnWriteArrayList<>();
      CheckListener listener =
          new CheckListener() {
            @Override
            public void stageFinished(StageReport stage) {
              stages.add(stage);
            }

            @Override
            public void checkFinished(DomainReport report) {
              heard.add(report);
            }
          };

      long start = System.nanoTime();
      DomainReport report = world.check(DOMAIN, listener);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(millis).isLessThan(LIMIT.toMillis() + 1_500);
      assertThat(report.verdict())
          .as(report.verdictReason())
          .isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason())
          .contains("time limit (2 s)")
          .contains("still running: mx " + STUCK)
          .doesNotContain(GOOD);
      Finding cut = finding(report, "check.time-limit");
      assertThat(cut.stage()).isEqualTo(CheckStage.MX);
      assertThat(cut.target()).isEqualTo(STUCK);
      // what finished is kept: the policy, the good MX
      assertThat(report.policyApplies()).isTrue();
      assertThat(TestWorld.mx(report, GOOD).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(TestWorld.mxCodes(report, STUCK)).contains("check.time-limit");
      assertThat(report.stages())
          .filteredOn(s -> s.target().equals(STUCK))
          .singleElement()
          .satisfies(s -> assertThat(s.status()).isEqualTo(StageStatus.FAIL));
      // the listener heard the same report once, and every stage that is in it
      assertThat(heard).containsExactly(report);
      assertThat(stages).containsExactlyInAnyOrderElementsOf(report.stages());
      // the stalled connection was closed by the cancel
      assertThat(silent.awaitClientClosed(5_000)).as("the probe hung up").isTrue();
      assertThat(report.findings()).filteredOn(f -> f.code() == Code.CHECK_TIME_LIMIT).hasSize(1);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void checkWithinTheLimitIsNotMarked() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", GOOD);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", GOOD));
      world.goodMx(0, GOOD);
      world.checkTimeout(Duration.ofSeconds(20));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(TestWorld.codes(report)).doesNotContain("check.time-limit");
    }
  }
}
