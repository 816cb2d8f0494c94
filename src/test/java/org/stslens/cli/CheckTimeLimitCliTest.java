package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stslens.engine.check.TestWorld;
import org.stslens.lab.LabServer;

/** {@code stslens check --check-timeout}: a stalling MX ends at the check's limit, reported. */
class CheckTimeLimitCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stallingMxEndsAtTheCheckTimeoutWithAReport() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (TestWorld world = new TestWorld();
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepts and never says a word
                  }
                } catch (IOException e) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      world.standardDns("slow.test", "1", "mx1.slow.test");
      LabServer policy =
          world.policyHost("slow.test", TestWorld.policy("enforce", "mx1.slow.test"));
      String[] args = {
        "check",
        "slow.test",
        "-q",
        "--format",
        "json",
        "--dns",
        "127.0.0.1:" + world.dnsServer().address().getPort(),
        "--port-map",
        "127.0.0.1:443=" + policy.address().getPort(),
        "--port-map",
        "127.0.0.2:25=" + silent.getLocalPort(),
        "--smtp-timeout",
        "60",
        "--check-timeout",
        "2"
      };

      long start = System.nanoTime();
      int exit =
          StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
              .execute(args);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(millis).isLessThan(2_000 + 2_000);
      assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.ERROR_FINDING);
      JsonNode json = new ObjectMapper().readTree(out.toString());
      assertThat(json.get("verdict").asText()).isEqualTo("temporarily-unknown");
      assertThat(json.toString()).contains("check.time-limit").contains("mx mx1.slow.test");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void checkTimeoutMustBePositive() {
    int exit =
        StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("check", "example.com", "--check-timeout", "0");
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--check-timeout");
  }
}
