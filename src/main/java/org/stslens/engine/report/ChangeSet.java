package org.stslens.engine.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.finding.Finding;

/**
 * What a check found by looking back: the {@code life.*} findings of comparing it with the previous
 * stored check of the same domain (and the certificate expiry warnings, which need no history).
 *
 * @param previousCheck when the check it was compared with ran; empty when there was none
 * @param findings the {@code life.*} findings, in the order they were found
 */
public record ChangeSet(Optional<Instant> previousCheck, List<Finding> findings) {

  /** No comparison was made: a check that was not saved, or a lab world. */
  public static final ChangeSet NONE = new ChangeSet(Optional.empty(), List.of());

  public ChangeSet {
    Objects.requireNonNull(previousCheck, "previousCheck");
    findings = List.copyOf(findings);
  }

  /** True when the check was compared with a history or found something looking ahead. */
  public boolean present() {
    return previousCheck.isPresent() || !findings.isEmpty();
  }
}
