package org.stslens.ui.stages.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.io.TextFiles;
import org.stslens.engine.report.DomainReport;

/**
 * Renders a report and writes it to a file, on the executor given (never the FX thread). The
 * Summary's export buttons and the shell's Export menu both go through here.
 */
public final class ReportExport {

  private ReportExport() {}

  /**
   * The formats the app offers: every format of the engine but plain text (the terminal's), the
   * machine-readable JSON last.
   */
  public static List<ReportFormat> offered() {
    return Arrays.stream(ReportFormat.values())
        .filter(f -> f != ReportFormat.TEXT)
        .sorted(Comparator.comparing(f -> f == ReportFormat.JSON))
        .toList();
  }

  public static CompletableFuture<Path> write(
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

  public static String extension(ReportFormat format) {
    return switch (format) {
      case MD -> "md";
      case HTML -> "html";
      case JSON -> "json";
      case TEXT -> "txt";
      case PDF -> "pdf";
    };
  }

  public static String label(ReportFormat format) {
    return switch (format) {
      case MD -> "Markdown";
      case HTML -> "HTML";
      case JSON -> "JSON";
      case TEXT -> "Text";
      case PDF -> "PDF";
    };
  }

  public static String suggestedName(DomainReport report, ReportFormat format) {
    return "mta-sts-" + report.domain().toLowerCase(Locale.ROOT) + "." + extension(format);
  }
}
