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

  /**
   * The quote as shown under the code's section ({@code rfc}, e.g. {@code 8461 §10}): a quote from
   * another section of the same RFC says so ("Quoted from §2: ..."), so that the heading never
   * names a section the text is not from.
   */
  public static String shownUnder(String rfc, String quote) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "^\\((§[0-9.]+)\\)\\s*(.*)$", java.util.regex.Pattern.DOTALL)
            .matcher(quote);
    if (!m.matches()) {
      return quote;
    }
    String section = m.group(1);
    boolean same = java.util.Arrays.asList(rfc.split("[ ,]+")).contains(section);
    return same ? quote : "Quoted from " + section + ": " + m.group(2);
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
