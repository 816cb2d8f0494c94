package org.stslens.engine.history;

import java.nio.file.Path;
import java.util.Objects;

/** The history store cannot be used; the check itself is not affected. */
public final class HistoryException extends Exception {

  /** Why the store cannot be used. */
  public enum Kind {
    /** The file is not an SQLite database, or its pages are corrupt. */
    DAMAGED,
    /** Another process holds a lock on it (another STS Lens, or a sqlite3 shell). */
    LOCKED,
    /** It was written by a newer STS Lens: refused, and never written. */
    NEWER_SCHEMA,
    /** Any other failure: the folder cannot be created, the disk is full... */
    UNUSABLE
  }

  private final Kind kind;
  private final Path file;

  HistoryException(Kind kind, Path file, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.file = file;
  }

  public Kind kind() {
    return kind;
  }

  public Path file() {
    return file;
  }
}
