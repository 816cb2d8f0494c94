package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;

/**
 * Ctrl+C on a real {@code stslens check --from} process: what was written before stays whole ndjson
 * lines, each flushed as its domain finished, and the checks still running do not keep the process
 * alive.
 */
class CheckFromInterruptTest {

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void ctrlCLeavesTheLinesWrittenSoFarWhole(@TempDir Path dir) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("good.test", "1", "mx1.good.test");
      world.policyHost("good.test", TestWorld.policy("enforce", "mx1.good.test"));
      world.goodMx(0, "mx1.good.test");
      world.dns.txt("_mta-sts.slow.test", "v=STSv1; id=3");
      world.dns.mx("slow.test", 10, "mx.slow.test");
      world.dns.a("mx.slow.test", TestWorld.mxAddress(1));
      world.stallingMx(1);
      Path list =
          Files.writeString(
              dir.resolve("list.txt"), "good.test\nslow.test\ngood.test\nslow.test\n");

      List<String> command =
          new ArrayList<>(
              List.of(
                  System.getProperty("java.home")
                      + File.separator
                      + "bin"
                      + File.separator
                      + "java",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.stslens.app.Launcher",
                  "check",
                  "--from",
                  list.toString(),
                  "--format",
                  "ndjson",
                  "--parallel",
                  "2",
                  "--smtp-timeout",
                  "600",
                  "--check-timeout",
                  "600"));
      command.addAll(world.checkArguments(dir));
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        interruptAfterTwoLines(process);
      } finally {
        process.destroyForcibly(); // never left behind by a failing test
      }
    }
  }

  private static void interruptAfterTwoLines(Process process) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), out));
    reader.start();

    // both good.test lines arrive while the two slow checks still hold their slots
    while (lines(out) < 2) {
      assertThat(process.isAlive()).as("the process ended early").isTrue();
      Thread.sleep(50);
    }
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("ended after Ctrl+C").isTrue();
    reader.join(5_000);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      assertThat(new ObjectMapper().readTree(line).get("domain").asText()).isEqualTo("good.test");
    }
  }

  private static int lines(ByteArrayOutputStream out) {
    synchronized (out) {
      return (int) out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (java.io.IOException e) {
      // the process ended
    }
  }
}
