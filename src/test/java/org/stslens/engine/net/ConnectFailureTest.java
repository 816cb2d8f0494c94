package org.stslens.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What the JDK throws when a connection or handshake fails, mapped to one typed outcome. */
class ConnectFailureTest {

  @Test
  void eachErrnoTheJdkReportsMapsToItsKind() {
    assertThat(ConnectFailure.of(new SocketTimeoutException("Connect timed out")))
        .isEqualTo(ConnectFailure.TIMED_OUT);
    assertThat(ConnectFailure.of(new ConnectException("Connection timed out")))
        .isEqualTo(ConnectFailure.TIMED_OUT);
    assertThat(ConnectFailure.of(new ConnectException("Connection refused")))
        .isEqualTo(ConnectFailure.REFUSED);
    assertThat(ConnectFailure.of(new SocketException("Network is unreachable")))
        .isEqualTo(ConnectFailure.NETWORK_UNREACHABLE);
    assertThat(ConnectFailure.of(new NoRouteToHostException("No route to host")))
        .isEqualTo(ConnectFailure.HOST_UNREACHABLE);
    assertThat(ConnectFailure.of(new SocketException("Connection reset")))
        .isEqualTo(ConnectFailure.RESET);
    assertThat(ConnectFailure.of(new SocketException("Permission denied")))
        .isEqualTo(ConnectFailure.OTHER);
    assertThat(ConnectFailure.of(new IOException((String) null))).isEqualTo(ConnectFailure.OTHER);
  }

  @Test
  void aClosedLoopbackPortIsRefused() throws Exception {
    InetSocketAddress closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }
    try (SocketChannel channel = SocketChannel.open()) {
      channel.socket().connect(closed, 2000);
      throw new AssertionError("connected to a closed port");
    } catch (IOException e) {
      assertThat(ConnectFailure.of(e)).isEqualTo(ConnectFailure.REFUSED);
    }
  }

  @Test
  void onlyAProtocolVersionRefusalIsAnOldTlsServer() {
    assertThat(
            HandshakeFailure.of(
                new SSLHandshakeException("Received fatal alert: protocol_version")))
        .isEqualTo(HandshakeFailure.PROTOCOL_VERSION);
    assertThat(
            HandshakeFailure.of(
                new SSLHandshakeException(
                    "The server selected protocol version TLS10 is not accepted by client"
                        + " preferences [TLS13, TLS12]")))
        .isEqualTo(HandshakeFailure.PROTOCOL_VERSION);
    assertThat(HandshakeFailure.of(new SSLHandshakeException("Received fatal alert: bad_record")))
        .isEqualTo(HandshakeFailure.OTHER);
    // the same words outside TLS say nothing about a TLS version
    assertThat(HandshakeFailure.of(new IOException("protocol_version")))
        .isEqualTo(HandshakeFailure.OTHER);
  }
}
