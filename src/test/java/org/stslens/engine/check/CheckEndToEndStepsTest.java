package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.net.Step;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;

/**
 * The steps inside each stage reach the listener as they happen and in order, and a cancelled check
 * ends every stage it started (the pairing promise of {@link CheckListener}).
 */
class CheckEndToEndStepsTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";

  /** One event as the listener heard it. */
  private record Event(String kind, CheckStage stage, String target, Step step, String detail) {
    String stageKey() {
      return stage + " " + target;
    }
  }

  /** Every event in the order the listener heard it (one call at a time per check). */
  private static final class Recorder implements CheckListener {
    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);

    @Override
    public synchronized void stageStarted(CheckStage stage, StageKind kind, String target) {
      events.add(new Event("started", stage, target, null, ""));
    }

    @Override
    public synchronized void stepEvent(CheckStage stage, String target, Step step, String detail) {
      if (step.name().startsWith("TLSA_")) {
        // the TLSA look-up runs beside the probe, so its steps fall anywhere among the host's;
        // against an unsigned test world it ends without a DNSSEC conclusion (a failed step).
        // CheckEndToEndTlsaStepsTest checks them.
        return;
      }
      events.add(new Event("step", stage, target, step, detail));
      if (step == Step.CONNECTED && stage == CheckStage.MX) {
        connected.countDown();
      }
    }

    @Override
    public synchronized void stageFinished(StageReport report) {
      events.add(new Event("finished", report.stage(), report.target(), null, ""));
    }

    @Override
    public synchronized void stageCancelled(CheckStage stage, String target) {
      events.add(new Event("cancelled", stage, target, null, ""));
    }

    synchronized List<Event> events() {
      return List.copyOf(events);
    }

    /** The steps of one stage, in order. */
    List<Step> steps(CheckStage stage, String target) {
      return events().stream()
          .filter(e -> e.kind().equals("step") && e.stage() == stage && e.target().equals(target))
          .map(Event::step)
          .toList();
    }
  }

  @Test
  void theStepsOfAGoodCheckArriveInOrderInsideTheirStage() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.goodMx(0, MX1);
      Recorder recorder = new Recorder();

      DomainReport report = world.check(DOMAIN, recorder);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      List<Event> events = recorder.events();
      // every step lies between its stage's start and finish
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        if (e.kind().equals("step")) {
          List<String> before =
              events.subList(0, i).stream()
                  .filter(b -> b.stageKey().equals(e.stageKey()))
                  .map(Event::kind)
                  .toList();
          assertThat(before).as("before " + e).contains("started").doesNotContain("finished");
        }
      }
      assertThat(events).noneMatch(e -> e.step() != null && e.step().isFailure());

      // the TXT records, the apex TXT and the MX set
      assertThat(recorder.steps(CheckStage.DISCOVERY, DOMAIN))
          .containsExactlyInAnyOrder(
              Step.DNS_QUERY_SENT,
              Step.DNS_QUERY_SENT,
              Step.DNS_QUERY_SENT,
              Step.DNS_ANSWER_RECEIVED,
              Step.DNS_ANSWER_RECEIVED,
              Step.DNS_ANSWER_RECEIVED);
      assertThat(recorder.steps(CheckStage.TLSRPT, DOMAIN))
          .containsExactly(Step.DNS_QUERY_SENT, Step.DNS_ANSWER_RECEIVED);

      List<Step> retrieval = recorder.steps(CheckStage.RETRIEVAL, DOMAIN);
      assertThat(retrieval.subList(retrieval.indexOf(Step.CONNECT_STARTED), retrieval.size()))
          .containsExactly(
              Step.CONNECT_STARTED,
              Step.CONNECTED,
              Step.TLS_HANDSHAKE_STARTED,
              Step.TLS_HANDSHAKE_DONE,
              Step.FETCH_REQUEST_SENT,
              Step.FETCH_HEADERS_RECEIVED,
              Step.FETCH_BODY_RECEIVED);
      assertThat(retrieval.subList(0, retrieval.indexOf(Step.CONNECT_STARTED)))
          .contains(Step.DNS_QUERY_SENT, Step.DNS_ANSWER_RECEIVED);

      // the A and AAAA look-ups, and the SMTP conversation step by step; the address is probed as
      // soon as its answer is there, so the other family's answer may come during the conversation
      List<Step> mx = recorder.steps(CheckStage.MX, MX1);
      List<Step> dns = mx.stream().filter(CheckEndToEndStepsTest::isDns).toList();
      assertThat(dns)
          .containsExactlyInAnyOrder(
              Step.DNS_QUERY_SENT,
              Step.DNS_QUERY_SENT,
              Step.DNS_ANSWER_RECEIVED,
              Step.DNS_ANSWER_RECEIVED);
      assertThat(mx.indexOf(Step.CONNECT_STARTED))
          .isGreaterThan(mx.indexOf(Step.DNS_ANSWER_RECEIVED));
      assertThat(mx.stream().filter(s -> !isDns(s)).toList())
          .containsExactly(
              Step.CONNECT_STARTED,
              Step.CONNECTED,
              Step.SMTP_GREETING,
              Step.SMTP_COMMAND_SENT, // EHLO
              Step.SMTP_REPLY,
              Step.SMTP_COMMAND_SENT, // STARTTLS
              Step.SMTP_REPLY,
              Step.TLS_HANDSHAKE_STARTED,
              Step.TLS_HANDSHAKE_DONE,
              Step.SMTP_COMMAND_SENT, // EHLO again
              Step.SMTP_REPLY,
              Step.SMTP_COMMAND_SENT); // QUIT, whose reply is not awaited
      List<String> commands =
          events.stream()
              .filter(e -> e.step() == Step.SMTP_COMMAND_SENT)
              .map(Event::detail)
              .toList();
      String at = "[" + TestWorld.mxAddress(0) + "] ";
      assertThat(commands)
          .containsExactly(
              at + "EHLO stslens.invalid",
              at + "STARTTLS",
              at + "EHLO stslens.invalid",
              at + "QUIT");
    }
  }

  private static boolean isDns(Step step) {
    return step == Step.DNS_QUERY_SENT
        || step == Step.DNS_ANSWER_RECEIVED
        || step == Step.DNS_QUERY_FAILED;
  }

  @Test
  void aRefusedConnectionIsAFailedStep() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.closedPort(TestWorld.mxAddress(0), 25);
      Recorder recorder = new Recorder();

      world.check(DOMAIN, recorder);

      List<Step> mx = recorder.steps(CheckStage.MX, MX1).stream().filter(s -> !isDns(s)).toList();
      assertThat(mx).endsWith(Step.CONNECT_STARTED, Step.CONNECT_FAILED);
      assertThat(Step.CONNECT_FAILED.isFailure()).isTrue();
    }
  }

  @Test
  void aCancelledCheckEndsEveryStageItStarted() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      SilentServer silent = world.add(SilentServer.stalling(TestWorld.mxAddress(0)));
      world.smtpTimeout(Duration.ofSeconds(30));
      Recorder recorder = new Recorder();
      RunningCheck running =
          new MtaStsChecker(world.options(), pool, timer).start(DOMAIN, recorder);
      assertThat(recorder.connected.await(5, TimeUnit.SECONDS)).as("the MX connected").isTrue();
      assertThat(silent.awaitAccepted(5000)).isTrue();

      running.cancel();
      assertThatThrownBy(running::await).isInstanceOf(InterruptedException.class);
      // once the workers are done, nothing more can arrive
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

      List<Event> events = recorder.events();
      List<String> open = new ArrayList<>();
      for (Event e : events) {
        switch (e.kind()) {
          case "started" -> open.add(e.stageKey());
          case "finished", "cancelled" ->
              assertThat(open.remove(e.stageKey())).as("a start for " + e).isTrue();
          default -> {}
        }
      }
      assertThat(open).as("stages started and never ended").isEmpty();
      assertThat(events)
          .anyMatch(
              e ->
                  e.kind().equals("cancelled")
                      && e.stage() == CheckStage.MX
                      && e.target().equals(MX1));
      // the cancel is the last word: no step or stage after it
      int firstCancel =
          events.indexOf(
              events.stream().filter(e -> e.kind().equals("cancelled")).findFirst().orElseThrow());
      assertThat(events.subList(firstCancel, events.size()))
          .allMatch(e -> e.kind().equals("cancelled"));
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }
}
