package org.stslens.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A minimal SMTP client for the tests: unbuffered reads, so STARTTLS starts on a clean stream. */
final class SmtpTestClient implements AutoCloseable {

  private final Socket raw;
  private InputStream in;
  private OutputStream out;
  private SSLSocket tls;

  private SmtpTestClient(Socket raw) throws IOException {
    this.raw = raw;
    this.in = raw.getInputStream();
    this.out = raw.getOutputStream();
  }

  static SmtpTestClient connect(InetSocketAddress server) throws IOException {
    Socket socket = new Socket();
    socket.connect(server, 2000);
    socket.setSoTimeout(2000);
    return new SmtpTestClient(socket);
  }

  Socket socket() {
    return raw;
  }

  InputStream rawInput() {
    return in;
  }

  /** The lines of one reply, multi-line replies included; empty at end of stream. */
  List<String> reply() throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = line();
      if (line == null) {
        return lines;
      }
      lines.add(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return lines;
      }
    }
  }

  List<String> command(String command) throws IOException {
    send(command);
    return reply();
  }

  void send(String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  SSLSocket startTls(SSLContext context, String host) throws IOException {
    tls = TestTls.handshake(context, raw, host);
    in = tls.getInputStream();
    out = tls.getOutputStream();
    return tls;
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    if (tls != null) {
      tls.close();
    }
    raw.close();
  }
}
