package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;

/**
 * The view model against the real engine and loopback servers. The dispatcher is one thread, as the
 * FX thread is, so state changes stay serial without a toolkit.
 */
class CheckViewModelTest {

  private final CheckRig rig = new CheckRig();
  private final List<List<String>> savedHistories = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    rig.close();
  }

  private CheckViewModel viewModel(TestWorld world) {
    return rig.viewModel(world, savedHistories::add);
  }

  private void onUi(Runnable action) throws Exception {
    rig.onUi(action);
  }

  private void await(BooleanSupplier condition) throws Exception {
    rig.await(condition);
  }

  private static TestWorld goodWorld() {
    TestWorld world = new TestWorld();
    world.standardDns("vm.test", "1", "mx1.vm.test", "mx2.vm.test");
    world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test"));
    world.goodMx(0, "mx1.vm.test");
    world.goodMx(1, "mx2.vm.test");
    return world;
  }

  @Test
  void aCheckFillsTheStageListAndTheBanner() throws Exception {
    try (TestWorld world = goodWorld()) {
      CheckViewModel vm = viewModel(world);
      onUi(
          () -> {
            vm.domainProperty().set("vm.test");
            vm.check();
          });
      await(() -> !vm.runningProperty().get());

      onUi(
          () -> {
            assertThat(vm.reportProperty().get().verdict())
                .isEqualTo(DomainVerdict.ENFORCED_WITH_FAILURES);
            assertThat(vm.toneProperty().get()).isEqualTo(CheckViewModel.Tone.WARN);
            assertThat(vm.bannerProperty().get()).contains("mx2.vm.test");
            assertThat(vm.stages())
                .extracting(StageItem::title)
                .containsExactly(
                    "Discovery (DNS)",
                    "Retrieval (HTTPS)",
                    "Policy",
                    "MX mx1.vm.test",
                    "MX mx2.vm.test",
                    "TLS reporting",
                    "Summary");
            assertThat(vm.stages())
                .filteredOn(s -> s.title().equals("MX mx2.vm.test"))
                .extracting(StageItem::status)
                .containsExactly(StageStatus.FAIL);
            assertThat(vm.stages()).allMatch(s -> s.durationMillisProperty().get() >= 0);
            assertThat(vm.mxReports()).hasSize(2);
            assertThat(vm.history()).containsExactly("vm.test");
            assertThat(vm.domainProperty().get()).isEqualTo("vm.test");
          });
      assertThat(savedHistories).last().isEqualTo(List.of("vm.test"));
    }
  }

  @Test
  void aNoticeToldWhileTheCheckRunsIsStillShownWithItsResult() throws Exception {
    try (TestWorld world = goodWorld()) {
      CheckViewModel vm = viewModel(world);
      onUi(
          () -> {
            vm.domainProperty().set("vm.test");
            vm.check();
            // as the history's "not saved" comes: before the report reaches the view
            vm.reportSaveProblem("Check not saved in the history: the file is damaged");
          });
      await(() -> !vm.runningProperty().get());

      onUi(
          () ->
              assertThat(vm.statusProperty().get())
                  .startsWith("Checked vm.test in ")
                  .endsWith(". Check not saved in the history: the file is damaged"));
    }
  }

  @Test
  void theMxSummaryGetsNoRowOfItsOwn() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("vm.test", "1", "mx1.vm.test");
      // old.vm.test matches no MX host: the MX hosts taken together get a finding
      world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test", "old.vm.test"));
      world.goodMx(0, "mx1.vm.test");
      CheckViewModel vm = viewModel(world);
      onUi(
          () -> {
            vm.domainProperty().set("vm.test");
            vm.check();
          });
      await(() -> !vm.runningProperty().get());

      onUi(
          () -> {
            assertThat(vm.reportProperty().get().stages())
                .extracting(StageReport::kind)
                .contains(StageKind.MX_SUMMARY);
            assertThat(vm.stages())
                .extracting(StageItem::title)
                .containsExactly(
                    "Discovery (DNS)",
                    "Retrieval (HTTPS)",
                    "Policy",
                    "MX mx1.vm.test",
                    "TLS reporting",
                    "Summary");
          });
    }
  }

  @Test
  void stepByStepPausesBeforeEachStageUntilNext() throws Exception {
    try (TestWorld world = goodWorld()) {
      CheckViewModel vm = viewModel(world);
      onUi(
          () -> {
            vm.domainProperty().set("vm.test");
            vm.stepByStepProperty().set(true);
            vm.check();
          });
      await(() -> vm.pendingStepProperty().get() != null);
      onUi(
          () -> {
            assertThat(vm.pendingStepProperty().get().stage()).isEqualTo(CheckStage.DISCOVERY);
            assertThat(vm.pendingTextProperty().get()).contains("_mta-sts.vm.test");
            assertThat(vm.stages()).allMatch(s -> s.status() == StageStatus.PENDING);
          });

      onUi(vm::next);
      await(
          () ->
              vm.pendingStepProperty().get() != null
                  && vm.pendingStepProperty().get().stage() != CheckStage.DISCOVERY);
      onUi(
          () -> {
            assertThat(vm.stages().get(0).status()).isNotEqualTo(StageStatus.PENDING);
            assertThat(vm.runningProperty().get()).isTrue();
          });

      onUi(vm::runAll);
      await(() -> !vm.runningProperty().get());
      onUi(() -> assertThat(vm.reportProperty().get()).isNotNull());
    }
  }

  @Test
  void cancelStopsAStuckCheckAndANewOneRunsAtOnce() throws Exception {
    try (TestWorld world = goodWorld()) {
      world.smtpTimeout(Duration.ofSeconds(30));
      world.dns.mx("stuck.test", 10, "mx.stuck.test");
      world.dns.a("mx.stuck.test", TestWorld.mxAddress(3));
      world.mx(3, world.ca.issue("mx.stuck.test"), b -> b.stallBeforeGreeting());
      CheckViewModel vm = viewModel(world);
      onUi(
          () -> {
            vm.domainProperty().set("stuck.test");
            vm.check();
          });
      await(
          () ->
              vm.stages().stream()
                  .anyMatch(
                      s ->
                          s.kind() == StageItem.Kind.MX_HOST && s.status() == StageStatus.RUNNING));
      onUi(vm::cancel);
      onUi(
          () -> {
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.bannerProperty().get()).contains("cancelled");
            vm.domainProperty().set("vm.test");
            vm.check();
          });
      await(() -> !vm.runningProperty().get() && vm.reportProperty().get() != null);
      onUi(() -> assertThat(vm.reportProperty().get().domain()).isEqualTo("vm.test"));
    }
  }

  @Test
  void notADomainSaysSoWithoutRunning() throws Exception {
    try (TestWorld world = goodWorld()) {
      CheckViewModel vm = viewModel(world);
      onUi(
          () -> {
            vm.domainProperty().set("not a domain");
            vm.check();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.bannerProperty().get()).contains("not a domain name");
          });
    }
  }

  @Test
  void aDomainThatTakesNoMailIsNeutralNotAFailure() {
    assertThat(CheckViewModel.toneOf(DomainVerdict.NO_MAIL)).isEqualTo(CheckViewModel.Tone.NEUTRAL);
    assertThat(CheckViewModel.toneOf(DomainVerdict.NO_POLICY)).isEqualTo(CheckViewModel.Tone.BAD);
  }
}
