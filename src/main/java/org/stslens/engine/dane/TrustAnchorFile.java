package org.stslens.engine.dane;

import java.nio.file.Path;
import org.stslens.engine.io.BoundedFile;

/**
 * Reads a DNSSEC trust-anchor file chosen by the user, bounded: an anchor file is a few DS or
 * DNSKEY lines, so a large file is the wrong file and is refused before it is read.
 */
public final class TrustAnchorFile {

  /** A root key file with comments is under 2 KiB; 64 KiB leaves room for many anchors. */
  public static final int MAX_BYTES = 64 * 1024;

  private TrustAnchorFile() {}

  /**
   * The anchors in {@code file}.
   *
   * @throws IllegalArgumentException with a message for the user, naming the file, when it is
   *     missing, too large, not text, or holds no DS or DNSKEY record
   */
  public static DaneTrustAnchors read(Path file) {
    String text;
    try {
      text = BoundedFile.readUtf8(file, MAX_BYTES);
    } catch (BoundedFile.RefusedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try {
      return DaneTrustAnchors.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file
              + ": "
              + e.getMessage()
              + " (give DS or DNSKEY records in zone-file form, as dnssec-dsfromkey or a .key"
              + " file writes them)",
          e);
    }
  }
}
