package org.stslens.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stslens.engine.batch.BatchLine;
import org.stslens.engine.batch.BatchOutcome;
import org.stslens.engine.batch.BatchRunner;
import org.stslens.engine.batch.BatchSink;
import org.stslens.engine.batch.BatchSummary;
import org.stslens.engine.batch.Csv;
import org.stslens.engine.batch.DomainList;
import org.stslens.engine.batch.NdjsonLine;
import org.stslens.engine.batch.SummaryRow;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.CheckOptions;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.export.TextReport;
import org.stslens.engine.export.Visible;
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.history.SavingSink;

/**
 * {@code stslens check --from FILE}: many domains, each written as soon as it is checked, in
 * bounded memory. Bad lines and broken checks are told on standard error and never stop the run.
 */
final class BatchCheck {

  /** Network steps per running domain check; enough that one check's steps rarely queue. */
  private static final int IO_THREADS_PER_CHECK = 16;

  private final CheckOptions options;
  private final BatchFormat format;
  private final int parallel;
  private final boolean quiet;
  private final PrintWriter err;
  private final Optional<HistoryRecorder> save;

  /**
   * @param save where each checked domain is stored ({@code --save}); empty: nothing is stored
   */
  BatchCheck(
      CheckOptions options,
      BatchFormat format,
      int parallel,
      boolean quiet,
      PrintWriter err,
      Optional<HistoryRecorder> save) {
    this.options = options;
    this.format = format;
    this.parallel = parallel;
    this.quiet = quiet;
    this.err = err;
    this.save = save;
  }

  /** A list given as a file, {@code -} for standard input. */
  record Source(String name, Reader reader, boolean rereadable) {
    interface Reader {
      BufferedReader open() throws IOException;
    }

    static Source of(String from) {
      if (from.equals("-")) {
        return new Source(
            "<stdin>",
            () -> new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            false);
      }
      Path file = Path.of(from);
      // an InputStreamReader replaces bytes that are not UTF-8: such a line is a bad line, not
      // the end of the run (Files.newBufferedReader would throw)
      return new Source(
          from,
          () ->
              new BufferedReader(
                  new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)),
          true);
    }

    /** The domains given as arguments (with {@code --format ndjson|csv}), as a list. */
    static Source of(List<String> domains) {
      return new Source(
          "<arguments>",
          () -> new BufferedReader(new StringReader(String.join("\n", domains))),
          true);
    }
  }

  /**
   * Runs the list; returns the exit code: 3 if a check broke, else 2 if a line was not a domain,
   * else 1 if a domain has an error finding, else 0.
   */
  int run(Source source, PrintWriter out) throws IOException, InterruptedException {
    ExecutorService io =
        Executors.newFixedThreadPool(
            IO_THREADS_PER_CHECK * parallel, CheckCommand.daemon("stslens-io"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(CheckCommand.daemon("stslens-timer"));
    MtaStsChecker checker = new MtaStsChecker(options, io, timer);
    BatchRunner runner = new BatchRunner(d -> checker.check(d, CheckListener.NONE), parallel);
    Thread onCtrlC =
        new Thread(
            () -> {
              runner.cancel();
              out.flush();
            },
            "stslens-batch-cancel");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (BufferedReader reader = source.reader().open();
        BatchProgress progress =
            quiet || !StderrTerminal.isTerminal()
                ? BatchProgress.NONE
                : BatchProgress.bar(countDomains(source))) {
      if (format == BatchFormat.CSV) {
        out.print(Csv.record(SummaryRow.HEADER));
        flush(out);
      }
      Iterator<BatchLine> lines = new DomainList(reader);
      BatchSink writer =
          outcome -> {
            write(outcome, source, out);
            if (!(outcome instanceof BatchOutcome.Skipped)) {
              progress.step(); // the total counts domains only
            }
          };
      Optional<SavingSink> saving =
          save.map(recorder -> new SavingSink(recorder, writer, this::notSaved));
      BatchSummary summary = runner.run(lines, saving.<BatchSink>map(x -> x).orElse(writer));
      saving
          .filter(s -> s.notSaved() > 1)
          .ifPresent(
              s -> {
                err.println(
                    "stslens: "
                        + s.notSaved()
                        + " checks in all were not saved to "
                        + save.get().file());
                err.flush();
              });
      // a store problem is only told: the exit code is that of the checks
      return exitCode(summary);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cancels the run
      }
      io.shutdownNow();
      timer.shutdownNow();
    }
  }

  static int exitCode(BatchSummary s) {
    if (s.failed() > 0) {
      return ExitCodes.INTERNAL;
    }
    if (s.skipped() > 0) {
      return ExitCodes.USAGE;
    }
    return s.withErrors() > 0 ? ExitCodes.ERROR_FINDING : ExitCodes.OK;
  }

  private void write(BatchOutcome outcome, Source source, PrintWriter out) throws IOException {
    if (outcome instanceof BatchOutcome.Checked c) {
      out.print(
          switch (format) {
            case NDJSON -> NdjsonLine.of(c.report());
            case CSV -> Csv.record(SummaryRow.of(c.report()).cells());
            case TEXT -> TextReport.render(List.of(c.report()));
          });
      flush(out);
    } else if (outcome instanceof BatchOutcome.Failed f) {
      tell(source, f.line(), f.domain() + ": the check failed: " + f.reason());
      if (format == BatchFormat.CSV) {
        out.print(Csv.record(SummaryRow.failed(f.domain()).cells()));
        flush(out);
      }
    } else if (outcome instanceof BatchOutcome.Skipped s) {
      tell(source, s.line(), "not a domain name, skipped: '" + s.text() + "': " + s.reason());
    }
  }

  /** The first check that could not be saved; the batch goes on without the store. */
  private void notSaved(HistoryException e) {
    err.println(
        Visible.line(
            "stslens: not saved (the batch goes on without the history): " + e.getMessage()));
    err.flush();
  }

  private void tell(Source source, int line, String message) {
    err.println(Visible.line("stslens: " + source.name() + ":" + line + ": " + message));
    err.flush();
  }

  /** Each record goes out whole at once; a closed output stops the run. */
  private static void flush(PrintWriter out) throws IOException {
    out.flush();
    if (out.checkError()) {
      throw new IOException("the output was closed");
    }
  }

  /** The domain lines of a file, for the bar's total; -1 for standard input (read only once). */
  private static long countDomains(Source source) throws IOException {
    if (!source.rereadable()) {
      return -1;
    }
    try (BufferedReader reader = source.reader().open()) {
      long n = 0;
      DomainList lines = new DomainList(reader);
      while (lines.hasNext()) {
        if (lines.next() instanceof BatchLine.Domain) {
          n++;
        }
      }
      return n;
    }
  }
}
