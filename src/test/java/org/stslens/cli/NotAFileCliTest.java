package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.io.Fifos;

/** Files that are not files, given on the command line: a usage error at once, never a hang. */
class NotAFileCliTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs the command on another thread, so that a blocking open fails the test, not the run. */
  private int run(String... args) throws Exception {
    return CompletableFuture.supplyAsync(
            () ->
                StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args))
        .get(20, TimeUnit.SECONDS);
  }

  @Test
  void devZeroAsTrustFileIsAUsageErrorNotAnOutOfMemoryError() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    assertThat(run("check", "example.invalid", "--trust", "/dev/zero")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--trust /dev/zero: it is a character device, not a regular file");
  }

  @Test
  void aFifoAsTrustFileIsAUsageErrorAtOnce() throws Exception {
    Path fifo = Fifos.make(dir.resolve("ca.pem"));
    assertThat(run("check", "example.invalid", "--trust", fifo.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("a FIFO (named pipe), not a regular file");
  }

  @Test
  void policyLintOfADeviceOrAFifoIsAUsageError() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    assertThat(run("policy", "lint", "/dev/zero")).isEqualTo(2);
    assertThat(err.toString()).contains("/dev/zero is a character device");
    Path fifo = Fifos.make(dir.resolve("mta-sts.txt"));
    assertThat(run("policy", "lint", fifo.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("a FIFO (named pipe)");
  }
}
