package org.stslens.engine.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.stslens.engine.check.DomainNameInput;

/**
 * Reads a domain list lazily, one domain per line: blank lines and {@code #} comments (whole-line
 * or trailing) are skipped, a line that is not a domain name becomes {@link BatchLine.Bad}. Lazy so
 * that a list of any length, or a pipe, is never held in memory.
 */
public final class DomainList implements Iterator<BatchLine> {

  private final BufferedReader reader;
  private int lineNumber;
  private BatchLine next;
  private boolean done;

  public DomainList(BufferedReader reader) {
    this.reader = reader;
  }

  /**
   * What line {@code number} says: empty for a blank or comment line.
   *
   * @param raw the line without its line terminator
   */
  public static Optional<BatchLine> parse(int number, String raw) {
    String text = number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    int hash = text.indexOf('#');
    String content = (hash >= 0 ? text.substring(0, hash) : text).strip();
    if (content.isEmpty()) {
      return Optional.empty();
    }
    DomainNameInput.Reading reading = DomainNameInput.read(content);
    if (reading instanceof DomainNameInput.Domain d) {
      return Optional.of(new BatchLine.Domain(number, d.ascii()));
    }
    return Optional.of(
        new BatchLine.Bad(number, content, ((DomainNameInput.NotADomain) reading).reason()));
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      String raw;
      try {
        raw = reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (raw == null) {
        done = true;
      } else {
        next = parse(++lineNumber, raw).orElse(null);
      }
    }
    return next != null;
  }

  @Override
  public BatchLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BatchLine line = next;
    next = null;
    return line;
  }
}
