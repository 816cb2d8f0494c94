package org.stslens.workbench.publish;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a rollout, in the order it must be done.
 *
 * @param title what to do, in a few words
 * @param text why and how, filled with the draft's own values
 * @param command a command line that does or checks the step, when there is one
 * @param section the RFC section behind the step, e.g. {@code RFC 8461 §8.1}
 */
public record RolloutStep(String title, String text, Optional<String> command, String section) {

  public RolloutStep {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(section, "section");
  }
}
