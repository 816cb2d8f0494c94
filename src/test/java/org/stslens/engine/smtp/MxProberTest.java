package org.stslens.engine.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.net.ConnectFailure;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.smtp.ScriptedSmtpServer.Script;
import org.stslens.engine.smtp.TranscriptLine.Direction;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tls.TrustAnchors;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.IssuedCertificate;

class MxProberTest {

  private static final String MX = "mx.example.com";
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final CertificateAuthority CA = CertificateAuthority.create("Probe Test Root");
  private static final IssuedCertificate GOOD = CA.issue(MX);
  private static final ChainValidator VALIDATOR =
      new ChainValidator(TrustAnchors.of(List.of(CA.certificate())), Clock.systemUTC());
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "probe-test-timer");
            thread.setDaemon(true);
            return thread;
          });

  private static EndpointProbe probe(ScriptedSmtpServer server, Duration stepTimeout) {
    return prober(server.port(), stepTimeout).probe(MX, LOOPBACK);
  }

  private static MxProber prober(int port, Duration stepTimeout) {
    return new MxProber(PortMap.mapping(Map.of(25, port)), VALIDATOR, stepTimeout, TIMER);
  }

  private static EndpointProbe probe(Script script) throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
      EndpointProbe result = probe(server, Duration.ofSeconds(5));
      server.awaitFinished();
      return result;
    }
  }

  private static List<String> lines(EndpointProbe probe, Direction direction) {
    return probe.transcript().stream()
        .filter(l -> l.direction() == direction)
        .map(TranscriptLine::text)
        .toList();
  }

  private static List<Code> codes(EndpointProbe probe) {
    return probe.findings().stream().map(Finding::code).toList();
  }

  @Test
  void happyPath() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Script.happy(GOOD))) {
      EndpointProbe probe = probe(server, Duration.ofSeconds(5));
      server.awaitFinished();

      assertThat(server.errors()).isEmpty();
      assertThat(probe.findings()).isEmpty();
      assertThat(probe.passed()).isTrue();
      assertThat(probe.greeting()).contains("mx.example.com ESMTP ready");
      assertThat(probe.starttlsOffered()).isTrue();
      assertThat(probe.tlsVersion())
          .hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.3", "TLSv1.2"));
      assertThat(probe.cipherSuite()).hasValueSatisfying(c -> assertThat(c).startsWith("TLS_"));
      assertThat(probe.certificate()).hasValueSatisfying(v -> assertThat(v.valid()).isTrue());
      assertThat(probe.connectedTo().getPort()).isEqualTo(server.port());
      assertThat(lines(probe, Direction.CLIENT))
          .containsExactly("EHLO stslens.invalid", "STARTTLS", "EHLO stslens.invalid", "QUIT");
      assertThat(lines(probe, Direction.SERVER))
          .containsExactly(
              "220 mx.example.com ESMTP ready",
              "250-mx.example.com hello",
              "250-PIPELINING",
              "250 starttls",
              "220 2.0.0 Ready to start TLS",
              "250-mx.example.com hello again",
              "250 SIZE 10240000");
      // The second EHLO comes after the TLS note.
      List<String> all = probe.transcript().stream().map(TranscriptLine::text).toList();
      assertThat(all.lastIndexOf("EHLO stslens.invalid"))
          .isGreaterThan(indexStartingWith(all, "TLS established"));
      assertThat(probe.timingsMillis())
          .containsKeys("connect", "greeting", "ehlo", "starttls", "handshake", "total");
    }
  }

  @Test
  void theEhloAfterTlsGoesOutBeforeTheChainIsJudged() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Script.happy(GOOD))) {
      EndpointProbe probe = probe(server, Duration.ofSeconds(5));
      server.awaitFinished();

      // the chain is judged while the EHLO reply travels, not before the EHLO is sent
      List<String> all = probe.transcript().stream().map(TranscriptLine::text).toList();
      int ehloAfterTls = all.lastIndexOf("EHLO stslens.invalid");
      assertThat(indexStartingWith(all, "certificate chain of")).isGreaterThan(ehloAfterTls);
      assertThat(probe.certificate()).hasValueSatisfying(v -> assertThat(v.valid()).isTrue());
      assertThat(probe.timingsMillis()).containsKeys("ehlo-tls", "validation");
    }
  }

  @Test
  void quitIsSentButItsReplyIsNotAwaited() throws Exception {
    CountDownLatch quitReceived = new CountDownLatch(1);
    CountDownLatch probeReturned = new CountDownLatch(1);
    Script script =
        new Script()
            .send("220 mx.example.com ESMTP ready\r\n")
            .expect("EHLO ")
            .send("250-mx.example.com hello\r\n250 STARTTLS\r\n")
            .expect("STARTTLS")
            .send("220 2.0.0 Ready to start TLS\r\n")
            .startTls(GOOD)
            .expect("EHLO ")
            .send("250 mx.example.com hello again\r\n")
            .expect("QUIT")
            .signal(quitReceived)
            // the reply to QUIT comes only once the probe is over: a probe that waited for it
            // would run into its time limit first
            .await(probeReturned)
            .send("221 2.0.0 Bye\r\n");
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
      EndpointProbe probe = probe(server, Duration.ofSeconds(5));
      probeReturned.countDown();

      assertThat(quitReceived.await(5, TimeUnit.SECONDS)).as("the server got QUIT").isTrue();
      assertThat(probe.passed()).isTrue();
      assertThat(lines(probe, Direction.CLIENT)).last().isEqualTo("QUIT");
      assertThat(lines(probe, Direction.SERVER)).last().isEqualTo("250 mx.example.com hello again");
      assertThat(lines(probe, Direction.NOTE))
          .contains("QUIT sent; its reply is not awaited")
          .noneMatch(n -> n.contains("no proper answer"));
    }
  }

  private static int indexStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void multiLineGreetingIsAccepted() throws Exception {
    Script script =
        new Script()
            .send("220-mx.example.com first\r\n220-second\r\n220 last\r\n")
            .expect("EHLO")
            .send("250 mx.example.com\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");

    EndpointProbe probe = probe(script);

    assertThat(probe.greeting()).contains("mx.example.com first\nsecond\nlast");
    assertThat(codes(probe)).containsExactly(Code.SMTP_STARTTLS_MISSING);
    assertThat(probe.starttlsOffered()).isFalse();
  }

  @Test
  void ehloAndHeloBothRejectedIsEhloRejectedWithBothRepliesRecorded() throws Exception {
    Script script =
        new Script()
            .send("220 mx ESMTP\r\n")
            .expect("EHLO stslens.invalid")
            .send("554 5.7.1 <stslens.invalid>: Helo command rejected: Access denied\r\n")
            .expect("HELO stslens.invalid")
            .send("554 5.7.1 <stslens.invalid>: Helo command rejected: Access denied\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");

    EndpointProbe probe = probe(script);

    assertThat(codes(probe)).containsExactly(Code.SMTP_EHLO_REJECTED);
    assertThat(probe.findings().get(0).message())
        .contains("rejected EHLO with '554 5.7.1")
        .contains("and HELO with '554 5.7.1");
    assertThat(lines(probe, Direction.CLIENT))
        .containsExactly("EHLO stslens.invalid", "HELO stslens.invalid", "QUIT");
    assertThat(lines(probe, Direction.SERVER)).filteredOn(l -> l.startsWith("554")).hasSize(2);
  }

  @Test
  void ehloRejectedButHeloAcceptedOffersNoStarttls() throws Exception {
    Script script =
        new Script()
            .send("220 mx SMTP\r\n")
            .expect("EHLO")
            .send("502 5.5.2 command not recognized\r\n")
            .expect("HELO")
            .send("250 mx\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");

    EndpointProbe probe = probe(script);

    assertThat(codes(probe)).containsExactly(Code.SMTP_STARTTLS_MISSING);
    assertThat(probe.findings().get(0).message()).contains("accepted HELO");
    assertThat(probe.starttlsOffered()).isFalse();
  }

  @Test
  void temporaryEhloRefusalIsABannerErrorWithoutHelo() throws Exception {
    Script script =
        new Script()
            .send("220 mx ESMTP\r\n")
            .expect("EHLO")
            .send("421 4.3.2 service shutting down\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");

    EndpointProbe probe = probe(script);

    assertThat(codes(probe)).containsExactly(Code.SMTP_BANNER);
    assertThat(lines(probe, Direction.CLIENT)).doesNotContain("HELO stslens.invalid");
  }

  @Test
  void startTlsRefused() throws Exception {
    Script script =
        new Script()
            .send("220 mx ESMTP\r\n")
            .expect("EHLO")
            .send("250-mx\r\n250 STARTTLS\r\n")
            .expect("STARTTLS")
            .send("454 4.7.0 TLS not available due to local problem\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");

    EndpointProbe probe = probe(script);

    assertThat(codes(probe)).containsExactly(Code.SMTP_STARTTLS_REFUSED);
    assertThat(probe.findings().get(0).message()).contains("454 4.7.0 TLS not available");
    assertThat(probe.findings().get(0).target()).isEqualTo("mx.example.com [127.0.0.1]");
    assertThat(probe.passed()).isFalse();
  }

  @Test
  void greeting554() throws Exception {
    EndpointProbe probe =
        probe(new Script().send("554 5.7.1 go away\r\n").expect("QUIT").send("221 bye\r\n"));

    assertThat(codes(probe)).containsExactly(Code.SMTP_BANNER);
    assertThat(probe.findings().get(0).message()).contains("554 5.7.1 go away");
  }

  @Test
  void garbageGreetingIsShownSanitized() throws Exception {
    EndpointProbe probe = probe(new Script().send("\u0000\u0001HTTP/1.1 400 Bad\r\n"));

    assertThat(codes(probe)).containsExactly(Code.SMTP_BANNER);
    assertThat(lines(probe, Direction.SERVER)).containsExactly("\\x00\\x01HTTP/1.1 400 Bad");
    assertThat(probe.findings().get(0).message()).contains("garbage");
  }

  @Test
  void hugeLineIsCutOff() throws Exception {
    EndpointProbe probe = probe(new Script().send("220 " + "A".repeat(100_000) + "\r\n"));

    assertThat(codes(probe)).containsExactly(Code.SMTP_BANNER);
    assertThat(probe.findings().get(0).message()).contains("longer than 4096 bytes");
    assertThat(lines(probe, Direction.SERVER).get(0)).hasSizeLessThan(700).contains("truncated");
  }

  @Test
  void endlessMultiLineReplyIsCutOff() throws Exception {
    EndpointProbe probe = probe(new Script().send("220-hello\r\n".repeat(500)));

    assertThat(codes(probe)).containsExactly(Code.SMTP_BANNER);
    assertThat(probe.findings().get(0).message()).contains("100 lines");
  }

  @Test
  void connectionRefused() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
      port = closed.getLocalPort();
    }

    EndpointProbe probe = prober(port, Duration.ofSeconds(2)).probe(MX, LOOPBACK);

    assertThat(codes(probe)).containsExactly(Code.SMTP_CONNECT_FAILED);
    assertThat(probe.findings().get(0).message())
        .contains("the connection was refused (nothing listens on that port)");
    assertThat(probe.greeting()).isEmpty();
    assertThat(probe.connectFailure()).contains(ConnectFailure.REFUSED);
    assertThat(probe.connectTimedOut()).isFalse();
  }

  @Test
  void stalledGreetingTimesOut() throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(new Script().signal(connected).stall())) {
      long start = System.nanoTime();
      EndpointProbe probe = probe(server, Duration.ofMillis(300));
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(codes(probe)).containsExactly(Code.SMTP_TIMEOUT);
      assertThat(probe.findings().get(0).message())
          .contains("the greeting did not finish within 300 ms: the server sent nothing");
      assertThat(elapsedMillis).isLessThan(3000);
    }
  }

  @Test
  void startTlsInjectionIsDiscarded() throws Exception {
    Script script =
        new Script()
            .send("220 mx ESMTP\r\n")
            .expect("EHLO")
            .send("250-mx\r\n250 STARTTLS\r\n")
            .expect("STARTTLS")
            .send("220 Ready\r\n250 injected\r\n")
            .startTls(GOOD)
            .expect("EHLO")
            .send("250-mx after tls\r\n250 8BITMIME\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");

    EndpointProbe probe = probe(script);

    assertThat(probe.findings()).isEmpty();
    assertThat(lines(probe, Direction.SERVER)).doesNotContain("250 injected");
    assertThat(lines(probe, Direction.SERVER)).contains("250-mx after tls", "250 8BITMIME");
    assertThat(lines(probe, Direction.NOTE))
        .anySatisfy(n -> assertThat(n).contains("discarded 14 bytes").contains("250 injected"));
  }

  @Test
  void expiredCertificate() throws Exception {
    EndpointProbe probe = probe(Script.happy(CA.issue(CertificateSpec.expired(MX))));

    assertThat(codes(probe)).containsExactly(Code.TLS_CERT_EXPIRED);
    assertThat(probe.findings().get(0).target()).isEqualTo("mx.example.com [127.0.0.1]");
    assertThat(probe.findings().get(0).message()).contains("expired 10 days ago");
    assertThat(probe.tlsVersion()).isPresent();
  }

  @Test
  void wrongNameCertificate() throws Exception {
    EndpointProbe probe = probe(Script.happy(CA.issue("other.example.net")));

    assertThat(codes(probe)).containsExactly(Code.TLS_CERT_NAME_MISMATCH);
    assertThat(probe.certificate()).hasValueSatisfying(v -> assertThat(v.nameMatches()).isFalse());
  }

  @Test
  void plainTextAfterStartTlsFailsTheHandshake() throws Exception {
    Script script =
        new Script()
            .send("220 mx ESMTP\r\n")
            .expect("EHLO")
            .send("250-mx\r\n250 STARTTLS\r\n")
            .expect("STARTTLS")
            .send("220 Ready\r\n")
            .expect("") // swallow the ClientHello's first bytes, then answer in plain text
            .send("500 what is this\r\n");

    EndpointProbe probe = probe(script);

    assertThat(codes(probe)).containsExactly(Code.TLS_HANDSHAKE_FAILED);
    assertThat(probe.tlsVersion()).isEmpty();
  }

  @Test
  void interruptDuringStallStopsPromptly() throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(new Script().signal(connected).stall())) {
      MxProber prober = prober(server.port(), Duration.ofSeconds(30));
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      Thread prober1 =
          new Thread(
              () -> {
                try {
                  prober.probe(MX, LOOPBACK);
                  outcome.set(new AssertionError("probe returned normally"));
                } catch (Throwable t) {
                  outcome.set(t);
                }
              });
      prober1.start();
      // The server has the connection and stalls: the prober waits for the greeting.
      assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      prober1.interrupt();
      prober1.join(2000);

      assertThat(prober1.isAlive()).isFalse();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
      assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    }
  }
}
