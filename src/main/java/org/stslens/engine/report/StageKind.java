package org.stslens.engine.report;

import java.util.Locale;
import org.stslens.engine.finding.CheckStage;

/**
 * What a stage report stands for. Stage 4 reports once per MX host and, when the hosts taken
 * together call for findings, once more for the set: the kind says which, so no reader has to guess
 * it from the target.
 */
public enum StageKind {
  /** Stages 1, 2, 3 and 5: one report about the domain. */
  STAGE,
  /** Stage 4, one MX host: the target is its name. */
  MX_HOST,
  /** Stage 4, the MX hosts taken together (unused patterns, port 25 blocked): no target. */
  MX_SUMMARY;

  /** The word used in JSON: {@code stage}, {@code mx-host}, {@code mx-summary}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether a report of {@code stage} can be of this kind: the MX kinds belong to stage 4 only. */
  public boolean fits(CheckStage stage) {
    return (stage == CheckStage.MX) == (this != STAGE);
  }
}
