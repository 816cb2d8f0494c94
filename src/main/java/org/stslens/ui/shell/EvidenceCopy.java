package org.stslens.ui.shell;

import java.util.List;
import org.stslens.engine.export.TextReport;
import org.stslens.engine.report.DomainReport;

/**
 * What Ctrl+C copies outside a text field: the selected row's title and status, its duration and
 * findings once finished, and for the summary row the whole text report. Pure text, no clipboard.
 */
final class EvidenceCopy {

  private EvidenceCopy() {}

  /**
   * @param report the finished check, or null while it runs
   */
  static String of(StageItem item, DomainReport report) {
    StringBuilder text = new StringBuilder(item.title()).append(" — ").append(item.status().word());
    item.report()
        .ifPresent(
            r ->
                text.append(" (")
                    .append(r.durationMillis())
                    .append(" ms)\n")
                    .append(TextReport.findings(r.findings())));
    if (item.kind() == StageItem.Kind.SUMMARY && report != null) {
      text.append("\n").append(TextReport.render(List.of(report)));
    }
    return text.toString();
  }
}
