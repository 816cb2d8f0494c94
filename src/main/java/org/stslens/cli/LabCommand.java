package org.stslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.LabWorld;
import org.stslens.lab.Scenario;
import org.stslens.lab.ScenarioCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stslens lab list | lab serve SCENARIO|all}: the built-in scenarios on loopback. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = {
      "The built-in lab: classic MTA-STS mistakes, each a small world of DNS, HTTPS and SMTP"
          + " servers on loopback with its own test CA."
    },
    subcommands = {LabCommand.ListCommand.class, LabCommand.ServeCommand.class})
final class LabCommand extends ParentCommand {

  /** {@code stslens lab list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the scenarios: id and title, one per line.")
  static final class ListCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin TextOrJsonFormat format;

    @Override
    public Integer call() throws Exception {
      boolean asJson = format.json();
      PrintWriter out = spec.commandLine().getOut();
      List<Scenario> all = ScenarioCatalog.load().all();
      if (!asJson) {
        int width = all.stream().mapToInt(s -> s.id().length()).max().orElse(0);
        for (Scenario s : all) {
          out.printf("%-" + width + "s  %s%n", s.id(), s.title());
        }
      } else {
        ObjectMapper json = new ObjectMapper();
        ArrayNode list = json.createArrayNode();
        for (Scenario s : all) {
          list.addObject()
              .put("id", s.id())
              .put("title", s.title())
              .put("domain", s.domain())
              .put("verdict", s.expect().verdict())
              .put("has_fix", s.fix() != null);
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(list));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code stslens lab serve SCENARIO|all [--fixed]}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Starts the servers of a scenario (or of all) on loopback, prints how to check them,"
            + " and serves until Ctrl+C."
      })
  static final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "A scenario id (see 'lab list') or all.")
    String scenario;

    @Option(names = "--fixed", description = "Serve the scenario with its fix applied.")
    boolean fixed;

    /** Stops after this many seconds instead of waiting for Ctrl+C (for tests). */
    @Option(names = "--for-seconds", hidden = true)
    Double forSeconds;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      ScenarioCatalog catalog = ScenarioCatalog.load();
      List<Scenario> chosen;
      if (scenario.equals("all")) {
        chosen = catalog.all();
      } else {
        chosen =
            List.of(
                catalog
                    .byId(scenario)
                    .orElseThrow(
                        () ->
                            new CommandLine.ParameterException(
                                spec.commandLine(),
                                "unknown scenario '" + scenario + "' (see 'stslens lab list')")));
      }
      if (chosen.size() > 254) {
        throw new IllegalStateException("more scenarios than 127.0.x subnets");
      }
      CertificateAuthority ca = CertificateAuthority.create("STS Lens lab CA");
      List<LabWorld> worlds = new ArrayList<>();
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook = new Thread(() -> closeAll(worlds, stopped), "stslens-lab-shutdown");
      try {
        // One scenario on 127.0.0.x, as documented; with 'all' scenario n gets 127.0.n.x.
        for (int i = 0; i < chosen.size(); i++) {
          worlds.add(LabWorld.start(chosen.get(i), fixed, ca, chosen.size() == 1 ? 0 : i + 1));
        }
        Path caFile = Files.createTempFile("stslens-lab-", "-ca.pem");
        caFile.toFile().deleteOnExit();
        worlds.get(0).writeCaPem(caFile);
        for (LabWorld world : worlds) {
          describe(out, world, caFile, chosen.size() == 1);
        }
        out.println(
            forSeconds == null
                ? "Serving until Ctrl+C."
                : "Serving for " + forSeconds + " seconds.");
        out.flush();
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          if (forSeconds == null) {
            stopped.await();
          } else {
            stopped.await(Math.round(forSeconds * 1000), TimeUnit.MILLISECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (stopped.getCount() > 0) {
          Runtime.getRuntime().removeShutdownHook(hook);
        }
      } finally {
        closeAll(worlds, stopped);
      }
      return ExitCodes.OK;
    }

    private static void closeAll(List<LabWorld> worlds, CountDownLatch stopped) {
      synchronized (worlds) {
        worlds.forEach(LabWorld::close);
        worlds.clear();
      }
      stopped.countDown();
    }

    private void describe(PrintWriter out, LabWorld world, Path caFile, boolean detailed) {
      Scenario s = world.scenario();
      String domain = s.domain();
      InetSocketAddress dns = world.dnsAddress();
      String dnsText = dns.getAddress().getHostAddress() + ":" + dns.getPort();
      StringBuilder check =
          new StringBuilder("stslens check ")
              .append(domain)
              .append(" --dns ")
              .append(dnsText)
              .append(" --trust ")
              .append(caFile)
              .append(" --timeout 10 --smtp-timeout 5 --dns-timeout 2");
      if (s.slowThresholdMs() != null) {
        check.append(" --slow-threshold ").append(s.slowThresholdMs() / 1000.0);
      }
      check.append(" --port-map ").append(String.join(",", world.portMapArguments()));
      if (!detailed) {
        out.println(s.id() + " (" + s.expect().verdict() + "): " + check);
        return;
      }
      out.println("Scenario:  " + s.id() + (fixed ? " (fixed)" : "") + " - " + s.title());
      out.println("Domain:    " + domain);
      out.println("Expected:  " + s.expect().verdict());
      out.println("DNS:       " + dnsText);
      out.println("CA:        " + caFile);
      out.println();
      out.println("Check it:");
      out.println("  " + check);
      out.println();
      out.println("Look around (each command reaches this lab world):");
      world.lookAround(caFile).forEach(command -> out.println("  " + command));
      out.println();
    }
  }
}
