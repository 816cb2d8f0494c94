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
 * @param changes what changed since the check before it (the life.* findings, in words)
 * @param expiryDays days until the nearest certificate expiry (negative when expired)
 * @param problem why the last check gave no report (it broke inside STS Lens), else empty
 */
public record DomainRow(
    String domain,
    Optional<String> verdict,
    Optional<Instant> checkedAt,
    List<String> changes,
    OptionalLong expiryDays,
    Optional<String> problem) {

  public DomainRow {
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
        List.of(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /** The changes as one cell's text. */
  public String changesText() {
    if (checkedAt.isEmpty()) {
      return "";
    }
    return changes.isEmpty() ? "No change" : String.join("; ", changes);
  }
}
