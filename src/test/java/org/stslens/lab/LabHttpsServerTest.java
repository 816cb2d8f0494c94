package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class LabHttpsServerTest {

  private static final CertificateAuthority CA = CertificateAuthority.create("Lab HTTPS test CA");
  private static final IssuedCertificate CERT = CA.issue("mta-sts.example.com", "localhost");
  private static final SSLContext CLIENT = TestTls.trusting(CA);
  private static final String POLICY =
      "version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 86400\r\n";

  private static HttpsURLConnection open(LabHttpsServer server, String path) throws IOException {
    URL url = new URL("https://localhost:" + server.address().getPort() + path);
    HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
    connection.setSSLSocketFactory(CLIENT.getSocketFactory());
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(2000);
    return connection;
  }

  private static String body(HttpURLConnection connection) throws IOException {
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A raw exchange over TLS with SNI {@code host}: everything the server sent, until it closed. */
  private static String rawGet(LabHttpsServer server, String host, String path) throws IOException {
    Socket raw = new Socket(server.address().getAddress(), server.address().getPort());
    try (SSLSocket tls = TestTls.handshake(CLIENT, raw, host)) {
      tls.setSoTimeout(2000);
      String request =
          "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: lab-test\r\n\r\n";
      tls.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      tls.getOutputStream().flush();
      return new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesConfiguredResponseAndRecordsRequestWithSni() throws IOException {
    try (LabHttpsServer server =
        LabHttpsServer.builder(CERT)
            .route("/.well-known/mta-sts.txt", LabHttpResponse.ok("text/plain", POLICY))
            .start()) {
      String response = rawGet(server, "mta-sts.example.com", "/.well-known/mta-sts.txt?x=1");

      assertThat(response)
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("Content-Type: text/plain\r\n")
          .contains("Content-Length: " + POLICY.length() + "\r\n")
          .contains("Connection: close\r\n")
          .endsWith("\r\n\r\n" + POLICY);
      LabHttpRequest request = server.requests().get(0);
      assertThat(request.requestLine()).isEqualTo("GET /.well-known/mta-sts.txt?x=1 HTTP/1.1");
      assertThat(request.header("host")).contains("mta-sts.example.com");
      assertThat(request.header("User-Agent")).contains("lab-test");
      assertThat(request.tls().serverName()).contains("mta-sts.example.com");
      assertThat(request.tls().protocol()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void answersUnknownPathsWith404AndRedirectsAsConfigured() throws IOException {
    try (LabHttpsServer server =
        LabHttpsServer.builder(CERT)
            .route("/moved", LabHttpResponse.redirect(301, "https://elsewhere.example/"))
            .start()) {
      HttpsURLConnection missing = open(server, "/nothing-here");
      assertThat(missing.getResponseCode()).isEqualTo(404);

      HttpsURLConnection moved = open(server, "/moved");
      assertThat(moved.getResponseCode()).isEqualTo(301);
      assertThat(moved.getResponseMessage()).isEqualTo("Moved Permanently");
      assertThat(moved.getHeaderField("Location")).isEqualTo("https://elsewhere.example/");
    }
  }

  @Test
  void dripsBodySlowlyInChunkedFraming() throws IOException {
    LabHttpResponse slow =
        LabHttpResponse.ok("text/plain", POLICY)
            .withFraming(LabHttpResponse.Framing.CHUNKED)
            .withSlowBody(Duration.ofMillis(40), 20)
            .withDelay(Duration.ofMillis(30));
    try (LabHttpsServer server = LabHttpsServer.builder(CERT).route("/p", slow).start()) {
      long start = System.nanoTime();
      HttpsURLConnection connection = open(server, "/p");

      assertThat(body(connection)).isEqualTo(POLICY);
      assertThat(connection.getHeaderField("Transfer-Encoding")).isEqualTo("chunked");
      int chunks = (POLICY.length() + 19) / 20;
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(30 + 40L * chunks));
    }
  }

  @Test
  void closeDelimitedBodyEndsWithTheConnection() throws IOException {
    LabHttpResponse response =
        LabHttpResponse.ok("text/plain", POLICY)
            .withFraming(LabHttpResponse.Framing.CLOSE_DELIMITED);
    try (LabHttpsServer server = LabHttpsServer.builder(CERT).route("/p", response).start()) {
      String raw = rawGet(server, "mta-sts.example.com", "/p");

      assertThat(raw).doesNotContain("Content-Length").endsWith("\r\n\r\n" + POLICY);
    }
  }

  @Test
  void stalledResponseTimesOutTheClient() throws IOException {
    try (LabHttpsServer server =
        LabHttpsServer.builder(CERT).route("/p", LabHttpResponse.stall()).start()) {
      HttpsURLConnection connection = open(server, "/p");
      connection.setReadTimeout(300);

      assertThatThrownBy(connection::getResponseCode).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void closesWithoutResponseOrRightAfterHandshake() throws IOException {
    try (LabHttpsServer server =
        LabHttpsServer.builder(CERT).route("/p", LabHttpResponse.closeWithoutResponse()).start()) {
      assertThat(rawGet(server, "mta-sts.example.com", "/p")).isEmpty();
      assertThat(server.requests()).hasSize(1);
    }
    try (LabHttpsServer server = LabHttpsServer.builder(CERT).closeAfterHandshake().start()) {
      Socket raw = new Socket(server.address().getAddress(), server.address().getPort());
      try (SSLSocket tls = TestTls.handshake(CLIENT, raw, "mta-sts.example.com")) {
        tls.setSoTimeout(2000);
        assertThat(tls.getInputStream().read()).isEqualTo(-1);
      }
      assertThat(server.requests()).isEmpty();
      assertThat(server.handshakes())
          .singleElement()
          .satisfies(h -> assertThat(h.serverName()).contains("mta-sts.example.com"));
    }
  }

  @Test
  void servesManyClientsConcurrentlyWhileOneStalls() throws Exception {
    try (LabHttpsServer server =
            LabHttpsServer.builder(CERT)
                .route(
                    "/p",
                    LabHttpResponse.ok("text/plain", POLICY).withDelay(Duration.ofMillis(100)))
                .route("/stall", LabHttpResponse.stall())
                .start();
        Socket staller = new Socket(server.address().getAddress(), server.address().getPort())) {
      SSLSocket stalled = TestTls.handshake(CLIENT, staller, "mta-sts.example.com");
      stalled
          .getOutputStream()
          .write("GET /stall HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      stalled.getOutputStream().flush();
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        List<Future<String>> bodies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          bodies.add(clients.submit(() -> body(open(server, "/p"))));
        }
        long start = System.nanoTime();
        for (Future<String> body : bodies) {
          assertThat(body.get()).isEqualTo(POLICY);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
      } finally {
        clients.shutdownNow();
      }
      stalled.close(); // a client hanging up on a stalled exchange must not upset the server
      assertThat(body(open(server, "/p"))).isEqualTo(POLICY);
    }
  }

  @Test
  void refusesToBindOutsideLoopback() {
    assertThatThrownBy(
            () -> LabHttpsServer.builder(CERT).bind(InetAddress.getByName("198.51.100.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
