package org.stslens.ui.stages.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.io.TextFiles;
import org.stslens.engine.report.DomainReport;

/** Renders a report and writes it to a file, on the executor given (never the FX thread). */
final class ReportExport {

  private ReportExport() {}

  static CompletableFuture<Path> write(
      DomainReport report, ReportFormat format, Path file, Executor background) {
    return CompletableFuture.supplyAsync(
        () -> {
          byte[] bytes = format.bytes(List.of(report));
          try {
            return TextFiles.write(file, bytes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        background);
  }

  static String extension(ReportFormat format) {
    return switch (format) {
      case MD -> "md";
      case HTML -> "html";
      case JSON -> "json";
      case TEXT -> "txt";
      case PDF -> "pdf";
    };
  }

  static String label(ReportFormat format) {
    return switch (format) {
      case MD -> "Markdown";
      case HTML -> "HTML";
      case JSON -> "JSON";
      case TEXT -> "Text";
      case PDF -> "PDF";
    };
  }

  static String suggestedName(DomainReport report, ReportFormat format) {
    return "mta-sts-" + report.domain().toLowerCase(Locale.ROOT) + "." + extension(format);
  }
}
