package org.stslens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, the only place a progress bar belongs. */
final class StderrTerminal {

  private StderrTerminal() {}

  /**
   * On Linux, what file descriptor 2 points to (so that {@code > out.csv} still shows the bar);
   * elsewhere {@link System#console()}, which needs standard input and output to be a terminal.
   */
  static boolean isTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd2)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
      } catch (IOException | UnsupportedOperationException e) {
        // fall through to the portable check
      }
    }
    return System.console() != null;
  }

  /** A pseudo-terminal or a console device, not a file, pipe or /dev/null. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
  }
}
