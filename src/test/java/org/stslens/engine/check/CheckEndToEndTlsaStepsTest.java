package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.net.Step;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/** The TLSA look-up of each MX host is told as steps of that host's stage, as DNS and SMTP are. */
class CheckEndToEndTlsaStepsTest {

  private record Told(String target, Step step, String detail) {}

  private static ExecutorService pool;
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void executors() {
    pool = Executors.newFixedThreadPool(8);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void shutdown() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private static List<Told> tlsaSteps(String scenario, boolean dane) throws Exception {
    List<Told> told = new ArrayList<>();
    CheckListener listener =
        new CheckListener() {
          @Override
          public synchronized void stepEvent(
              CheckStage stage, String target, Step step, String detail) {
            if (stage == CheckStage.MX && step.name().startsWith("TLSA_")) {
              told.add(new Told(target, step, detail));
            }
          }
        };
    try (LabWorld world =
        LabWorld.start(ScenarioCatalog.load().byId(scenario).orElseThrow(), false)) {
      CheckOptions options = world.options().withDane(world.options().dane().withEnabled(dane));
      new MtaStsChecker(options, pool, timer).check(world.domain(), listener);
    }
    synchronized (listener) {
      return List.copyOf(told);
    }
  }

  @Test
  void aSecureAnswerIsToldWithItsRecordsStatusAndTime() throws Exception {
    List<Told> told = tlsaSteps("dane-ee-valid", true);
    String mx = "mx1.dane-ee-valid.lab.example";
    assertThat(told)
        .extracting(Told::step)
        .containsExactly(Step.TLSA_LOOKUP_STARTED, Step.TLSA_ANSWER_RECEIVED);
    assertThat(told).extracting(Told::target).containsOnly(mx);
    assertThat(told.get(0).detail()).startsWith("_25._tcp." + mx + ". TLSA");
    assertThat(told.get(1).detail())
        .startsWith("_25._tcp." + mx + ". TLSA → 1 record, secure, ")
        .endsWith(" ms");
  }

  @Test
  void aBogusAnswerIsAFailedStepWithTheValidatorsReason() throws Exception {
    List<Told> told = tlsaSteps("dane-dnssec-bogus", true);
    assertThat(told).extracting(Told::step).contains(Step.TLSA_LOOKUP_FAILED);
    Told failed =
        told.stream().filter(t -> t.step() == Step.TLSA_LOOKUP_FAILED).findFirst().orElseThrow();
    assertThat(failed.step().isFailure()).isTrue();
    assertThat(failed.detail()).contains("bogus (");
  }

  @Test
  void withoutDaneNoTlsaStepIsTold() throws Exception {
    assertThat(tlsaSteps("dane-ee-valid", false)).isEmpty();
  }
}
