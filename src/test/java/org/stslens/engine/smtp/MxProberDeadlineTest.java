package org.stslens.engine.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tls.TrustAnchors;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.DripRelay.Drip;
import org.stslens.lab.LabSmtpServer;

/**
 * Whole-step deadlines: a server that sends one byte at a time, each well within any per-read
 * timeout, must not keep a probe alive past its step limit.
 */
class MxProberDeadlineTest {

  private static final String MX = "mx.example.com";
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final CertificateAuthority CA = CertificateAuthority.create("Deadline Test Root");
  private static final ChainValidator VALIDATOR =
      new ChainValidator(TrustAnchors.of(List.of(CA.certificate())), Clock.systemUTC());
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "deadline-test-timer");
            thread.setDaemon(true);
            return thread;
          });
  private static final Duration STEP = Duration.ofMillis(1500);
  private static final Duration DRIP = Duration.ofMillis(300);

  /** Connect, greeting, EHLO and STARTTLS are fast; the margin covers a loaded build machine. */
  private static final long MAX_MILLIS = STEP.toMillis() + 2500;

  private static LabSmtpServer dripping(Drip drip) {
    return LabSmtpServer.builder(CA.issue(MX)).hostname(MX).drip(drip, DRIP).start();
  }

  private static EndpointProbe probe(LabSmtpServer server) {
    MxProber prober =
        new MxProber(
            PortMap.mapping(Map.of(25, server.address().getPort())), VALIDATOR, STEP, TIMER);
    return prober.probe(MX, LOOPBACK);
  }

  private static Finding only(EndpointProbe probe, Code code) {
    List<Finding> errors = probe.findings().stream().filter(Finding::isError).toList();
    assertThat(errors).extracting(Finding::code).containsExactly(code);
    return errors.get(0);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aDrippedHandshakeEndsAtTheStepDeadline() {
    try (LabSmtpServer server = dripping(Drip.HANDSHAKE)) {
      long t = System.nanoTime();
      EndpointProbe probe = probe(server);
      long millis = (System.nanoTime() - t) / 1_000_000;

      assertThat(millis).isLessThan(MAX_MILLIS);
      Finding timeout = only(probe, Code.SMTP_TIMEOUT);
      assertThat(timeout.message())
          .contains("the TLS handshake did not finish within 1.5 s")
          .containsPattern("the server sent [1-9][0-9]* bytes? in [0-9.]+ s");
      assertThat(probe.tlsVersion()).isEmpty();
      assertThat(probe.starttlsOffered()).isTrue();
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aDrippedEhloReplyAfterTlsEndsAtTheStepDeadline() {
    try (LabSmtpServer server = dripping(Drip.EHLO_AFTER_TLS)) {
      long t = System.nanoTime();
      EndpointProbe probe = probe(server);
      long millis = (System.nanoTime() - t) / 1_000_000;

      assertThat(millis).isLessThan(MAX_MILLIS + STEP.toMillis());
      // The handshake went through at full speed and the certificate was judged.
      assertThat(probe.tlsVersion()).isPresent();
      assertThat(probe.certificate()).hasValueSatisfying(v -> assertThat(v.valid()).isTrue());
      Finding timeout = only(probe, Code.SMTP_TIMEOUT);
      assertThat(timeout.message())
          .contains("the answer to EHLO after STARTTLS did not finish within 1.5 s")
          .containsPattern("the server sent [1-9][0-9]* bytes? in [0-9.]+ s");
    }
  }
}
