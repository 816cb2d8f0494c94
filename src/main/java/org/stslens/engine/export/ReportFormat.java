package org.stslens.engine.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.report.DomainReport;

/** The formats a report can be exported in. all render the same narrative. */
public enum ReportFormat {
  TEXT,
  JSON,
  MD,
  HTML;

  public static Optional<ReportFormat> parse(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Renders the reports. */
  public String render(List<DomainReport> reports) {
    return switch (this) {
      case JSON -> JsonReport.render(reports);
      case TEXT -> TextReport.render(reports);
      case MD -> MarkdownReport.render(reports);
      case HTML -> HtmlReport.render(reports);
    };
  }
}
