package org.stslens.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A TCP relay in front of an SMTP server that, from a chosen point of the client's TLS on, passes
 * what the server sends one byte at a time, one byte every {@code interval}: a server (or a path)
 * that drips. Each byte arrives well within any per-read timeout, so only a deadline for the whole
 * step ends the wait.
 *
 * <p>The relay reads the client's side only: plain lines up to {@code STARTTLS}, then TLS record
 * headers. It never decrypts, so it can stand in front of any server, the lab's or a real Postfix.
 * The drip starts before the triggering client bytes are forwarded, so everything the server sends
 * in answer to them drips.
 */
public final class DripRelay implements LabServer {

  /** Where the drip starts. */
  public enum Drip {
    /** At the client's first TLS record (its ClientHello): the server's whole handshake drips. */
    HANDSHAKE("handshake"),
    /**
     * At the client's first application_data record: in TLS 1.3 the one holding its Finished, in
     * TLS 1.2 its EHLO. The handshake completes at full speed; the records after it (session
     * tickets, the EHLO reply) drip.
     */
    EHLO_AFTER_TLS("ehlo-after-tls");

    private final String word;

    Drip(String word) {
      this.word = word;
    }

    /** {@code handshake} or {@code ehlo-after-tls}, as in scenario files. */
    public String word() {
      return word;
    }

    public static Drip of(String word) {
      for (Drip d : values()) {
        if (d.word.equals(word)) {
          return d;
        }
      }
      throw new IllegalArgumentException("drip: " + word + " (handshake | ehlo-after-tls)");
    }
  }

  private static final int TLS_HANDSHAKE = 22;
  private static final int TLS_APPLICATION_DATA = 23;
  private static final int MAX_LINE = 4096;

  private final InetSocketAddress address;
  private final InetSocketAddress upstream;
  private final Drip drip;
  private final Duration interval;
  private final ConnectionAcceptor acceptor;

  private DripRelay(
      InetSocketAddress bind, InetSocketAddress upstream, Drip drip, Duration interval)
      throws IOException {
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    this.drip = Objects.requireNonNull(drip, "drip");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    this.interval = interval;
    ServerSocket socket = ConnectionAcceptor.bind(bind, 50);
    this.address = new InetSocketAddress(bind.getAddress(), socket.getLocalPort());
    this.acceptor = new ConnectionAcceptor(socket, "lab-drip-" + address.getPort(), this::serve);
  }

  /**
   * Listens on {@code bind} (port 0: an ephemeral port) and relays each connection to {@code
   * upstream}.
   */
  public static DripRelay start(
      InetSocketAddress bind, InetSocketAddress upstream, Drip drip, Duration interval) {
    Loopback.require(bind.getAddress());
    try {
      return new DripRelay(bind, upstream, drip, interval);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start drip relay on " + bind, e);
    }
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public int standardPort() {
    return 25;
  }

  @Override
  public void close() {
    acceptor.close();
  }

  private void serve(Socket client) {
    try (Socket server = new Socket()) {
      server.connect(upstream, 5000);
      client.setTcpNoDelay(true);
      Connection connection = new Connection();
      Thread toServer =
          LabThreads.startDaemon(
              "lab-drip-" + address.getPort() + "-up",
              () -> connection.clientToServer(client, server));
      try {
        connection.serverToClient(server, client);
      } finally {
        ConnectionAcceptor.closeQuietly(client);
        ConnectionAcceptor.closeQuietly(server);
        toServer.interrupt();
      }
    } catch (IOException | InterruptedException e) {
      // either side gone: the connection is over
    }
  }

  /** One relayed connection: the client-side parser and the drip switch. */
  private final class Connection {
    private volatile boolean dripping;
    // client-side parser state
    private boolean tls;
    private boolean afterStartTls;
    private final StringBuilder line = new StringBuilder();
    private int headerRead;
    private int recordType;
    private int recordLength;
    private int bodyLeft;

    void clientToServer(Socket client, Socket server) {
      byte[] buffer = new byte[8192];
      try (InputStream in = client.getInputStream();
          OutputStream out = server.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          for (int i = 0; i < n; i++) {
            observe(buffer[i] & 0xff);
          }
          out.write(buffer, 0, n); // after observe: the drip is on before the server sees them
          out.flush();
        }
      } catch (IOException e) {
        // the connection is over
      } finally {
        ConnectionAcceptor.closeQuietly(server);
      }
    }

    void serverToClient(Socket server, Socket client) throws IOException, InterruptedException {
      byte[] buffer = new byte[8192];
      InputStream in = server.getInputStream();
      OutputStream out = client.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (!dripping) {
          out.write(buffer, 0, n);
          out.flush();
          continue;
        }
        for (int i = 0; i < n; i++) {
          out.write(buffer[i]);
          out.flush();
          Thread.sleep(interval.toMillis());
        }
      }
    }

    private void observe(int b) {
      if (!tls) {
        if (afterStartTls && line.length() == 0 && b == TLS_HANDSHAKE) {
          tls = true; // the ClientHello after 220 to STARTTLS
        } else {
          plain(b);
          return;
        }
      }
      if (headerRead < 5) {
        if (headerRead == 0) {
          recordType = b;
          if (drip == Drip.HANDSHAKE
              || (drip == Drip.EHLO_AFTER_TLS && recordType == TLS_APPLICATION_DATA)) {
            dripping = true;
          }
        } else if (headerRead == 3) {
          recordLength = b << 8;
        } else if (headerRead == 4) {
          recordLength |= b;
          bodyLeft = recordLength;
        }
        headerRead++;
        if (headerRead == 5 && bodyLeft == 0) {
          headerRead = 0;
        }
        return;
      }
      if (--bodyLeft == 0) {
        headerRead = 0;
      }
    }

    private void plain(int b) {
      if (b == '\n') {
        String command = line.toString().trim().toUpperCase(Locale.ROOT);
        afterStartTls = command.equals("STARTTLS");
        line.setLength(0);
      } else if (line.length() < MAX_LINE) {
        line.append((char) b);
      }
    }
  }
}
