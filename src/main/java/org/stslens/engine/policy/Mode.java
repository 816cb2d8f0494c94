package org.stslens.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/** The policy modes of RFC 8461 §5, written in lower case in the policy (case-sensitive). */
public enum Mode {
  ENFORCE("enforce"),
  TESTING("testing"),
  NONE("none");

  private final String word;

  Mode(String word) {
    this.word = word;
  }

  /** The word as it must appear in a policy, e.g. {@code enforce}. */
  public String word() {
    return word;
  }

  /** The mode for an exact, case-sensitive word; {@code Enforce} is not a mode. */
  public static Optional<Mode> ofWord(String word) {
    return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
  }
}
