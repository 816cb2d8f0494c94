package org.stslens.engine.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.report.DomainReport;

/**
 * Saves a finished check and adds what changed since the domain's previous stored check: what the
 * desktop does after every check and {@code stslens check --save} after each domain. A store that
 * cannot be used never costs the check: the report comes back as it was, with the problem.
 */
public final class HistoryRecorder {

  private final Path file;

  public HistoryRecorder(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  public Path file() {
    return file;
  }

  /**
   * The report, with its changes when it was saved.
   *
   * @param report the report with its {@code life.*} changes (or unchanged when not saved)
   * @param problem why it was not saved; empty when it was, or when it is a lab report (never
   *     stored, not a problem)
   */
  public record Recorded(DomainReport report, Optional<HistoryException> problem) {

    public Recorded {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** Compares {@code report} with the previous stored check of its domain, then stores it. */
  public Recorded record(DomainReport report) {
    if (report.origin().isLab()) {
      return new Recorded(report, Optional.empty());
    }
    try {
      HistoryStore store = HistoryStore.open(file);
      Optional<CheckFacts> previous = store.latest(report.domain()).map(StoredCheck::facts);
      DomainReport withChanges =
          report.withChanges(ChangeDetector.compare(previous, CheckFacts.of(report)));
      store.save(withChanges);
      return new Recorded(withChanges, Optional.empty());
    } catch (HistoryException e) {
      return new Recorded(report, Optional.of(e));
    }
  }
}
