package org.stslens.engine.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLSocket;
import org.stslens.lab.IssuedCertificate;

/**
 * A minimal loopback SMTP server for MxProber tests: it accepts one connection and plays a script
 * (send raw text, expect a command, upgrade to TLS, stall). Not the lab server; test sources only.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /** One step of the script. */
  @FunctionalInterface
  interface Step {
    void run(Session session) throws Exception;
  }

  /** The connection a script plays on. */
  static final class Session {
    private Socket socket;
    private InputStream in;

    void write(String text) throws IOException {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
    }

    /** Reads one line byte by byte, so nothing meant for a TLS handshake is buffered away. */
    String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        if (b != '\r') {
          line.write(b);
        }
      }
      if (b < 0 && line.size() == 0) {
        throw new IOException("client closed");
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** A script under construction. */
  static final class Script {
    private final List<Step> steps = new ArrayList<>();

    Script send(String raw) {
      steps.add(s -> s.write(raw));
      return this;
    }

    /** Reads a line and checks it starts with {@code prefix} (case-insensitive). */
    Script expect(String prefix) {
      steps.add(
          s -> {
            String line = s.readLine();
            if (!line.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) {
              throw new IllegalStateException("expected " + prefix + " but got " + line);
            }
          });
      return this;
    }

    Script startTls(IssuedCertificate certificate) {
      steps.add(
          s -> {
            SSLSocket tls =
                (SSLSocket)
                    certificate
                        .serverContext()
                        .getSocketFactory()
                        .createSocket(s.socket, null, s.socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.startHandshake();
            s.socket = tls;
            s.in = tls.getInputStream();
          });
      return this;
    }

    /** Counts {@code latch} down when the script gets here: the client is connected by then. */
    Script signal(CountDownLatch latch) {
      steps.add(s -> latch.countDown());
      return this;
    }

    /** Waits (at most a minute) until the test counts {@code latch} down. */
    Script await(CountDownLatch latch) {
      steps.add(s -> latch.await(1, java.util.concurrent.TimeUnit.MINUTES));
      return this;
    }

    /** Says nothing until the server is closed. */
    Script stall() {
      steps.add(s -> Thread.sleep(Long.MAX_VALUE));
      return this;
    }

    /** The whole happy conversation with a TLS upgrade using {@code certificate}. */
    static Script happy(IssuedCertificate certificate) {
      return new Script()
          .send("220 mx.example.com ESMTP ready\r\n")
          .expect("EHLO ")
          .send("250-mx.example.com hello\r\n250-PIPELINING\r\n250 starttls\r\n")
          .expect("STARTTLS")
          .send("220 2.0.0 Ready to start TLS\r\n")
          .startTls(certificate)
          .expect("EHLO ")
          .send("250-mx.example.com hello again\r\n250 SIZE 10240000\r\n")
          .expect("QUIT")
          .send("221 2.0.0 Bye\r\n");
    }
  }

  private final ServerSocket serverSocket;
  private final Thread thread;
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Socket client;

  private ScriptedSmtpServer(Script script) throws IOException {
    serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(script), "scripted-smtp-" + serverSocket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  static ScriptedSmtpServer start(Script script) throws IOException {
    return new ScriptedSmtpServer(script);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Script failures (an unexpected command, a failed handshake...), empty when all went well. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  /** Waits up to a few seconds for the script to end, so errors() is complete. */
  void awaitFinished() throws InterruptedException {
    finished.await(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void serve(Script script) {
    try (Socket socket = serverSocket.accept()) {
      client = socket;
      Session session = new Session();
      session.socket = socket;
      session.in = socket.getInputStream();
      for (Step step : script.steps) {
        step.run(session);
      }
      session.socket.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!serverSocket.isClosed()) {
        errors.add(e.toString());
      }
    } finally {
      finished.countDown();
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    Socket c = client;
    if (c != null) {
      c.close();
    }
    thread.interrupt();
  }
}
