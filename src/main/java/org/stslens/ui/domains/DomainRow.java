package org.stslens.ui.domains;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One watched domain as the Domains screen shows it.
 *
 * @param verdict the last check's verdict; empty when never checked
 * @param checkedAt when that check ran
 * @param comparison whether the last check was compared with an earlier one
 * @param changes what changed since the check before it (the life.* findings, in words)
 * @param expiryDays days until the nearest certificate expiry (negative when expired)
 * @param problem why the last check gave no report (it broke inside STS Lens), else empty
 */
public record DomainRow(
    String domain,
    Optional<String> verdict,
    Optional<Instant> checkedAt,
    Comparison comparison,
    List<String> changes,
    OptionalLong expiryDays,
    Optional<String> problem) {

  /** What the last check's changes were measured against. */
  public enum Comparison {
    NOT_CHECKED,
    /** Saved, and no earlier check of the domain was stored. */
    FIRST,
    /** Saved and compared with the domain's previous stored check. */
    COMPARED,
    /** Not saved (the history could not be used): nothing to compare with. */
    NOT_SAVED
  }

  public DomainRow {
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(checkedAt, "checkedAt");
    changes = List.copyOf(changes);
    Objects.requireNonNull(expiryDays, "expiryDays");
    Objects.requireNonNull(problem, "problem");
  }

  /** A domain not checked yet. */
  public static DomainRow unchecked(String domain) {
    return new DomainRow(
        domain,
        Optional.empty(),
        Optional.empty(),
        Comparison.NOT_CHECKED,
        List.of(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /** The changes as one cell's text. */
  public String changesText() {
    if (!changes.isEmpty()) {
      return String.join("; ", changes);
    }
    return switch (comparison) {
      case NOT_CHECKED -> "";
      case FIRST -> "First check";
      case COMPARED -> "No change";
      case NOT_SAVED -> "Not compared (not saved in the history)";
    };
  }
}
