package org.stslens.engine.report;

import java.util.List;
import java.util.Locale;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;

/** The live status of a stage, as the stage list shows it. */
public enum StageStatus {
  PENDING,
  RUNNING,
  PASS,
  WARN,
  FAIL,
  SKIPPED,
  /**
   * Finished without an error, but about a policy senders do not apply (not fetched, invalid,
   * withdrawn): nothing here is in force, so it must not read as passed.
   */
  NOT_APPLIED;

  /** {@code pass}, {@code not-applied}... as in JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The status a finished stage gets from its worst finding. */
  public static StageStatus of(List<Finding> findings) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      return FAIL;
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
      return WARN;
    }
    return PASS;
  }
}
