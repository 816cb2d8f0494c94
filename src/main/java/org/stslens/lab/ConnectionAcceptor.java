package org.stslens.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The accept loop the TCP lab servers share: one named daemon thread accepts, each connection is
 * served on its own thread, and {@link #close()} ends the listener, every open connection and every
 * exchange stalled in {@link #awaitClose()}.
 */
final class ConnectionAcceptor implements AutoCloseable {

  private final ServerSocket listener;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * Starts accepting on a bound listener.
   *
   * @param serve serves one connection; the socket is closed when it returns
   */
  ConnectionAcceptor(ServerSocket listener, String name, Consumer<Socket> serve) {
    this.listener = listener;
    this.connections = Executors.newCachedThreadPool(LabThreads.daemon(name));
    this.acceptor = LabThreads.startDaemon(name + "-accept", () -> acceptLoop(serve));
  }

  /**
   * Configures and binds a fresh listener; closes it when either fails, so that a server that
   * cannot start leaves no socket behind.
   */
  static <S extends ServerSocket> S bind(
      S socket, Consumer<S> configure, InetSocketAddress at, int backlog) throws IOException {
    try {
      configure.accept(socket);
      socket.bind(at, backlog);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** {@link #bind(ServerSocket, Consumer, InetSocketAddress, int)} with nothing to configure. */
  static ServerSocket bind(InetSocketAddress at, int backlog) throws IOException {
    return bind(new ServerSocket(), s -> {}, at, backlog);
  }

  private void acceptLoop(Consumer<Socket> serve) {
    while (!closed) {
      try {
        Socket connection = listener.accept();
        open.add(connection);
        connections.execute(
            () -> {
              try (connection) {
                serve.accept(connection);
              } catch (IOException e) {
                // the connection ends either way
              } finally {
                open.remove(connection);
              }
            });
      } catch (IOException | RejectedExecutionException e) {
        // closed, or one failed accept; the loop condition decides
      }
    }
  }

  /** Blocks until the server closes: how a lab server "stalls forever". */
  void awaitClose() throws InterruptedException {
    closing.await();
  }

  @Override
  public void close() {
    closed = true;
    closing.countDown();
    closeQuietly(listener);
    open.forEach(ConnectionAcceptor::closeQuietly);
    connections.shutdownNow();
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
