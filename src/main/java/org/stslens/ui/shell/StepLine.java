package org.stslens.ui.shell;

import java.util.Objects;
import org.stslens.engine.net.Step;

/**
 * One step as the engine told it, kept for the walkthrough.
 *
 * @param step what happened; the UI decides on it, never on the text
 * @param detail the engine's words for people
 */
public record StepLine(Step step, String detail) {

  public StepLine {
    Objects.requireNonNull(step, "step");
    detail = detail == null ? "" : detail;
  }

  /** As the walkthrough shows it: "running: …" while the step is a start, else the detail. */
  public String shown() {
    return step == Step.TLSA_LOOKUP_STARTED ? "running: " + detail : detail;
  }

  /** Whether the step is part of a TLSA look-up. */
  public static boolean isTlsa(Step step) {
    return step == Step.TLSA_LOOKUP_STARTED
        || step == Step.TLSA_ANSWER_RECEIVED
        || step == Step.TLSA_LOOKUP_FAILED;
  }
}
