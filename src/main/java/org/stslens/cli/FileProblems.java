package org.stslens.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.stslens.engine.io.BoundedFile;

/** Says in words why a file given on the command line could not be read. */
final class FileProblems {

  private FileProblems() {}

  /**
   * "no such file", "permission denied"...; a {@link FileSystemException}'s message repeats the
   * path, which the caller already names.
   */
  static String describe(Exception e) {
    if (e instanceof BoundedFile.RefusedException refused) {
      // "--trust /dev/zero: it is a character device, not a regular file; ..."
      return refused.problem() == BoundedFile.Problem.MISSING
          ? "no such file"
          : "it " + refused.reason();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : "cannot be read";
    }
    return e.getMessage();
  }
}
