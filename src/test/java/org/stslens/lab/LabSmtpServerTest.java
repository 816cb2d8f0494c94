package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class LabSmtpServerTest {

  private static final CertificateAuthority CA = CertificateAuthority.create("Lab SMTP test CA");
  private static final IssuedCertificate CERT = CA.issue("mx1.example.com");
  private static final SSLContext CLIENT = TestTls.trusting(CA);

  @Test
  void speaksEsmtpAndStartTlsWithAFreshEhloAfterwards() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).hostname("mx1.example.com").start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      assertThat(client.reply()).containsExactly("220 mx1.example.com ESMTP STS Lens lab");
      List<String> ehlo = client.command("EHLO probe.example");
      assertThat(ehlo.get(0)).isEqualTo("250-mx1.example.com greets probe.example");
      assertThat(ehlo)
          .anyMatch(l -> l.matches("250[- ]STARTTLS"))
          .last()
          .asString()
          .startsWith("250 ");
      assertThat(client.command("NOOP")).containsExactly("250 2.0.0 OK");
      assertThat(client.command("STARTTLS")).containsExactly("220 2.0.0 Ready to start TLS");

      SSLSocket tls = client.startTls(CLIENT, "mx1.example.com");

      assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
      List<String> secureEhlo = client.command("EHLO probe.example");
      assertThat(secureEhlo).noneMatch(line -> line.contains("STARTTLS"));
      assertThat(secureEhlo.get(secureEhlo.size() - 1)).startsWith("250 ");
      assertThat(client.command("STARTTLS")).singleElement().asString().startsWith("503");
      assertThat(client.command("MAIL FROM:<a@probe.example>")).containsExactly("250 2.1.0 OK");
      assertThat(client.command("RCPT TO:<b@example.com>")).containsExactly("250 2.1.5 OK");
      assertThat(client.command("RSET")).containsExactly("250 2.0.0 OK");
      assertThat(client.command("VRFY x")).singleElement().asString().startsWith("500");
      assertThat(client.command("QUIT")).singleElement().asString().startsWith("221");
      assertThat(client.reply()).isEmpty();

      assertThat(server.handshakes())
          .singleElement()
          .satisfies(h -> assertThat(h.serverName()).contains("mx1.example.com"));
      assertThat(server.transcripts())
          .singleElement()
          .satisfies(
              t ->
                  assertThat(t)
                      .contains("C: STARTTLS", "S: 220 2.0.0 Ready to start TLS", "C: QUIT")
                      .anyMatch(
                          line ->
                              line.startsWith("* TLS TLSv1.3 ")
                                  && line.endsWith("sni=mx1.example.com")));
    }
  }

  @Test
  void configurableGreetingAndNoStartTls() throws IOException {
    try (LabSmtpServer server =
            LabSmtpServer.builder(CERT)
                .greeting(554, "no SMTP service here")
                .advertiseStartTls(false)
                .start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      assertThat(client.reply()).containsExactly("554 no SMTP service here");
      assertThat(client.command("EHLO probe.example")).noneMatch(l -> l.contains("STARTTLS"));
      assertThat(client.command("STARTTLS")).singleElement().asString().startsWith("502");
      assertThat(client.command("HELO probe.example")).containsExactly("250 mx.lab.test");
    }
  }

  @Test
  void refusesStartTlsWith454() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).refuseStartTls().start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      client.reply();
      assertThat(client.command("EHLO probe.example")).anyMatch(l -> l.matches("250[- ]STARTTLS"));
      assertThat(client.command("STARTTLS")).singleElement().asString().startsWith("454 ");
      assertThat(client.command("QUIT")).singleElement().asString().startsWith("221");
    }
  }

  @Test
  void injectionModeSendsAnExtraLineThatACarefulClientDiscards() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).injectAfterStartTls().start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      client.reply();
      client.command("EHLO probe.example");
      client.send("STARTTLS");
      // a buffering reader gets both lines at once; the careful client throws the buffer away
      InputStream buffered = new BufferedInputStream(client.rawInput());
      byte[] both =
          "220 2.0.0 Ready to start TLS\r\n250 injected\r\n".getBytes(StandardCharsets.US_ASCII);
      assertThat(buffered.readNBytes(both.length)).isEqualTo(both);

      client.startTls(CLIENT, "mx1.example.com");

      List<String> ehlo = client.command("EHLO probe.example");
      assertThat(ehlo.get(0)).startsWith("250-mx.lab.test");
      assertThat(server.transcripts().get(0)).contains("S: 250 injected");
    }
  }

  @Test
  void sabotagedHandshakesFailOnTheClient() throws IOException {
    for (LabSmtpServer.HandshakeFault fault :
        List.of(LabSmtpServer.HandshakeFault.CLOSE, LabSmtpServer.HandshakeFault.ALERT)) {
      try (LabSmtpServer server = LabSmtpServer.builder(CERT).handshakeFault(fault).start();
          SmtpTestClient client = SmtpTestClient.connect(server.address())) {
        client.reply();
        client.command("EHLO probe.example");
        assertThat(client.command("STARTTLS")).singleElement().asString().startsWith("220");

        assertThatThrownBy(() -> client.startTls(CLIENT, "mx1.example.com"))
            .isInstanceOf(SSLException.class);
      }
    }
  }

  @Test
  void tlsProtocolsAreRestrictable() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).tlsProtocols("TLSv1.2").start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      client.reply();
      client.command("EHLO probe.example");
      client.command("STARTTLS");
      assertThat(client.startTls(CLIENT, "mx1.example.com").getSession().getProtocol())
          .isEqualTo("TLSv1.2");
    }
  }

  /** Java 17 disables TLS 1.1 through jdk.tls.disabledAlgorithms; see the class comment. */
  @Test
  void tlsOnePointOneOnlyServerCannotCompleteAHandshake() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).tlsProtocols("TLSv1.1").start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      client.reply();
      client.command("EHLO probe.example");
      client.command("STARTTLS");
      assertThatThrownBy(() -> client.startTls(CLIENT, "mx1.example.com"))
          .isInstanceOf(SSLException.class);
      assertThat(server.handshakes()).isEmpty();
      assertThat(server.transcripts().get(0)).anyMatch(l -> l.startsWith("* TLS handshake failed"));
    }
  }

  @Test
  void hostileOpenings() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).closeOnAccept().start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      assertThat(client.reply()).isEmpty();
    }
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).stallBeforeGreeting().start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      client.socket().setSoTimeout(200);
      assertThatThrownBy(client::reply).isInstanceOf(SocketTimeoutException.class);
    }
    try (LabSmtpServer server = LabSmtpServer.builder(CERT).garbageGreeting().start();
        SmtpTestClient client = SmtpTestClient.connect(server.address())) {
      byte[] first = client.rawInput().readNBytes(4);
      assertThat(first).containsExactly(0x00, 0xff, 0x13, 0x37);
    }
  }

  @Test
  void delaysEveryReplyAndServesClientsConcurrently() throws Exception {
    try (LabSmtpServer server =
        LabSmtpServer.builder(CERT).replyDelay(Duration.ofMillis(50)).start()) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      try {
        long start = System.nanoTime();
        List<Future<List<String>>> quits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          quits.add(
              clients.submit(
                  () -> {
                    try (SmtpTestClient client = SmtpTestClient.connect(server.address())) {
                      client.reply();
                      client.command("EHLO probe.example");
                      return client.command("QUIT");
                    }
                  }));
        }
        for (Future<List<String>> quit : quits) {
          assertThat(quit.get()).singleElement().asString().startsWith("221");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(elapsed)
            .isGreaterThanOrEqualTo(Duration.ofMillis(150))
            .isLessThan(Duration.ofMillis(1000));
      } finally {
        clients.shutdownNow();
      }
      assertThat(server.transcripts()).hasSize(8);
    }
  }

  @Test
  void refusesToBindOutsideLoopback() {
    assertThatThrownBy(() -> LabSmtpServer.builder(CERT).bind(InetAddress.getByName("203.0.113.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
