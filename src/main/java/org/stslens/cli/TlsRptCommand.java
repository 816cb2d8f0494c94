package org.stslens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportCounter;
import org.stslens.engine.tlsrpt.reports.ReportImporter;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stslens tlsrpt summarize FILE|DIR...}: counts the TLS-RPT reports senders mailed back. */
@Command(
    name = "tlsrpt",
    mixinStandardHelpOptions = true,
    description = "Reads the TLS-RPT reports (RFC 8460) that senders mail to the rua address.",
    subcommands = {TlsRptCommand.Summarize.class})
final class TlsRptCommand extends ParentCommand {

  @Command(
      name = "summarize",
      mixinStandardHelpOptions = true,
      description = {
        "Imports TLS-RPT reports (.json, .json.gz, .eml, .mbox, .zip, folders recursively) and"
            + " counts the sessions per policy domain, result type, receiving MX, organization and"
            + " day. Files that cannot be read are listed with the reason; the rest is counted.",
      },
      footer = {
        "",
        "Exit codes: 0 every file was read, 1 some were skipped, 2 usage error, 3 internal error."
      })
  static final class Summarize implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Report files or folders.")
    List<Path> paths;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "text, json, md or html (default: ${DEFAULT-VALUE}).",
        defaultValue = "text")
    String format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the summary to FILE instead of standard output.")
    String output;

    @Option(names = "--force", description = "Replace the file given with -o if it exists.")
    boolean force;

    @Override
    public Integer call() {
      String kind = format.strip().toLowerCase(Locale.ROOT);
      if (!List.of("text", "json", "md", "html").contains(kind)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "unknown format '" + format + "' (text, json, md, html)");
      }
      Optional<ReportTarget> target = Optional.empty();
      if (output != null) {
        ReportTarget.Result result = ReportTarget.of(output, force);
        if (result.target().isEmpty()) {
          throw new CommandLine.ParameterException(spec.commandLine(), result.problem());
        }
        target = result.target();
      }
      // a path that is not there is a mistyped argument, not a report to skip: usage error
      for (Path path : paths) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), path + ": no such file or folder");
        }
      }
      ImportResult imported = ReportImporter.importAll(paths);
      ReportSummary summary = ReportCounter.count(imported);
      String rendered =
          switch (kind) {
            case "json" -> TlsRptSummaryFormat.json(summary);
            case "md" -> TlsRptSummaryFormat.markdown(summary);
            case "html" -> TlsRptSummaryFormat.html(summary);
            default -> TlsRptSummaryFormat.text(summary);
          };
      PrintWriter out = spec.commandLine().getOut();
      if (target.isPresent()) {
        target.get().write(rendered, out, spec.commandLine().getErr());
      } else {
        out.print(rendered);
        out.flush();
      }
      return summary.skipped().isEmpty() ? ExitCodes.OK : SKIPPED;
    }
  }

  /** Some files could not be read (the rest was counted). */
  static final int SKIPPED = 1;
}
