package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.report.DomainVerdict;

/** The walkthrough's domain field goes through the one normaliser (UTS #46, with reasons). */
class CheckViewModelDomainEntryTest {

  private static final String ALABEL = "xn--strae-oqa.test";

  private final ExecutorService ui = Executors.newSingleThreadExecutor();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    ui.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private CheckViewModel viewModel(TestWorld world) {
    MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
    return new CheckViewModel(checker::start, ui::execute, history -> {});
  }

  private void onUi(Runnable action) throws Exception {
    ui.submit(action).get(5, TimeUnit.SECONDS);
  }

  private void await(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      boolean[] done = new boolean[1];
      onUi(() -> done[0] = condition.getAsBoolean());
      if (done[0]) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("condition not reached in 15 s");
  }

  @Test
  void anInternationalisedDomainIsCheckedAsItsNonTransitionalALabel() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(ALABEL, "1", "mx1." + ALABEL);
      world.policyHost(ALABEL, TestWorld.policy("enforce", "mx1." + ALABEL));
      world.goodMx(0, "mx1." + ALABEL);
      CheckViewModel vm = viewModel(world);

      onUi(
          () -> {
            vm.domainProperty().set("Straße.test");
            vm.check();
          });
      await(() -> vm.reportProperty().get() != null);

      assertThat(vm.reportProperty().get().domain()).isEqualTo(ALABEL);
      assertThat(vm.reportProperty().get().verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void aNameThatIsNotADomainSaysWhatIsWrong() throws Exception {
    try (TestWorld world = new TestWorld()) {
      CheckViewModel vm = viewModel(world);

      onUi(
          () -> {
            vm.domainProperty().set("mail_server.example.com");
            vm.check();
          });

      onUi(
          () -> {
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.bannerProperty().get())
                .contains("not a domain name")
                .contains("`_`")
                .contains("U+005F");
          });
    }
  }
}
