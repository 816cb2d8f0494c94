package org.stslens.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the lab HTTPS server received it.
 *
 * @param method e.g. {@code GET}
 * @param target the request target as sent, e.g. {@code /.well-known/mta-sts.txt}
 * @param version e.g. {@code HTTP/1.1}
 * @param headers header lines in order, names as sent
 * @param tls the TLS session the request came over, with the client's SNI
 */
public record LabHttpRequest(
    String method,
    String target,
    String version,
    List<Map.Entry<String, String>> headers,
    LabTlsSession tls) {

  public LabHttpRequest {
    headers = List.copyOf(headers);
  }

  public String requestLine() {
    return method + " " + target + " " + version;
  }

  /** The first value of the header, name compared case-insensitively. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The target without its query string. */
  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }
}
