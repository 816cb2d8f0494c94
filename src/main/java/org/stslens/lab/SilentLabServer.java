package org.stslens.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server that listens and never says a word: the base of the stalling lab server and of the
 * tests' silent port-25 stand-ins. It owns the listener and every socket it holds, and closing it
 * closes them all.
 */
public abstract class SilentLabServer implements LabServer {

  private final ServerSocket listener;
  private final int standardPort;
  private final Set<Socket> held = ConcurrentHashMap.newKeySet();

  /**
   * Listens on an ephemeral port of {@code address}.
   *
   * @param backlog the accept queue; a full queue makes the kernel drop new SYNs
   * @param standardPort the port it stands in for: 25 or 443
   */
  protected SilentLabServer(InetAddress address, int backlog, int standardPort) {
    this.standardPort = standardPort;
    try {
      this.listener = new ServerSocket(0, backlog, Loopback.require(address));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a connection; the socket is held, so that {@link #close()} closes it. */
  protected final Socket accept() throws IOException {
    return hold(listener.accept());
  }

  /** Closes {@code socket} with the server (and not before). */
  protected final Socket hold(Socket socket) {
    held.add(socket);
    return socket;
  }

  /** The socket was closed: the server no longer needs to. */
  protected final void release(Socket socket) {
    held.remove(socket);
  }

  protected final boolean isListening() {
    return !listener.isClosed();
  }

  @Override
  public final InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  @Override
  public final int standardPort() {
    return standardPort;
  }

  @Override
  public void close() {
    ConnectionAcceptor.closeQuietly(listener);
    held.forEach(ConnectionAcceptor::closeQuietly);
  }
}
