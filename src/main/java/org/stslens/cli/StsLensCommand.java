package org.stslens.cli;

import java.io.PrintWriter;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.export.Visible;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stslens} command and its subcommands. */
@Command(
    name = "stslens",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "STS Lens shows, step by step, how a sending mail server applies MTA-STS (RFC 8461) to a"
          + " domain, and where it breaks.",
      ""
    },
    subcommands = {
      CheckCommand.class,
      PolicyCommand.class,
      TxtCommand.class,
      LabCommand.class,
      TlsRptCommand.class
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

  /** Builds the command line with the exit codes and error handling of product.md. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new StsLensCommand());
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
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
