package org.stslens.engine.batch;

import org.stslens.engine.report.DomainReport;

/** What became of one line of the list; handed to the {@link BatchSink} as soon as it is known. */
public sealed interface BatchOutcome
    permits BatchOutcome.Checked, BatchOutcome.Failed, BatchOutcome.Skipped {

  /** The 1-based line number in the list. */
  int line();

  /** The check ran to its end (possibly with a time-limit verdict): its report. */
  record Checked(int line, DomainReport report) implements BatchOutcome {}

  /** The check broke inside STS Lens: no report, only why. */
  record Failed(int line, String domain, String reason) implements BatchOutcome {}

  /** The line held no domain name; nothing was checked. */
  record Skipped(int line, String text, String reason) implements BatchOutcome {}
}
