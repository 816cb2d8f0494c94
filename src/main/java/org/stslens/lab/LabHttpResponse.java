package org.stslens.lab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the lab HTTPS server does for one path: an answer (status, headers, body, framing, pacing)
 * or a misbehaviour (stall forever, close without answering). Immutable; the {@code with...}
 * methods return changed copies.
 */
public final class LabHttpResponse {

  /** What happens after the request has been read. */
  public enum Action {
    RESPOND,
    /** Never answer; the connection stays open until the client gives up or the server closes. */
    STALL,
    /** Close the connection without a byte of response. */
    CLOSE
  }

  /** How the end of the body is marked. */
  public enum Framing {
    CONTENT_LENGTH,
    CHUNKED,
    /** No length at all: the body ends when the server closes the connection. */
    CLOSE_DELIMITED
  }

  private final Action action;
  private final int status;
  private final String reason;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Framing framing;
  private final Duration delay;
  private final Duration chunkDelay;
  private final int chunkSize;

  private LabHttpResponse(
      Action action,
      int status,
      String reason,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Framing framing,
      Duration delay,
      Duration chunkDelay,
      int chunkSize) {
    this.action = action;
    this.status = status;
    this.reason = reason;
    this.headers = List.copyOf(headers);
    this.body = body.clone();
    this.framing = framing;
    this.delay = delay;
    this.chunkDelay = chunkDelay;
    this.chunkSize = chunkSize;
  }

  /** A response with the given status, the usual reason phrase and an empty body. */
  public static LabHttpResponse status(int status) {
    return status(status, reasonPhrase(status));
  }

  public static LabHttpResponse status(int status, String reason) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status " + status);
    }
    return new LabHttpResponse(
        Action.RESPOND,
        status,
        Objects.requireNonNull(reason, "reason"),
        List.of(),
        new byte[0],
        Framing.CONTENT_LENGTH,
        Duration.ZERO,
        Duration.ZERO,
        1024);
  }

  /** 200 with the given Content-Type and a UTF-8 body, e.g. an MTA-STS policy. */
  public static LabHttpResponse ok(String contentType, String body) {
    return status(200).withHeader("Content-Type", contentType).withBody(body);
  }

  /** A redirect with the given Location, which MTA-STS clients must not follow. */
  public static LabHttpResponse redirect(int status, String location) {
    return status(status).withHeader("Location", location);
  }

  /** The server's default for unknown paths. */
  public static LabHttpResponse notFound() {
    return status(404).withHeader("Content-Type", "text/plain").withBody("not found\n");
  }

  /** Reads the request, then never answers. */
  public static LabHttpResponse stall() {
    return status(200).withAction(Action.STALL);
  }

  /** Reads the request, then closes the connection without answering. */
  public static LabHttpResponse closeWithoutResponse() {
    return status(200).withAction(Action.CLOSE);
  }

  /**
   * Adds a header line as given. When the headers include Content-Length or Transfer-Encoding the
   * server adds neither, so a test can send a lying length.
   */
  public LabHttpResponse withHeader(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new LabHttpResponse(
        action, status, reason, more, body, framing, delay, chunkDelay, chunkSize);
  }

  public LabHttpResponse withBody(byte[] newBody) {
    return new LabHttpResponse(
        action, status, reason, headers, newBody, framing, delay, chunkDelay, chunkSize);
  }

  public LabHttpResponse withBody(String utf8Body) {
    return withBody(utf8Body.getBytes(StandardCharsets.UTF_8));
  }

  public LabHttpResponse withFraming(Framing newFraming) {
    return new LabHttpResponse(
        action, status, reason, headers, body, newFraming, delay, chunkDelay, chunkSize);
  }

  /** Waits this long after reading the request before sending anything. */
  public LabHttpResponse withDelay(Duration newDelay) {
    return new LabHttpResponse(
        action,
        status,
        reason,
        headers,
        body,
        framing,
        nonNegative(newDelay),
        chunkDelay,
        chunkSize);
  }

  /** Sends the body in pieces of {@code size} bytes, waiting {@code pause} before each: slow. */
  public LabHttpResponse withSlowBody(Duration pause, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size " + size);
    }
    return new LabHttpResponse(
        action, status, reason, headers, body, framing, delay, nonNegative(pause), size);
  }

  private LabHttpResponse withAction(Action newAction) {
    return new LabHttpResponse(
        newAction, status, reason, headers, body, framing, delay, chunkDelay, chunkSize);
  }

  public Action action() {
    return action;
  }

  public int statusCode() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body.clone();
  }

  public Framing framing() {
    return framing;
  }

  public Duration delay() {
    return delay;
  }

  public Duration chunkDelay() {
    return chunkDelay;
  }

  public int chunkSize() {
    return chunkSize;
  }

  boolean hasHeader(String name) {
    return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase(name));
  }

  byte[] bodyView() {
    return body;
  }

  private static Duration nonNegative(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    return duration;
  }

  static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }
}
