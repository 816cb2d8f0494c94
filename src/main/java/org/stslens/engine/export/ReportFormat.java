package org.stslens.engine.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.report.DomainReport;

/** The formats a report can be exported in. All render the same narrative. */
public enum ReportFormat {
  TEXT,
  JSON,
  MD,
  HTML,
  /** The HTML page printed to PDF: bytes, not text ({@link #bytes}). */
  PDF;

  public static Optional<ReportFormat> parse(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the report is binary (a PDF): it goes to a file, never to a terminal. */
  public boolean binary() {
    return this == PDF;
  }

  /**
   * Renders the reports as text.
   *
   * @throws IllegalStateException for a {@link #binary()} format: use {@link #bytes}
   */
  public String render(List<DomainReport> reports) {
    return switch (this) {
      case JSON -> JsonReport.render(reports);
      case TEXT -> TextReport.render(reports);
      case MD -> MarkdownReport.render(reports);
      case HTML -> HtmlReport.render(reports);
      case PDF -> throw new IllegalStateException("a PDF is bytes, not text: use bytes()");
    };
  }

  /** Renders the reports as the bytes of a file: UTF-8 text, or the PDF. */
  public byte[] bytes(List<DomainReport> reports) {
    return this == PDF
        ? PdfReport.render(reports)
        : render(reports).getBytes(StandardCharsets.UTF_8);
  }
}
