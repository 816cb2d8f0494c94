package org.stslens.workbench.draft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stslens.engine.io.BoundedFile;
import org.stslens.workbench.publish.KitExporter;
import org.stslens.workbench.publish.PolicyFileBytes;
import org.stslens.workbench.publish.PublishingKit;

/**
 * The editor's file rules: which files it opens (small, not binary), the bytes it saves (the
 * canonical policy file) and the kit it exports. Blocking I/O: call off the FX thread.
 */
public final class DraftFiles {

  /** Larger files are not opened: a policy is a few hundred bytes and senders stop at 64 KiB. */
  public static final int MAX_OPEN_BYTES = 1 << 20;

  /**
   * What senders accept (RFC 8461 §3.3 lets them refuse more); larger files open with a warning.
   */
  public static final int SENDER_LIMIT_BYTES = 64 * 1024;

  private DraftFiles() {}

  /** What opening a file gave. */
  public sealed interface Opening permits Opened, Refused {}

  /**
   * A file read as text.
   *
   * @param tooLargeForSenders larger than {@link #SENDER_LIMIT_BYTES}: senders would refuse it
   */
  public record Opened(Path file, String text, boolean tooLargeForSenders) implements Opening {
    public String name() {
      return file.getFileName().toString();
    }
  }

  /** Why a file was not opened. */
  public enum Reason {
    TOO_LARGE,
    BINARY,
    UNREADABLE
  }

  /** A file not opened, with the sentence that tells the user why. */
  public record Refused(Reason reason, String message) implements Opening {}

  /** Reads {@code file} for the editor, or says why not; never throws. */
  public static Opening open(Path file) {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(file, MAX_OPEN_BYTES);
    } catch (BoundedFile.RefusedException e) {
      return e.problem() == BoundedFile.Problem.TOO_LARGE
          ? new Refused(
              Reason.TOO_LARGE,
              file.getFileName()
                  + " is larger than 1 MiB: not opened. A policy is a few hundred bytes, and"
                  + " senders refuse more than 64 KiB.")
          : new Refused(Reason.UNREADABLE, e.getMessage() + ": not opened.");
    } catch (RuntimeException e) {
      return new Refused(Reason.UNREADABLE, file + " could not be read: " + e.getMessage());
    }
    if (looksBinary(bytes)) {
      return new Refused(
          Reason.BINARY,
          file.getFileName()
              + " looks like a binary file (it contains NUL or many control bytes): not opened.");
    }
    return new Opened(
        file, new String(bytes, StandardCharsets.UTF_8), bytes.length > SENDER_LIMIT_BYTES);
  }

  /** A NUL byte, or more than one control byte in ten (tabs and line ends aside). */
  public static boolean looksBinary(byte[] bytes) {
    int controls = 0;
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
      if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
        controls++;
      }
    }
    return bytes.length > 0 && controls * 10 > bytes.length;
  }

  /**
   * Saves the editor's text as the policy file senders should get (UTF-8, CRLF, no BOM, final
   * newline), replacing {@code file}.
   *
   * @return the number of bytes written
   */
  public static int save(Path file, String editorText) throws IOException {
    byte[] bytes = PolicyFileBytes.of(editorText);
    Files.write(file, bytes);
    return bytes.length;
  }

  /**
   * Writes the publishing kit into {@code folder}, or a new subfolder of it when files of the kit
   * are already there.
   *
   * @return the folder written to
   */
  public static Path exportKit(PublishingKit kit, Path folder) throws IOException {
    return new KitExporter().export(kit, folder);
  }
}
