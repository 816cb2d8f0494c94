package org.stslens.engine.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level SMTP over one socket (plain, then TLS after {@link #upgrade}). A reply's deadline is
 * checked between reads; a read blocked inside a TLS record sees no clock, so the caller also holds
 * a {@link org.stslens.engine.net.StepDeadline} that closes the connection. Replies are capped in
 * line length and line count so garbage cannot exhaust memory.
 */
final class SmtpConnection {

  static final int MAX_LINE = 4096;
  static final int MAX_LINES = 100;
  private static final int MAX_DISCARD = 64 * 1024;
  private static final Pattern REPLY_LINE = Pattern.compile("(\\d{3})([ -]?)(.*)", Pattern.DOTALL);

  private final Transcript transcript;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;

  SmtpConnection(Socket socket, Transcript transcript) throws IOException {
    this.transcript = transcript;
    use(socket);
  }

  private void use(Socket newSocket) throws IOException {
    socket = newSocket;
    in = newSocket.getInputStream();
    out = newSocket.getOutputStream();
    position = 0;
    limit = 0;
  }

  /** Continues on the TLS socket layered over the plain one; the plain buffer must be empty. */
  void upgrade(Socket tlsSocket) throws IOException {
    use(tlsSocket);
  }

  void send(String line) throws IOException {
    transcript.client(line);
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * Reads one complete reply within {@code timeout}. Each line is put in the transcript as it
   * arrives, so garbage is visible too.
   *
   * @throws SocketTimeoutException when the step's time runs out
   * @throws EOFException when the server closes the connection
   * @throws SmtpProtocolException for a malformed, inconsistent, too long or endless reply
   */
  SmtpReply readReply(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> texts = new ArrayList<>();
    int code = -1;
    while (true) {
      String line = readLine(deadline);
      transcript.server(line);
      Matcher m = REPLY_LINE.matcher(line);
      if (!m.matches() || (m.group(2).isEmpty() && !m.group(3).isEmpty())) {
        throw new SmtpProtocolException(
            "not an SMTP reply line: '" + Transcript.sanitize(shorten(line)) + "'");
      }
      int lineCode = Integer.parseInt(m.group(1));
      if (code >= 0 && lineCode != code) {
        throw new SmtpProtocolException(
            "reply lines with different codes (" + code + " then " + lineCode + ")");
      }
      code = lineCode;
      texts.add(m.group(3));
      if (!m.group(2).equals("-")) {
        return new SmtpReply(code, texts);
      }
      if (texts.size() >= MAX_LINES) {
        throw new SmtpProtocolException("reply longer than " + MAX_LINES + " lines");
      }
    }
  }

  /**
   * Throws away what was received but not yet consumed: data sent together with the STARTTLS answer
   * must never be read as a reply after the handshake (RFC 3207 §4.2; the STARTTLS
   * command-injection attack, CVE-2011-0411 and kin). Also drains bytes already waiting in the
   * socket. Returns the discarded bytes.
   */
  byte[] discardPending() throws IOException {
    java.io.ByteArrayOutputStream discarded = new java.io.ByteArrayOutputStream();
    discarded.write(buffer, position, limit - position);
    position = limit;
    int available;
    while (discarded.size() < MAX_DISCARD && (available = in.available()) > 0) {
      int n = in.read(buffer, 0, Math.min(available, buffer.length));
      if (n <= 0) {
        break;
      }
      discarded.write(buffer, 0, n);
    }
    position = 0;
    limit = 0;
    return discarded.toByteArray();
  }

  private String readLine(long deadline) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (position == limit) {
        fill(deadline, line);
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        transcript.server(line.toString());
        throw new SmtpProtocolException("reply line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) (b & 0xff));
    }
  }

  private void fill(long deadline, StringBuilder partial) throws IOException {
    long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      throw timeout(partial);
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (SocketTimeoutException e) {
      throw timeout(partial);
    }
    if (n < 0) {
      if (partial.length() > 0) {
        transcript.server(partial.toString());
      }
      throw new EOFException("connection closed by the server");
    }
    position = 0;
    limit = n;
  }

  private SocketTimeoutException timeout(StringBuilder partial) {
    if (partial.length() > 0) {
      transcript.server(partial.toString());
    }
    return new SocketTimeoutException("no complete reply in time");
  }

  private static String shorten(String line) {
    return line.length() > 80 ? line.substring(0, 80) : line;
  }
}
