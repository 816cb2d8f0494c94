package org.stslens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stslens.engine.history.DataFolder;
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportCounter;
import org.stslens.engine.tlsrpt.reports.ReportImporter;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import org.stslens.engine.tlsrpt.reports.TlsReport;
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
            + " day. Files that cannot be read are listed with the reason; the rest is counted."
            + " --save keeps what was read in the history file, --stored summarizes what it"
            + " keeps.",
      },
      footer = {
        "",
        "Exit codes: 0 every file was read, 1 some were skipped, 2 usage error, 3 internal error"
            + " (also: --stored and the history file cannot be read)."
      })
  static final class Summarize implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "0..*",
        paramLabel = "FILE|DIR",
        description = "Report files or folders (none with --stored).")
    List<Path> paths = new ArrayList<>();

    @Option(
        names = "--save",
        description =
            "Store the reports read in the history file (a report already stored counts once).")
    boolean save;

    @Option(
        names = "--stored",
        description =
            "Summarize the reports stored in the history file (with any FILE|DIR given, together).")
    boolean stored;

    @Option(
        names = "--history-file",
        paramLabel = "FILE",
        description =
            "The history file of --save and --stored (default: history.sqlite in the data folder,"
                + " beside the desktop app's drafts).")
    Path historyFile;

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
      if (paths.isEmpty() && !stored) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give the report files or folders to read, or --stored");
      }
      // a path that is not there is a mistyped argument, not a report to skip: usage error
      for (Path path : paths) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), path + ": no such file or folder");
        }
      }
      PrintWriter err = spec.commandLine().getErr();
      ImportResult read = ReportImporter.importAll(paths);
      ImportResult imported = read;
      if (stored) {
        try {
          imported = together(HistoryStore.open(historyPath()).storedReports(), read);
        } catch (HistoryException e) {
          // what was asked for cannot be read: no summary that would pass for it
          err.println("stslens: " + e.getMessage());
          err.flush();
          return ExitCodes.INTERNAL;
        }
      }
      if (save) {
        try {
          HistoryStore.open(historyPath()).saveReports(read.reports(), Instant.now());
        } catch (HistoryException e) {
          // as `check --save`: the summary of what was read is still given
          err.println("stslens: the reports were not stored: " + e.getMessage());
          err.flush();
        }
      }
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

    private Path historyPath() {
      return historyFile != null ? historyFile : DataFolder.historyFile();
    }

    /** The stored reports first, then those read now: a report in both counts once. */
    private static ImportResult together(ImportResult stored, ImportResult read) {
      List<TlsReport> reports = new ArrayList<>(stored.reports());
      reports.addAll(read.reports());
      List<ImportResult.Skipped> skipped = new ArrayList<>(stored.skipped());
      skipped.addAll(read.skipped());
      return new ImportResult(reports, skipped);
    }
  }

  /** Some files could not be read (the rest was counted). */
  static final int SKIPPED = 1;
}
