package org.stslens.ui.stages.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.stslens.engine.finding.Code;

/**
 * Short quotes of the RFC text each code rests on, from {@code rfc-quotes.properties} (keyed by
 * code id). A quote that paraphrases rather than quotes says so in its text.
 */
public final class RfcQuotes {

  /** The resource, read once from the class path: immutable after loading. */
  public static final String RESOURCE = "/org/stslens/ui/stages/rfc-quotes.properties";

  private static final Properties QUOTES = load();

  private RfcQuotes() {}

  public static Optional<String> of(Code code) {
    return Optional.ofNullable(QUOTES.getProperty(code.id())).filter(q -> !q.isBlank());
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = RfcQuotes.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return properties;
  }
}
