package org.stslens.engine.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a text the user asked to save (a report, a certificate's PEM): the one place where the
 * user interface's saves touch the disk, so that {@code ui} itself does no file I/O.
 */
public final class TextFiles {

  private TextFiles() {}

  /** Writes {@code text} to {@code file} in {@code charset}, replacing what was there. */
  public static Path write(Path file, String text, Charset charset) throws IOException {
    Files.writeString(file, text, charset);
    return file;
  }

  /** Writes {@code bytes} (a PDF, or a text already encoded) to {@code file}, replacing it. */
  public static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }
}
