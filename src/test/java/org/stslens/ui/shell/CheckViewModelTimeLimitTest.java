package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageStatus;

/** The desktop's view of a check cut short by the whole-check limit. */
class CheckViewModelTimeLimitTest {

  private final CheckRig rig = new CheckRig();

  @AfterEach
  void stop() {
    rig.close();
  }

  private void onUi(Runnable action) throws Exception {
    rig.onUi(action);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aStalledMxEndsTheCheckAtTheLimitWithTheStepMarked() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.stallingMx(0); // accepts and never says a word
      world.standardDns("vm.test", "1", "mx1.vm.test");
      world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test"));
      world.smtpTimeout(Duration.ofSeconds(60)).checkTimeout(Duration.ofSeconds(2));
      CheckViewModel vm = rig.viewModel(world);

      onUi(
          () -> {
            vm.domainProperty().set("vm.test");
            vm.check();
          });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
      boolean[] running = {true};
      while (running[0] && System.nanoTime() < deadline) {
        Thread.sleep(50);
        onUi(() -> running[0] = vm.runningProperty().get());
      }

      onUi(
          () -> {
            assertThat(vm.runningProperty().get()).as("still running after 6 s").isFalse();
            assertThat(vm.reportProperty().get().verdict())
                .isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
            assertThat(vm.bannerProperty().get()).contains("time limit").contains("mx1.vm.test");
            assertThat(vm.toneProperty().get()).isEqualTo(CheckViewModel.Tone.WARN);
            assertThat(vm.stages())
                .filteredOn(s -> s.title().equals("MX mx1.vm.test"))
                .extracting(StageItem::status)
                .containsExactly(StageStatus.FAIL);
          });
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void waitingStepByStepIsNotCutByTheLimit() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("vm.test", "1", "mx1.vm.test");
      world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test"));
      world.goodMx(0, "mx1.vm.test");
      world.checkTimeout(Duration.ofSeconds(1));
      CheckViewModel vm = rig.viewModel(world);

      onUi(
          () -> {
            vm.domainProperty().set("vm.test");
            vm.stepByStepProperty().set(true);
            vm.check();
          });
      Thread.sleep(2_500); // the person reads the first step, longer than the limit
      onUi(vm::runAll);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean[] running = {true};
      while (running[0] && System.nanoTime() < deadline) {
        Thread.sleep(50);
        onUi(() -> running[0] = vm.runningProperty().get());
      }

      onUi(
          () -> {
            assertThat(vm.reportProperty().get().verdict())
                .as(vm.bannerProperty().get())
                .isEqualTo(DomainVerdict.ENFORCED);
          });
    }
  }
}
