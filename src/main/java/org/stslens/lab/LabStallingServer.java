package org.stslens.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dead address that still takes connections: it accepts on its port and never sends a byte, as a
 * host whose web server hangs or a middlebox that swallows traffic. A client learns nothing until
 * its own time limit runs out.
 */
final class LabStallingServer implements LabServer {

  private final ServerSocket listener;
  private final int standardPort;
  private final Set<Socket> held = ConcurrentHashMap.newKeySet();

  private LabStallingServer(ServerSocket listener, int standardPort) {
    this.listener = listener;
    this.standardPort = standardPort;
  }

  static LabStallingServer start(InetAddress address, int standardPort) {
    try {
      LabStallingServer server =
          new LabStallingServer(new ServerSocket(0, 50, address), standardPort);
      LabThreads.startDaemon("lab-stall-" + address.getHostAddress(), server::acceptForever);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void acceptForever() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        held.add(socket);
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
      held.remove(socket);
    }
  }

  @Override
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  @Override
  public int standardPort() {
    return standardPort;
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : held) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
