package org.stslens.engine.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.stslens.engine.batch.BatchLine;
import org.stslens.engine.batch.DomainList;

/**
 * A watchlist as a file: one domain per line with {@code #} comments (the CLI's {@code --from}
 * format, read by the same parser), or a CSV whose first column is the domain (an optional "domain"
 * header row).
 */
public final class WatchlistFile {

  private WatchlistFile() {}

  /**
   * @param domains the domains read, normalised, each once
   * @param bad the lines that held no domain name
   */
  public record Read(List<String> domains, List<BatchLine.Bad> bad) {
    public Read {
      domains = List.copyOf(domains);
      bad = List.copyOf(bad);
    }
  }

  /** Reads a watchlist file (UTF-8). */
  public static Read read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** Writes {@code domains} as a watchlist file (UTF-8), replacing the file. */
  public static void write(Path file, List<String> domains) throws IOException {
    Files.writeString(file, render(domains), StandardCharsets.UTF_8);
  }

  public static Read parse(List<String> lines) {
    LinkedHashSet<String> domains = new LinkedHashSet<>();
    List<BatchLine.Bad> bad = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String first = firstColumn(lines.get(i));
      if (i == 0 && first.strip().toLowerCase(Locale.ROOT).equals("domain")) {
        continue; // a CSV header
      }
      DomainList.parse(i + 1, first)
          .ifPresent(
              line -> {
                if (line instanceof BatchLine.Domain d) {
                  domains.add(d.domain());
                } else {
                  bad.add((BatchLine.Bad) line);
                }
              });
    }
    return new Read(List.copyOf(domains), bad);
  }

  /** The text of an exported watchlist: a comment line, then one domain per line. */
  public static String render(List<String> domains) {
    StringBuilder out = new StringBuilder("# STS Lens watchlist: one domain per line\n");
    domains.forEach(d -> out.append(d).append('\n'));
    return out.toString();
  }

  private static String firstColumn(String line) {
    int hash = line.indexOf('#');
    String content = hash >= 0 ? line.substring(0, hash) : line;
    int comma = content.indexOf(',');
    String first = comma >= 0 ? content.substring(0, comma) : content;
    return first.strip().replace("\"", "");
  }
}
