package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/**
 * The drip scenarios through the whole checker: the MX probe gets the checker's timer, and a server
 * that drips ends the check after about one SMTP step limit, not never.
 */
class CheckEndToEndDripTest {

  private static final Duration STEP = Duration.ofMillis(1500);
  private static ExecutorService pool;
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void pools() {
    pool = Executors.newFixedThreadPool(8);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stopPools() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @ParameterizedTest
  @CsvSource({
    "mx-drip-handshake, mx1, the TLS handshake did not finish within 1.5 s",
    "mx-drip-ehlo, mx2, the answer to EHLO after STARTTLS did not finish within 1.5 s"
  })
  void aDrippingMxEndsTheCheckAfterAboutOneStepLimit(String id, String mx, String says) {
    try (LabWorld world = LabWorld.start(ScenarioCatalog.load().byId(id).orElseThrow(), false)) {
      CheckOptions options = world.options().withSmtpStepTimeout(STEP);
      long t = System.nanoTime();
      DomainReport report =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  new MtaStsChecker(options, pool, timer)
                      .check(world.domain(), CheckListener.NONE));
      long millis = (System.nanoTime() - t) / 1_000_000;

      // DNS and the policy fetch run alongside; the handshake and one step limit add up to this.
      assertThat(millis).isLessThan(2 * STEP.toMillis() + 3000);
      String host = mx + "." + world.domain();
      MxReport dripping =
          report.mx().stream().filter(m -> m.host().equals(host)).findFirst().orElseThrow();
      assertThat(dripping.verdict().word()).isEqualTo("unreachable");
      assertThat(dripping.findings())
          .filteredOn(f -> f.code().id().equals("smtp.timeout"))
          .extracting(Finding::message)
          .singleElement()
          .asString()
          .contains(says)
          .containsPattern("the server sent [1-9][0-9]* bytes? in 1\\.[5-9] s");
    }
  }
}
