package org.stslens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where {@code check -o FILE} writes its report. Checked before the check runs, so that a wrong
 * path is a usage error at once instead of a lost report after minutes: the folder must exist and
 * be writable, the target must not be a directory, a device or a FIFO (standard output is the way
 * to a pipe or a device), and an existing file is replaced only with {@code --force}. The report is
 * written to a temporary file in the same folder and moved over the target, so a reader never sees
 * half a report and a failed write leaves the old file as it was. If writing fails anyway (the disk
 * fills up during the check), the report goes to standard output instead, with a message.
 */
final class ReportTarget {

  private final Path file;

  private ReportTarget(Path file) {
    this.file = file;
  }

  /** The file, for a writer that streams into it ({@code check --from}). */
  Path file() {
    return file;
  }

  /**
   * The target for {@code -o}, or why it cannot be used (the text of a usage error).
   *
   * @param argument the path as typed: a trailing separator means a directory
   */
  static Result of(String argument, boolean force) {
    Path file;
    try {
      file = Path.of(argument).toAbsolutePath();
    } catch (InvalidPathException e) {
      return refuse(argument, "not a usable path (" + e.getReason() + ")");
    }
    if (argument.endsWith("/") || argument.endsWith(java.io.File.separator)) {
      return refuse(argument, "names a directory; give a file name");
    }
    Path folder = file.getParent();
    if (folder == null || Files.isDirectory(file)) {
      return refuse(argument, "is a directory; give a file name");
    }
    if (!Files.isDirectory(folder)) {
      return refuse(argument, "the folder " + folder + " does not exist");
    }
    if (!Files.isWritable(folder)) {
      return refuse(argument, "the folder " + folder + " is not writable");
    }
    if (Files.exists(file)) {
      if (!Files.isRegularFile(file)) {
        return refuse(
            argument,
            "is not a regular file (a device, FIFO or socket); the report is written only to a"
                + " regular file: leave out -o to write it to standard output");
      }
      if (!force) {
        return refuse(argument, "the file exists; add --force to replace it");
      }
    }
    return new Result(Optional.of(new ReportTarget(file)), "");
  }

  private static Result refuse(String argument, String why) {
    return new Result(Optional.empty(), "-o " + argument + ": " + why);
  }

  /**
   * Writes the report atomically; when that fails, prints it to {@code out} instead and says so on
   * {@code err}.
   *
   * @return true when the report is in the file
   */
  boolean write(String report, PrintWriter out, PrintWriter err) {
    try {
      store(report.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      err.println(
          "stslens: the report could not be written to "
              + file
              + " ("
              + reason(e)
              + "); it follows on standard output instead.");
      err.flush();
      out.print(report);
      out.flush();
      return false;
    }
  }

  /**
   * Writes a binary report (a PDF) atomically; when that fails, says so on {@code err}. It never
   * falls back to standard output: a PDF there would only garble a terminal.
   *
   * @return true when the report is in the file
   */
  boolean write(byte[] report, PrintWriter err) {
    try {
      store(report);
      return true;
    } catch (IOException e) {
      err.println("stslens: the report could not be written to " + file + " (" + reason(e) + ").");
      err.flush();
      return false;
    }
  }

  /** Into a temporary file in the same folder, then moved over the target. */
  private void store(byte[] report) throws IOException {
    Path temp = null;
    try {
      temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
      Files.write(temp, report);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // a leftover temporary file is harmless; the report itself was handled above
        }
      }
    }
  }

  private static String reason(IOException e) {
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
  }

  /**
   * @param target the file to write, when usable
   * @param problem why not, otherwise (empty when usable)
   */
  record Result(Optional<ReportTarget> target, String problem) {}
}
