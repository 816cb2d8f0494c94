package org.stslens.engine.tlsrpt.reports;

import java.util.List;

/**
 * What an import read: every report found, and every file (or archive entry, or mail of an mbox)
 * that was not a readable report, with the reason.
 */
public record ImportResult(List<TlsReport> reports, List<Skipped> skipped) {

  public ImportResult {
    reports = List.copyOf(reports);
    skipped = List.copyOf(skipped);
  }

  /** A file that could not be read, and why, in one line. */
  public record Skipped(String file, String reason) {}
}
