package org.stslens.engine.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for tests: Java cannot make one, so {@code mkfifo} does (skipped where absent). */
public final class Fifos {

  private Fifos() {}

  /** Creates a FIFO at {@code path}, or skips the test when the platform has no mkfifo. */
  public static Path make(Path path) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no mkfifo here: " + e.getMessage());
      return path;
    }
    assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    assumeTrue(
        Files.exists(path, LinkOption.NOFOLLOW_LINKS)
            && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS),
        "mkfifo made no FIFO");
    return path;
  }
}
