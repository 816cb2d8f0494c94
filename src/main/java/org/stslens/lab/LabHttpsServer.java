package org.stslens.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS/1.1 server for the lab: one certificate, fixed responses per path, and the misbehaviour
 * a policy host can show (slow, stalled, dropped, oddly framed answers).
 *
 * <p>HTTP is written by hand on a plain {@link SSLServerSocket} rather than the JDK's {@code
 * HttpsServer}, because that server decides framing, timing and connection handling itself and so
 * cannot stall, drip a body, lie about lengths or hang up mid-exchange. One request per connection,
 * always {@code Connection: close}.
 */
public final class LabHttpsServer implements LabServer {

  private static final int MAX_HEAD_BYTES = 32 * 1024;
  private static final int MAX_SKIPPED_BODY = 1024 * 1024;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, LabHttpResponse> routes;
  private final LabHttpResponse fallback;
  private final boolean closeAfterHandshake;
  private final InetSocketAddress address;
  private final ConnectionAcceptor acceptor;
  private final List<LabHttpRequest> requests = new CopyOnWriteArrayList<>();
  private final List<LabTlsSession> handshakes = new CopyOnWriteArrayList<>();

  private LabHttpsServer(Builder builder) throws IOException {
    this.routes = Map.copyOf(builder.routes);
    this.fallback = builder.fallback;
    this.closeAfterHandshake = builder.closeAfterHandshake;
    SSLServerSocket socket =
        ConnectionAcceptor.bind(
            (SSLServerSocket)
                builder.certificate.serverContext().getServerSocketFactory().createServerSocket(),
            s -> s.setEnabledProtocols(builder.protocols.toArray(new String[0])),
            new InetSocketAddress(builder.bindAddress, builder.port),
            100);
    this.address = new InetSocketAddress(builder.bindAddress, socket.getLocalPort());
    String name = "lab-https-" + address.getPort();
    this.acceptor = new ConnectionAcceptor(socket, name, this::serve);
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
    return 443;
  }

  /** Requests received so far, in arrival order. */
  public List<LabHttpRequest> requests() {
    return List.copyOf(requests);
  }

  /** Completed TLS handshakes so far, including those that sent no request. */
  public List<LabTlsSession> handshakes() {
    return List.copyOf(handshakes);
  }

  @Override
  public void close() {
    acceptor.close();
  }

  private void serve(Socket socket) {
    SSLSocket connection = (SSLSocket) socket;
    try {
      connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
      connection.startHandshake();
      LabTlsSession tls = LabTlsSession.of(connection.getSession());
      handshakes.add(tls);
      if (closeAfterHandshake) {
        return;
      }
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      LabHttpRequest request = readRequest(in, tls);
      if (request == null) {
        write(out, LabHttpResponse.status(400).withBody("bad request\n"));
        return;
      }
      requests.add(request);
      LabHttpResponse response = routes.getOrDefault(request.path(), fallback);
      switch (response.action()) {
        case STALL -> acceptor.awaitClose();
        case CLOSE -> {}
        case RESPOND -> {
          pause(response.delay());
          write(out, response);
        }
      }
    } catch (IOException | InterruptedException e) {
      // handshake failure, client gone, timeout or server closing: the connection just ends
    }
  }

  /** Reads the request head (and skips a declared body); null when it is not HTTP. */
  private static LabHttpRequest readRequest(InputStream in, LabTlsSession tls) throws IOException {
    String head = readHead(in);
    if (head == null) {
      return null;
    }
    String[] lines = head.split("\r?\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
      return null;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        return null;
      }
      headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
    }
    LabHttpRequest request =
        new LabHttpRequest(requestLine[0], requestLine[1], requestLine[2], headers, tls);
    String length = request.header("Content-Length").orElse("0");
    try {
      in.skipNBytes(Math.min(Long.parseLong(length), MAX_SKIPPED_BODY));
    } catch (NumberFormatException e) {
      return null;
    }
    return request;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int lastFour = 0;
    while (head.size() < MAX_HEAD_BYTES) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      lastFour = (lastFour << 8) | b;
      if (lastFour == 0x0d0a0d0a || (lastFour & 0xffff) == 0x0a0a) {
        return head.toString(StandardCharsets.ISO_8859_1).strip();
      }
    }
    return null;
  }

  private static void write(OutputStream out, LabHttpResponse response)
      throws IOException, InterruptedException {
    byte[] body = response.bodyView();
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ")
        .append(response.statusCode())
        .append(' ')
        .append(response.reason())
        .append("\r\n");
    for (Map.Entry<String, String> header : response.headers()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    boolean framedByCaller =
        response.hasHeader("Content-Length") || response.hasHeader("Transfer-Encoding");
    boolean chunked = response.framing() == LabHttpResponse.Framing.CHUNKED;
    if (!framedByCaller) {
      switch (response.framing()) {
        case CONTENT_LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n");
        case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n");
        case CLOSE_DELIMITED -> {}
      }
    }
    if (!response.hasHeader("Connection")) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    // UTF-8, as a server configured in UTF-8 sends it: a scenario's header or reason phrase may
    // hold characters beyond Latin-1 (bidirectional overrides); ASCII heads are the same bytes.
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    boolean paced = chunked || !response.chunkDelay().isZero();
    int step = paced ? response.chunkSize() : Math.max(1, body.length);
    for (int offset = 0; offset < body.length; offset += step) {
      int length = Math.min(step, body.length - offset);
      pause(response.chunkDelay());
      if (chunked) {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(body, offset, length);
      if (chunked) {
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    }
    if (chunked) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private static void pause(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  }

  /** Certificate, routes and server-wide behaviour; each {@link #start()} copies it. */
  public static final class Builder extends LabServerBuilder<Builder, LabHttpsServer> {

    private final IssuedCertificate certificate;
    private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
    private final Map<String, LabHttpResponse> routes = new HashMap<>();
    private LabHttpResponse fallback = LabHttpResponse.notFound();
    private boolean closeAfterHandshake;

    private Builder(IssuedCertificate certificate) {
      super("HTTPS");
      this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /** TLS protocol versions offered; default TLSv1.3 and TLSv1.2. */
    public Builder protocols(String... protocols) {
      this.protocols = List.of(protocols);
      return this;
    }

    /** The response for requests whose path (target without query) equals {@code path}. */
    public Builder route(String path, LabHttpResponse response) {
      routes.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(response));
      return this;
    }

    /** The response for every other path; default 404. */
    public Builder fallback(LabHttpResponse response) {
      this.fallback = Objects.requireNonNull(response);
      return this;
    }

    /** Complete the TLS handshake, then hang up without reading the request. */
    public Builder closeAfterHandshake() {
      this.closeAfterHandshake = true;
      return this;
    }

    @Override
    LabHttpsServer create() throws IOException {
      return new LabHttpsServer(this);
    }
  }
}
