package org.stslens.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An ESMTP server for the lab that speaks just enough RFC 5321 and RFC 3207 to be probed: greeting,
 * EHLO/HELO, STARTTLS, NOOP, RSET, MAIL, RCPT and QUIT. It never accepts mail (DATA is refused).
 * Misbehaviour covers what MX hosts do wrong in the field: hostile greetings, missing or refused
 * STARTTLS, old TLS, failing handshakes, slow replies, and STARTTLS response injection (plain-text
 * bytes sent after the 220, ahead of the handshake), and a TLS side that drips (through a {@link
 * DripRelay} in front of the server). Each connection's dialogue is recorded for tests.
 *
 * <p>Plain-text input is read byte by byte, never buffered, so no byte of the client's TLS
 * handshake is swallowed by the command reader.
 *
 * <p>On TLS versions: Java 17 lists TLSv1 and TLSv1.1 in {@code jdk.tls.disabledAlgorithms}, and
 * JSSE applies that security property in addition to any {@code SSLParameters} constraints, so a
 * server configured with {@code tlsProtocols("TLSv1.1")} cannot complete any handshake in a default
 * JVM: every client sees a handshake failure. Allowing TLS 1.1 needs a process-wide security
 * property override (e.g. {@code -Djava.security.properties}) before JSSE starts, which would
 * weaken the engine under test too, so the lab does not do it.
 */
public final class LabSmtpServer implements LabServer {

  /** What happens right after a client connects. */
  private enum Opening {
    GREET,
    /** Accept and never send a greeting. */
    STALL,
    /** Close the connection immediately. */
    CLOSE,
    /** Send binary junk instead of a greeting. */
    GARBAGE
  }

  /** How the server reacts to STARTTLS before TLS is active. */
  private enum StartTls {
    /** 220, then the handshake. */
    ACCEPT,
    /** 454 4.7.0 and stay in plain text. */
    REFUSE,
    /** 220 plus an injected {@code 250 injected} in the same packet, then the handshake. */
    INJECT
  }

  /** How the TLS handshake after a 220 to STARTTLS goes wrong, if at all. */
  public enum HandshakeFault {
    NONE,
    /** Read the start of the client's hello, then close the connection. */
    CLOSE,
    /** Read the start of the client's hello, then send a fatal handshake_failure alert. */
    ALERT,
    /**
     * Answer like a server that only speaks TLS 1.0/1.1: a fatal protocol_version alert in a TLS
     * 1.0 record (RFC 5246 §7.2.2). Java 17 cannot run such a server for real.
     */
    OLD_TLS_ONLY
  }

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_LINE = 4096;
  private static final byte[] GARBAGE = {
    0x00, (byte) 0xff, 0x13, 0x37, (byte) 0x80, (byte) 0x81, (byte) 0xfe, 0x07, 0x1b, 0x0a
  };
  private static final byte[] HANDSHAKE_FAILURE_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};
  private static final byte[] PROTOCOL_VERSION_ALERT = {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46};

  /** The immutable settings one server runs with. */
  private record Settings(
      String hostname,
      int greetingCode,
      String greetingText,
      boolean advertiseStartTls,
      StartTls startTls,
      HandshakeFault handshakeFault,
      List<String> tlsProtocols,
      Duration replyDelay,
      Opening opening,
      int heloRejectCode) {}

  private final Settings config;
  private final SSLContext tlsContext;
  private final InetSocketAddress address;
  private final ConnectionAcceptor acceptor;
  private final DripRelay relay;
  private final List<List<String>> transcripts = new CopyOnWriteArrayList<>();
  private final List<LabTlsSession> handshakes = new CopyOnWriteArrayList<>();

  private LabSmtpServer(Builder builder) throws IOException {
    this.config = builder.settings();
    this.tlsContext = builder.certificate.serverContext();
    List<String> supported = List.of(tlsContext.getSupportedSSLParameters().getProtocols());
    if (!supported.containsAll(config.tlsProtocols())) {
      throw new IllegalArgumentException(
          "TLS protocols " + config.tlsProtocols() + " not all in " + supported);
    }
    // With a drip the relay takes the requested port and the server itself an ephemeral one.
    int port = builder.drip == null ? builder.port : 0;
    ServerSocket socket =
        ConnectionAcceptor.bind(new InetSocketAddress(builder.bindAddress, port), 100);
    InetSocketAddress own = new InetSocketAddress(builder.bindAddress, socket.getLocalPort());
    this.acceptor = new ConnectionAcceptor(socket, "lab-smtp-" + own.getPort(), this::serve);
    if (builder.drip == null) {
      this.relay = null;
      this.address = own;
    } else {
      try {
        this.relay =
            DripRelay.start(
                new InetSocketAddress(builder.bindAddress, builder.port),
                own,
                builder.drip,
                builder.dripInterval);
      } catch (RuntimeException e) {
        acceptor.close();
        throw e;
      }
      this.address = relay.address();
    }
  }

  public static Builder builder(IssuedCertificate certificate) {
    return new Builder(certificate);
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public int standardPort() {
    return 25;
  }

  /**
   * One transcript per connection, in accept order: {@code "C: ..."} for client lines, {@code "S:
   * ..."} for server lines, {@code "* ..."} for events such as the TLS handshake.
   */
  public List<List<String>> transcripts() {
    List<List<String>> copy = new ArrayList<>();
    for (List<String> transcript : transcripts) {
      synchronized (transcript) {
        copy.add(List.copyOf(transcript));
      }
    }
    return List.copyOf(copy);
  }

  /** Completed TLS handshakes, with the SNI each client sent. */
  public List<LabTlsSession> handshakes() {
    return List.copyOf(handshakes);
  }

  @Override
  public void close() {
    if (relay != null) {
      relay.close();
    }
    acceptor.close();
  }

  private void serve(Socket raw) {
    List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    transcripts.add(transcript);
    try {
      raw.setTcpNoDelay(true);
      raw.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
      new Session(raw, transcript).converse();
    } catch (IOException | InterruptedException e) {
      transcript.add("* connection ended: " + e);
    }
  }

  /** One client's connection: the command loop and the switch to TLS. */
  private final class Session {

    private final Socket raw;
    private final List<String> transcript;
    private InputStream in;
    private OutputStream out;
    private boolean tls;

    Session(Socket raw, List<String> transcript) throws IOException {
      this.raw = raw;
      this.transcript = transcript;
      this.in = raw.getInputStream();
      this.out = raw.getOutputStream();
    }

    void converse() throws IOException, InterruptedException {
      switch (config.opening()) {
        case CLOSE -> {
          transcript.add("* closed on accept");
          return;
        }
        case STALL -> {
          transcript.add("* stalling before greeting");
          acceptor.awaitClose();
          return;
        }
        case GARBAGE -> {
          pause();
          transcript.add("* sent " + GARBAGE.length + " bytes of garbage");
          out.write(GARBAGE);
          out.flush();
          in.transferTo(OutputStream.nullOutputStream()); // until the client gives up
          return;
        }
        case GREET -> reply(config.greetingCode() + " " + config.greetingText());
      }
      for (String line = readLine(); line != null; line = readLine()) {
        transcript.add("C: " + line);
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO", "HELO" -> {
            if (config.heloRejectCode() != 0) {
              // Postfix's wording for smtpd_helo_restrictions = reject
              String client = line.length() > 5 ? line.substring(5).trim() : "";
              reply(
                  config.heloRejectCode()
                      + " 5.7.1 <"
                      + client
                      + ">: Helo command rejected: Access denied");
            } else {
              reply(verb.equals("EHLO") ? ehloLines(line) : List.of("250 " + config.hostname()));
            }
          }
          case "STARTTLS" -> {
            if (!startTls()) {
              return;
            }
          }
          case "NOOP", "RSET" -> reply("250 2.0.0 OK");
          case "MAIL" -> reply("250 2.1.0 OK");
          case "RCPT" -> reply("250 2.1.5 OK");
          case "DATA" -> reply("554 5.7.0 this lab server accepts no mail");
          case "QUIT" -> {
            reply("221 2.0.0 " + config.hostname() + " closing connection");
            return;
          }
          default -> reply("500 5.5.2 command not recognized");
        }
      }
    }

    private List<String> ehloLines(String command) {
      List<String> features = new ArrayList<>();
      String client = command.length() > 5 ? command.substring(5).trim() : "";
      features.add(config.hostname() + " greets " + (client.isEmpty() ? "you" : client));
      features.add("PIPELINING");
      features.add("SIZE 10240000");
      if (config.advertiseStartTls() && !tls) {
        features.add("STARTTLS");
      }
      features.add("ENHANCEDSTATUSCODES");
      features.add("8BITMIME");
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < features.size(); i++) {
        lines.add("250" + (i == features.size() - 1 ? " " : "-") + features.get(i));
      }
      return lines;
    }

    /** Handles STARTTLS; false when the connection is over. */
    private boolean startTls() throws IOException, InterruptedException {
      if (tls) {
        reply("503 5.5.1 TLS already active");
        return true;
      }
      if (config.startTls() == StartTls.REFUSE) {
        reply("454 4.7.0 TLS not available due to temporary reason");
        return true;
      }
      if (!config.advertiseStartTls()) {
        reply("502 5.5.1 STARTTLS not offered");
        return true;
      }
      if (config.startTls() == StartTls.INJECT) {
        // one write, one segment: the injected line arrives together with the 220
        reply("220 2.0.0 Ready to start TLS", "250 injected");
      } else {
        reply("220 2.0.0 Ready to start TLS");
      }
      if (config.handshakeFault() != HandshakeFault.NONE) {
        in.readNBytes(5); // the record header of the client's hello
        if (config.handshakeFault() == HandshakeFault.ALERT) {
          out.write(HANDSHAKE_FAILURE_ALERT);
          out.flush();
        } else if (config.handshakeFault() == HandshakeFault.OLD_TLS_ONLY) {
          out.write(PROTOCOL_VERSION_ALERT);
          out.flush();
        }
        transcript.add("* handshake sabotaged: " + config.handshakeFault());
        return false;
      }
      SSLSocket secure = (SSLSocket) tlsContext.getSocketFactory().createSocket(raw, null, true);
      secure.setEnabledProtocols(config.tlsProtocols().toArray(new String[0]));
      try {
        secure.startHandshake();
      } catch (IOException e) {
        transcript.add("* TLS handshake failed: " + e.getMessage());
        return false;
      }
      LabTlsSession session = LabTlsSession.of(secure.getSession());
      handshakes.add(session);
      transcript.add(
          "* TLS "
              + session.protocol()
              + " "
              + session.cipherSuite()
              + " sni="
              + session.serverName().orElse("(none)"));
      in = secure.getInputStream();
      out = secure.getOutputStream();
      tls = true; // RFC 3207 §4.2: the client starts over with EHLO; nothing carries across
      return true;
    }

    private void reply(String... lines) throws IOException, InterruptedException {
      reply(List.of(lines));
    }

    private void reply(List<String> lines) throws IOException, InterruptedException {
      pause();
      StringBuilder wire = new StringBuilder();
      for (String line : lines) {
        transcript.add("S: " + line);
        wire.append(line).append("\r\n");
      }
      out.write(wire.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    private void pause() throws InterruptedException {
      if (!config.replyDelay().isZero()) {
        Thread.sleep(config.replyDelay().toMillis());
      }
    }

    /** One line without its CRLF (a bare LF is accepted too); null at end of stream. */
    private String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == '\n') {
          String text = line.toString(StandardCharsets.UTF_8);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        if (line.size() >= MAX_LINE) {
          throw new IOException("line longer than " + MAX_LINE + " bytes");
        }
        line.write(b);
      }
      return null;
    }
  }

  /** Greeting, STARTTLS and fault settings; each {@link #start()} copies it. */
  public static final class Builder extends LabServerBuilder<Builder, LabSmtpServer> {

    private final IssuedCertificate certificate;
    private String hostname = "mx.lab.test";
    private int greetingCode = 220;
    private String greetingText;
    private boolean advertiseStartTls = true;
    private StartTls startTls = StartTls.ACCEPT;
    private HandshakeFault handshakeFault = HandshakeFault.NONE;
    private List<String> tlsProtocols = List.of("TLSv1.3", "TLSv1.2");
    private Duration replyDelay = Duration.ZERO;
    private Opening opening = Opening.GREET;
    private int heloRejectCode;
    private DripRelay.Drip drip;
    private Duration dripInterval;

    private Builder(IssuedCertificate certificate) {
      super("SMTP");
      this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    private Settings settings() {
      return new Settings(
          hostname,
          greetingCode,
          greetingText != null ? greetingText : hostname + " ESMTP STS Lens lab",
          advertiseStartTls,
          startTls,
          handshakeFault,
          List.copyOf(tlsProtocols),
          replyDelay,
          opening,
          heloRejectCode);
    }

    /** The name the server calls itself in greeting and EHLO; default {@code mx.lab.test}. */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname");
      return this;
    }

    /** The greeting, e.g. {@code greeting(554, "no service")}; default 220 with the hostname. */
    public Builder greeting(int code, String text) {
      if (code < 200 || code > 599) {
        throw new IllegalArgumentException("reply code " + code);
      }
      this.greetingCode = code;
      this.greetingText = Objects.requireNonNull(text, "text");
      return this;
    }

    /** Whether EHLO lists STARTTLS (before TLS); default true. Unadvertised STARTTLS gets 502. */
    public Builder advertiseStartTls(boolean advertise) {
      this.advertiseStartTls = advertise;
      return this;
    }

    /** Advertise STARTTLS but answer it with 454. */
    public Builder refuseStartTls() {
      this.startTls = StartTls.REFUSE;
      return this;
    }

    /** Answer STARTTLS with 220 and an extra {@code 250 injected} line in the same packet. */
    public Builder injectAfterStartTls() {
      this.startTls = StartTls.INJECT;
      return this;
    }

    /** Sabotage the handshake that follows a 220 to STARTTLS. */
    public Builder handshakeFault(HandshakeFault fault) {
      this.handshakeFault = Objects.requireNonNull(fault);
      return this;
    }

    /**
     * TLS versions the server enables; default TLSv1.3 and TLSv1.2. See the class comment for why
     * TLSv1.1 alone means no handshake succeeds on Java 17.
     */
    public Builder tlsProtocols(String... protocols) {
      this.tlsProtocols = List.of(protocols);
      return this;
    }

    /** Wait this long before every reply, the greeting included, e.g. 50 ms. */
    public Builder replyDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay " + delay);
      }
      this.replyDelay = delay;
      return this;
    }

    /** Answer EHLO and HELO with {@code code} (5xx), as a server whose HELO checks reject all. */
    public Builder rejectHelo(int code) {
      if (code < 500 || code > 599) {
        throw new IllegalArgumentException("not a 5xx reply code: " + code);
      }
      this.heloRejectCode = code;
      return this;
    }

    /**
     * Drip what the server sends from a point of the TLS session on, one byte every {@code
     * interval} (see {@link DripRelay}).
     */
    public Builder drip(DripRelay.Drip drip, Duration interval) {
      this.drip = Objects.requireNonNull(drip, "drip");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive: " + interval);
      }
      this.dripInterval = interval;
      return this;
    }

    /** Accept connections but never greet. */
    public Builder stallBeforeGreeting() {
      this.opening = Opening.STALL;
      return this;
    }

    /** Close every connection right after accepting it. */
    public Builder closeOnAccept() {
      this.opening = Opening.CLOSE;
      return this;
    }

    /** Send binary junk instead of a greeting. */
    public Builder garbageGreeting() {
      this.opening = Opening.GARBAGE;
      return this;
    }

    @Override
    LabSmtpServer create() throws IOException {
      return new LabSmtpServer(this);
    }
  }
}
