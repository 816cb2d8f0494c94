package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.net.Step;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/** The walkthrough's MX rows carry the host's TLSA look-up as the engine tells it. */
class CheckViewModelTlsaStepsTest {

  private final ExecutorService ui = Executors.newSingleThreadExecutor();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void shutdown() {
    ui.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private StageItem mxRowAfterCheck(String scenario, boolean stepByStep) throws Exception {
    try (LabWorld world =
        LabWorld.start(ScenarioCatalog.load().byId(scenario).orElseThrow(), false)) {
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
      CheckViewModel vm = new CheckViewModel(checker::start, ui::execute, h -> {});
      onUi(
          () -> {
            vm.stepByStepProperty().set(stepByStep);
            vm.domainProperty().set(world.domain());
            vm.check();
          });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      boolean[] done = new boolean[1];
      while (!done[0] && System.nanoTime() < deadline) {
        // step by step: press Next whenever a stage waits, as a person would
        onUi(
            () -> {
              if (vm.pendingStepProperty().get() != null) {
                vm.next();
              }
              done[0] = vm.reportProperty().get() != null;
            });
        Thread.sleep(20);
      }
      assertThat(done[0]).as("the check finished").isTrue();
      StageItem[] row = new StageItem[1];
      onUi(
          () ->
              row[0] =
                  vm.stages().stream()
                      .filter(s -> s.kind() == StageItem.Kind.MX_HOST)
                      .findFirst()
                      .orElseThrow());
      return row[0];
    }
  }

  private void onUi(Runnable action) throws Exception {
    ui.submit(action).get(5, TimeUnit.SECONDS);
  }

  @Test
  void aSecureLookUpEndsOnTheHostsRowWithItsRecordsAndStatus() throws Exception {
    StageItem row = mxRowAfterCheck("dane-ee-valid", false);
    StepLine line = row.tlsaStep().orElseThrow();
    assertThat(line.step()).isEqualTo(Step.TLSA_ANSWER_RECEIVED);
    assertThat(line.shown()).startsWith("_25._tcp." + row.target() + ". TLSA → 1 record, secure, ");
  }

  @Test
  void stepByStepTheLookUpIsShownToo() throws Exception {
    StageItem row = mxRowAfterCheck("dane-ee-valid", true);
    assertThat(row.tlsaStep().orElseThrow().step()).isEqualTo(Step.TLSA_ANSWER_RECEIVED);
  }

  @Test
  void aBogusLookUpIsShownAsAFailure() throws Exception {
    StageItem row = mxRowAfterCheck("dane-dnssec-bogus", false);
    StepLine line = row.tlsaStep().orElseThrow();
    assertThat(line.step()).isEqualTo(Step.TLSA_LOOKUP_FAILED);
    assertThat(line.detail()).contains("bogus");
  }

  @Test
  void theRunningLookUpSaysSo() {
    assertThat(
            new StepLine(Step.TLSA_LOOKUP_STARTED, "_25._tcp.mx1.example. TLSA, validated").shown())
        .isEqualTo("running: _25._tcp.mx1.example. TLSA, validated");
  }
}
