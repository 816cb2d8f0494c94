package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.StageGate;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.export.Narrative;
import org.stslens.engine.export.TextReport;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.CheckOrigin;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.smtp.EndpointProbe;

/**
 * Runs every "Try it yourself" command printed for a running lab world, as a person would paste it,
 * and checks that it reached the lab: the views', the exports' and {@code lab serve}'s.
 */
class TryCommandsRunTest {

  private static final ExecutorService pool = Executors.newFixedThreadPool(8);
  private static final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor();
  private static LabWorld world;
  private static Path ca;
  private static DomainReport report;
  private static TryCommands commands;

  @BeforeAll
  static void startTheLab(@TempDir Path dir) throws Exception {
    world = LabWorld.start(ScenarioCatalog.load().byId("good-enforce").orElseThrow(), false);
    ca = world.writeCaPem(dir.resolve("lab-ca.pem"));
    commands = world.tryCommands(ca);
    report =
        new MtaStsChecker(world.options(), pool, timer)
            .start(world.domain(), new org.stslens.engine.check.CheckListener() {}, StageGate.OPEN)
            .await()
            .withOrigin(CheckOrigin.lab("good-enforce", false, commands));
  }

  @AfterAll
  static void stop() {
    world.close();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void theCurlOfTheRetrievalStageFetchesTheLabPolicy() throws Exception {
    var f = report.fetch().orElseThrow();
    String curl = commands.curl(f.host(), f.connectedTo().map(a -> a.getAddress()));
    assertThat(run(curl)).contains("mode: enforce").contains("HTTP/1.1 200");
  }

  @Test
  void theOpensslOfEveryMxAddressShakesHandsWithTheLabServerAndTrustsItsCertificate()
      throws Exception {
    List<String> lines = new ArrayList<>();
    for (MxReport m : report.mx()) {
      for (EndpointProbe e : m.endpoints()) {
        lines.add(commands.openssl(e.mxHost(), e.address()));
      }
    }
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(run(line)).contains("Verify return code: 0 (ok)");
    }
  }

  @Test
  void theLabServeCommandsReachTheWorld() throws Exception {
    List<String> lines = world.lookAround(ca);
    assertThat(lines).anyMatch(l -> l.startsWith("curl ")).anyMatch(l -> l.startsWith("openssl "));
    for (String line : lines) {
      if (line.startsWith("dig ")) {
        if (digInstalled()) { // else theDigOfTheDiscoveryStageAsksTheLabDns says it is skipped
          assertThat(run(line)).contains("v=STSv1");
        }
      } else if (line.startsWith("curl ")) {
        assertThat(run(line)).contains("mode: enforce");
      } else {
        assertThat(run(line)).contains("Verify return code: 0 (ok)");
      }
    }
  }

  @Test
  void theExportShowsTheSameCommandsAsTheViews() {
    String text = TextReport.render(List.of(report));
    var f = report.fetch().orElseThrow();
    assertThat(text)
        .contains("LAB · good-enforce")
        .contains(commands.curl(f.host(), f.connectedTo().map(a -> a.getAddress())))
        .contains("-CAfile " + ca)
        .doesNotContain(":25 -servername");
    assertThat(Narrative.of(report)).isNotEmpty();
  }

  @Test
  void theDigOfTheDiscoveryStageAsksTheLabDns() throws Exception {
    assumeDig();
    for (DnsQuery q : report.discovery().queries()) {
      String out = run(commands.dig(q));
      assertThat(out).contains("status: NOERROR").contains(q.name());
    }
  }

  private static boolean digInstalled() {
    return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
        .anyMatch(d -> Files.isExecutable(Path.of(d, "dig")));
  }

  private static void assumeDig() {
    assumeTrue(
        digInstalled(), "dig is not installed (Debian: bind9-dnsutils; .ci/run installs it)");
  }

  /** Runs a printed command line: split on spaces (no command here quotes), stdin closed. */
  private static String run(String commandLine) throws Exception {
    Process p =
        new ProcessBuilder(List.of(commandLine.trim().split(" +")))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    boolean done = p.waitFor(20, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("%s finished; output so far:%n%s", commandLine, out).isTrue();
    return out;
  }
}
