package org.stslens.engine.smtp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.smtp.TranscriptLine.Direction;

/** The growing transcript of one probe. Confined to the probing thread. */
final class Transcript {

  /** Longest server text kept in the transcript; the rest is summarized. */
  static final int MAX_SHOWN = 512;

  private final Clock clock;
  private final List<TranscriptLine> lines = new ArrayList<>();

  Transcript(Clock clock) {
    this.clock = clock;
  }

  void client(String text) {
    lines.add(new TranscriptLine(clock.instant(), Direction.CLIENT, text));
  }

  void server(String raw) {
    lines.add(new TranscriptLine(clock.instant(), Direction.SERVER, sanitize(raw)));
  }

  void note(String text) {
    lines.add(new TranscriptLine(clock.instant(), Direction.NOTE, text));
  }

  List<TranscriptLine> lines() {
    return List.copyOf(lines);
  }

  /**
   * Printable ASCII stays, everything else becomes {@code \xNN} (the text was decoded as
   * ISO-8859-1, one char per byte); longer than {@link #MAX_SHOWN} is cut with a note of the full
   * length.
   */
  static String sanitize(String raw) {
    StringBuilder out = new StringBuilder();
    int shown = Math.min(raw.length(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = raw.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\x%02x", (int) c & 0xff));
      }
    }
    if (raw.length() > shown) {
      out.append("… (").append(raw.length()).append(" bytes, truncated)");
    }
    return out.toString();
  }
}
