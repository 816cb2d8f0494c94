package org.stslens.engine.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.stslens.lab.SilentLabServer;

/**
 * A port-25 stand-in that never says a word, in two flavours the lab SMTP server does not offer:
 * {@link #stalling} accepts and then waits, noticing when the client hangs up; {@link #blackhole}
 * never accepts, and its full accept queue makes the kernel drop new SYNs, so that connecting times
 * out even on loopback (a filtered port 25, as far as a client can tell).
 */
final class SilentServer extends SilentLabServer {

  private final CountDownLatch accepted = new CountDownLatch(1);
  private final CountDownLatch clientClosed = new CountDownLatch(1);
  private volatile boolean closed;

  private SilentServer(String address, int backlog, int standardPort) {
    super(TestWorld.loopback(address), backlog, standardPort);
  }

  /** Accepts connections and never sends a byte; records when a client closes its end. */
  static SilentServer stalling(String address) {
    return stalling(address, 25);
  }

  /** {@link #stalling(String)} standing in for {@code standardPort} (443: a policy host). */
  static SilentServer stalling(String address, int standardPort) {
    SilentServer server = new SilentServer(address, 50, standardPort);
    Thread acceptor = new Thread(server::acceptAndWait, "silent-smtp-" + address);
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /**
   * Never accepts; the accept queue is filled at once so that further connection attempts get no
   * answer at all.
   */
  static SilentServer blackhole(String address) {
    SilentServer server = new SilentServer(address, 1, 25);
    server.fillAcceptQueue();
    return server;
  }

  private void fillAcceptQueue() {
    for (int i = 0; i < 16; i++) {
      Socket filler = hold(new Socket());
      try {
        filler.connect(address(), 300);
      } catch (SocketTimeoutException e) {
        return; // the queue is full: SYNs are dropped from now on
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("the accept queue never filled up");
  }

  private void acceptAndWait() {
    try (Socket socket = accept()) {
      accepted.countDown();
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // a client that speaks first is ignored
      }
      clientClosed.countDown();
    } catch (IOException e) {
      if (!closed) {
        clientClosed.countDown(); // reset by the client
      }
    }
  }

  boolean awaitAccepted(long millis) throws InterruptedException {
    return accepted.await(millis, TimeUnit.MILLISECONDS);
  }

  /** True once the client closed the connection (EOF or reset), within {@code millis}. */
  boolean awaitClientClosed(long millis) throws InterruptedException {
    return clientClosed.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    super.close();
  }
}
