package org.stslens.engine.fetch;

import java.util.List;
import java.util.Optional;

/** One response header as the server sent it. */
public record HttpHeader(String name, String value) {

  /** The value of the first header with this name (case-insensitive), if any. */
  public static Optional<String> first(List<HttpHeader> headers, String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(HttpHeader::value)
        .findFirst();
  }
}
