package org.stslens.engine.smtp;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an SMTP conversation as shown to the user.
 *
 * @param at when it was sent, received or noted
 * @param direction who said it
 * @param text the line without CRLF; server text is sanitized (non-printables as {@code \xNN}) and
 *     truncated when huge
 */
public record TranscriptLine(Instant at, Direction direction, String text) {

  public TranscriptLine {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(text, "text");
  }

  public enum Direction {
    /** Sent by STS Lens. */
    CLIENT,
    /** Received from the server. */
    SERVER,
    /** A remark by STS Lens (connection, TLS parameters, discarded bytes...). */
    NOTE
  }
}
