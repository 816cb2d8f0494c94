package org.stslens.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.stages.summary.ReportExport;

/**
 * Export from the toolbar and the File menu: asks for a file through the dialog service, writes the
 * last check's report in the background ({@link ReportExport}, as the Summary's buttons do) and
 * says how it went in the status bar.
 */
final class ReportExporter {

  private final Supplier<DomainReport> report;
  private final DialogService dialogs;
  private final Executor background;
  private final Consumer<Runnable> dispatcher;
  private final Consumer<String> status;

  /**
   * @param report the report to export, null before a check finished
   * @param dispatcher runs the outcome on the FX thread
   * @param status shows a line in the status bar
   */
  ReportExporter(
      Supplier<DomainReport> report,
      DialogService dialogs,
      Executor background,
      Consumer<Runnable> dispatcher,
      Consumer<String> status) {
    this.report = report;
    this.dialogs = dialogs;
    this.background = background;
    this.dispatcher = dispatcher;
    this.status = status;
  }

  /** The written file, or empty when there is no report yet or the user cancelled the dialog. */
  Optional<CompletableFuture<Path>> export(ReportFormat format) {
    DomainReport shown = report.get();
    if (shown == null) {
      status.accept("Nothing to export yet: check a domain first.");
      return Optional.empty();
    }
    String label = ReportExport.label(format);
    return dialogs
        .showSaveDialog(
            new DialogService.FileDialog(
                "Export the report as " + label,
                ReportExport.suggestedName(shown, format),
                List.of(DialogService.Filter.of(label, "*." + ReportExport.extension(format)))))
        .map(
            file -> {
              status.accept("Writing " + file.getFileName() + " …");
              CompletableFuture<Path> written = ReportExport.write(shown, format, file, background);
              written.whenComplete(
                  (path, error) ->
                      dispatcher.accept(
                          () ->
                              status.accept(
                                  error == null
                                      ? "Saved the " + label + " report to " + path
                                      : "Could not save the report to "
                                          + file
                                          + ": "
                                          + cause(error).getMessage())));
              return written;
            });
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
