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
 * @param compared true when the check was compared with the domain's history (saved); false for
 *     {@link #NONE}
 * @param previousCheck when the check it was compared with ran; empty when none was stored
 * @param findings the {@code life.*} findings, in the order they were found
 */
public record ChangeSet(boolean compared, Optional<Instant> previousCheck, List<Finding> findings) {

  /** No comparison was made: a check that was not saved, or a lab world. */
  public static final ChangeSet NONE = new ChangeSet(false, Optional.empty(), List.of());

  /** The result of comparing with the history, {@code previousCheck} empty when it was empty. */
  public static ChangeSet of(Optional<Instant> previousCheck, List<Finding> findings) {
    return new ChangeSet(true, previousCheck, findings);
  }

  public ChangeSet {
    Objects.requireNonNull(previousCheck, "previousCheck");
    findings = List.copyOf(findings);
  }

  /** True when the check was compared with a history (reports show the section then). */
  public boolean present() {
    return compared;
  }
}
