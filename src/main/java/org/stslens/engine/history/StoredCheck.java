package org.stslens.engine.history;

import java.util.Objects;

/**
 * One check as stored: its row id and the facts of its columns (the full JSON report is read
 * separately, {@link HistoryStore#reportJson}).
 */
public record StoredCheck(long id, CheckFacts facts) {

  public StoredCheck {
    Objects.requireNonNull(facts, "facts");
  }
}
