package org.stslens.cli;

import java.util.Locale;
import java.util.Optional;

/** The output formats of {@code check --from}: each written per domain as it finishes. */
enum BatchFormat {
  /** One text block per domain, as {@code check DOMAIN} prints it. */
  TEXT,
  /** One JSON report per line: the report of {@code --format json}, on one line. */
  NDJSON,
  /** A header, then one summary row per domain (RFC 4180). */
  CSV;

  static Optional<BatchFormat> parse(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** ndjson and csv make sense only per domain: they select the batch run even without --from. */
  static boolean onlyBatch(String name) {
    return parse(name).filter(f -> f != TEXT).isPresent();
  }
}
