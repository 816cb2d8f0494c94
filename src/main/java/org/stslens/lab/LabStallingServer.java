package org.stslens.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A dead address that still takes connections: it accepts on its port and never sends a byte, as a
 * host whose web server hangs or a middlebox that swallows traffic. A client learns nothing until
 * its own time limit runs out.
 */
final class LabStallingServer extends SilentLabServer {

  private LabStallingServer(InetAddress address, int standardPort) {
    super(address, 50, standardPort);
  }

  static LabStallingServer start(InetAddress address, int standardPort) {
    LabStallingServer server = new LabStallingServer(address, standardPort);
    LabThreads.startDaemon("lab-stall-" + address.getHostAddress(), server::acceptForever);
    return server;
  }

  private void acceptForever() {
    while (isListening()) {
      try {
        Socket socket = accept();
        LabThreads.startDaemon("lab-stall-read", () -> swallow(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Reads whatever the client sends (a TLS ClientHello) and answers nothing. */
  private void swallow(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream()) {
      while (in.read() >= 0) {
        // never answered
      }
    } catch (IOException e) {
      // the client gave up, or the server closed
    } finally {
      release(socket);
    }
  }
}
