package org.stslens.engine.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class MeteredSocketTest {

  @Test
  void turnsNagleOffSoTheEhloAfterTlsIsNotHeldBackBehindTheFinished() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      assertThat(raw.getTcpNoDelay()).as("the default, Nagle on").isFalse();

      MeteredSocket metered = new MeteredSocket(raw);

      assertThat(raw.getTcpNoDelay()).isTrue();
      assertThat(metered.getTcpNoDelay()).isTrue();
    }
  }
}
