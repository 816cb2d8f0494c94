package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every lab server's builder binds the same way: loopback only, a real port, a clear failure. */
class LabServerBuilderTest {

  private static final CertificateAuthority CA = CertificateAuthority.create("Builder Test CA");
  private static final IssuedCertificate CERT = CA.issue("lab.test");

  private record Kind(String name, Supplier<LabServerBuilder<?, ?>> builder) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("DNS", LabDnsServer::builder),
          new Kind("HTTPS", () -> LabHttpsServer.builder(CERT)),
          new Kind("SMTP", () -> LabSmtpServer.builder(CERT)));

  @Test
  void everyBuilderRefusesAnAddressOutsideLoopback() throws Exception {
    InetAddress outside = InetAddress.getByName("198.51.100.1");
    for (Kind kind : KINDS) {
      assertThatThrownBy(() -> kind.builder().get().bind(outside))
          .as(kind.name())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void everyBuilderRefusesAPortOutOfRange() {
    for (Kind kind : KINDS) {
      for (int port : new int[] {-1, 65536}) {
        assertThatThrownBy(() -> kind.builder().get().port(port))
            .as(kind.name() + " port " + port)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("port " + port);
      }
    }
  }

  @Test
  void aTakenPortFailsTheStartNamingTheServerAndTheAddress() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
      for (Kind kind : KINDS) {
        LabServerBuilder<?, ?> builder = kind.builder().get().bind(loopback);
        builder.port(taken.getLocalPort());
        assertThatThrownBy(builder::start)
            .as(kind.name())
            .isInstanceOf(UncheckedIOException.class)
            .hasMessage("cannot start lab " + kind.name() + " server on /127.0.0.1");
      }
    }
  }

  @Test
  void aListenerThatCannotBindIsClosed() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
      ServerSocket fresh = new ServerSocket();
      assertThatThrownBy(
              () ->
                  ConnectionAcceptor.bind(
                      fresh, s -> {}, new InetSocketAddress(loopback, taken.getLocalPort()), 1))
          .isInstanceOf(java.io.IOException.class);
      assertThat(fresh.isClosed()).isTrue();

      ServerSocket misconfigured = new ServerSocket();
      assertThatThrownBy(
              () ->
                  ConnectionAcceptor.bind(
                      misconfigured,
                      s -> {
                        throw new IllegalArgumentException("unsupported protocol");
                      },
                      new InetSocketAddress(loopback, 0),
                      1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(misconfigured.isClosed()).isTrue();
    }
  }

  @Test
  void theSettersChainOnTheConcreteBuilder() throws Exception {
    try (LabSmtpServer server =
        LabSmtpServer.builder(CERT)
            .bind(InetAddress.getByName("127.0.0.1"))
            .port(0)
            .hostname("mx.chain.test")
            .start()) {
      assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(server.standardPort()).isEqualTo(25);
    }
  }
}
