package org.stslens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.export.Visible;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stslens} command and its subcommands. The subcommands are registered here, not in the
 * annotation, so that a run can build picocli's model of only the one it names (issue 14).
 */
@Command(
    name = "stslens",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "STS Lens shows, step by step, how a sending mail server applies MTA-STS (RFC 8461) to a"
          + " domain, and where it breaks.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 no error finding, 1 at least one error finding, 2 usage error,"
          + " 3 internal error."
    })
public final class StsLensCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A subcommand: its name and how to make its command object. */
  private record Subcommand(String name, Supplier<Object> command) {}

  /**
   * In the order of the usage help. Lambdas, not constructor references: a reference loads its
   * class when the list is made, a lambda only when it runs.
   */
  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("check", () -> new CheckCommand()),
          new Subcommand("policy", () -> new PolicyCommand()),
          new Subcommand("txt", () -> new TxtCommand()),
          new Subcommand("lab", () -> new LabCommand()),
          new Subcommand("tlsrpt", () -> new TlsRptCommand()));

  /** Builds the whole command line with the exit codes and error handling of product.md. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configured(withSubcommands(SUBCOMMANDS), out, err);
  }

  /**
   * The command line for running {@code args}: when the first argument names a subcommand exactly,
   * only that subcommand is built (picocli builds a command's model by reflection: about 30 ms of a
   * cold {@code policy lint} went to the four it did not run). Anything else (no argument, an
   * option, an unknown or misspelt command) gets the whole tree, so that the usage help, the error
   * and picocli's suggestions are the same as ever.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
    if (args.length > 0) {
      for (Subcommand sub : SUBCOMMANDS) {
        if (sub.name().equals(args[0])) {
          return configured(withSubcommands(List.of(sub)), out, err);
        }
      }
    }
    return commandLine(out, err);
  }

  private static CommandLine withSubcommands(List<Subcommand> subcommands) {
    CommandLine cli = new CommandLine(new StsLensCommand());
    for (Subcommand sub : subcommands) {
      cli.addSubcommand(sub.name(), sub.command().get());
    }
    return cli;
  }

  // After the subcommands are added: picocli passes these settings only to those it already has.
  private static CommandLine configured(CommandLine cli, PrintWriter out, PrintWriter err) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println(Visible.lines("stslens: internal error: " + e));
          return ExitCodes.INTERNAL;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          String domainLike = domainLikeOption(c, args);
          String message = domainLike == null ? e.getMessage() : readAsOption(c, domainLike);
          // Messages echo arguments (a domain, a path) that may hold terminal controls.
          c.getErr().println(Visible.lines("stslens: " + message));
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    return cli;
  }

  /**
   * An argument that picocli took for an unknown option although it looks like a domain ({@code
   * -lead.com}): it starts with '-', holds a dot and is no number and no option of the command.
   */
  static String domainLikeOption(CommandLine c, String[] args) {
    if (c.getCommandSpec().positionalParameters().isEmpty()) {
      return null;
    }
    for (String a : args) {
      if (a.equals("--")) {
        return null;
      }
      if (a.length() > 1
          && a.startsWith("-")
          && a.contains(".")
          && !a.contains("=")
          && !a.matches("-[0-9.]+")
          && c.getCommandSpec().findOption(a) == null) {
        return a;
      }
    }
    return null;
  }

  private static String readAsOption(CommandLine c, String arg) {
    String said = "'" + arg + "' starts with '-', so it was read as an option";
    if (DomainNameInput.read(arg) instanceof DomainNameInput.NotADomain not) {
      return said + "; it is not a domain name either: " + not.reason();
    }
    return said
        + ". To give it as a domain, put -- before it: "
        + c.getCommandSpec().qualifiedName()
        + " -- "
        + arg;
  }

  /**
   * Says that the desktop app needs a display and shows the command line's help instead; for a bare
   * {@code stslens} on a server or over SSH.
   */
  public static int runWithoutDisplay() {
    PrintWriter err =
        new PrintWriter(
            new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
            true);
    err.println(
        "stslens: no graphical display found (DISPLAY/WAYLAND_DISPLAY not set), so the desktop"
            + " app cannot open. The command line works anywhere:");
    err.flush();
    run(new String[] {"--help"});
    return ExitCodes.USAGE;
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args) {
    CheckWarmUp.startFor(args);
    PrintWriter out =
        new PrintWriter(
            new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
            true);
    PrintWriter err =
        new PrintWriter(
            new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
            true);
    int code = commandLine(out, err, args).execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
