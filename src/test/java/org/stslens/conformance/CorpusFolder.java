package org.stslens.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the conformance corpus is read from: the folder named by {@code -Dstslens.corpus}; else the
 * team's shared corpus beside the checkout ({@code ../shared/corpus}, the corpus README's default),
 * which may hold newer cases; else the copy this repository carries ({@code
 * src/test/resources/corpus}), so that a clone anywhere runs every case.
 */
public final class CorpusFolder {

  static final Path SHARED = Path.of("../shared/corpus");
  static final Path OWN_COPY = Path.of("src/test/resources/corpus");

  private CorpusFolder() {}

  public static Path resolve() {
    String property = System.getProperty("stslens.corpus");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return Files.isDirectory(SHARED) ? SHARED : OWN_COPY;
  }
}
