package org.stslens.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.io.BoundedFile.Problem;
import org.stslens.engine.io.BoundedFile.RefusedException;

class BoundedFileTest {

  @TempDir Path dir;

  private static RefusedException refused(Path file, int max) {
    return catchThrowableOfType(() -> BoundedFile.read(file, max), RefusedException.class);
  }

  @Test
  void readsARegularFileUpToTheCap() throws Exception {
    Path file = Files.write(dir.resolve("p.txt"), new byte[100_000]);
    assertThat(BoundedFile.read(file, 100_000)).hasSize(100_000);
    RefusedException e = refused(file, 99_999);
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.getMessage()).contains("p.txt").contains("larger than 99999 bytes");
  }

  @Test
  void aDeviceIsRefusedBeforeReadingAnything() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    RefusedException e = refused(zero, 16 << 20);
    assertThat(e.problem()).isEqualTo(Problem.NOT_REGULAR);
    assertThat(e.getMessage()).contains("/dev/zero is a character device, not a regular file");
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = Fifos.make(dir.resolve("trust.pem"));
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      Future<RefusedException> read = one.submit(() -> refused(fifo, 1024));
      // opening a FIFO without a writer blocks: a reader that opens it never returns
      RefusedException e = read.get(10, TimeUnit.SECONDS);
      assertThat(e.problem()).isEqualTo(Problem.NOT_REGULAR);
      assertThat(e.getMessage()).contains("a FIFO (named pipe), not a regular file");
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void aDirectoryAndAMissingFileAreRefusedClearly() {
    assertThat(refused(dir, 10).getMessage()).contains("is a directory, not a regular file");
    RefusedException missing = refused(dir.resolve("nope.pem"), 10);
    assertThat(missing.problem()).isEqualTo(Problem.MISSING);
    assertThat(missing.getMessage()).isEqualTo(dir.resolve("nope.pem") + " does not exist");
  }

  @Test
  void theCapIsCountedWhileReadingNotTakenFromTheReportedSize() throws Exception {
    // /proc files are regular files whose reported size is 0
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc here");
    assertThat(refused(status, 16).problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(BoundedFile.read(status, 1 << 20)).isNotEmpty();
  }

  @Test
  void utf8IsStrict() throws Exception {
    Path file = Files.write(dir.resolve("s"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    RefusedException e =
        catchThrowableOfType(() -> BoundedFile.readUtf8(file, 100), RefusedException.class);
    assertThat(e.problem()).isEqualTo(Problem.NOT_UTF8);
    Files.writeString(file, "caf\u00e9");
    assertThat(BoundedFile.readUtf8(file, 100)).isEqualTo("caf\u00e9");
  }
}
