package org.stslens.ui.workbench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.stslens.workbench.edit.StyledRange;

/**
 * Paints the highlighting of a new analysis onto the code area, restyling only the paragraphs whose
 * styles differ from what the area shows. Every restyled paragraph is a new paragraph object to
 * RichTextFX, whose cell is then rebuilt and measured again: restyling the whole 64 KiB draft on
 * every keystroke is what stalled the FX thread, while a keystroke changes the styles of one or two
 * lines.
 */
final class IncrementalStyling {

  private IncrementalStyling() {}

  /** Styles {@code area} as {@code runs} say; returns how many ranges of paragraphs were set. */
  static int apply(CodeArea area, List<StyledRange> runs) {
    int total = runs.stream().mapToInt(StyledRange::length).sum();
    if (total != area.getLength()) {
      // runs of another text (cannot happen: the caller checks the text): paint what there is
      area.setStyleSpans(0, build(new Cursor(runs), 0, Math.min(total, area.getLength())));
      return 1;
    }
    Cursor cursor = new Cursor(runs);
    Cursor painter = new Cursor(runs);
    int ranges = 0;
    int dirtyFrom = -1;
    int dirtyTo = -1;
    int start = 0;
    int paragraphs = area.getParagraphs().size();
    for (int p = 0; p < paragraphs; p++) {
      var paragraph = area.getParagraph(p);
      int end = start + paragraph.length();
      if (!normalized(paragraph.getStyleSpans()).equals(cursor.segments(start, end))) {
        if (dirtyFrom < 0) {
          dirtyFrom = start;
        }
        dirtyTo = end;
      } else if (dirtyFrom >= 0) {
        area.setStyleSpans(dirtyFrom, build(painter, dirtyFrom, dirtyTo));
        ranges++;
        dirtyFrom = -1;
      }
      start = end + 1; // the line break between paragraphs is one character
    }
    if (dirtyFrom >= 0) {
      area.setStyleSpans(dirtyFrom, build(painter, dirtyFrom, dirtyTo));
      ranges++;
    }
    return ranges;
  }

  /** One stretch of text with one style; empty stretches show nothing and are left out. */
  private record Segment(Collection<String> styles, int length) {}

  private static List<Segment> normalized(StyleSpans<Collection<String>> spans) {
    List<Segment> out = new ArrayList<>();
    for (StyleSpan<Collection<String>> s : spans) {
      add(out, s.getStyle(), s.getLength());
    }
    return out;
  }

  /** Appends a segment, merging it into the last one when the styles are the same. */
  private static void add(List<Segment> out, Collection<String> styles, int length) {
    if (length <= 0) {
      return;
    }
    int last = out.size() - 1;
    if (last >= 0 && out.get(last).styles().equals(styles)) {
      out.set(last, new Segment(styles, out.get(last).length() + length));
    } else {
      out.add(new Segment(styles, length));
    }
  }

  private static StyleSpans<Collection<String>> build(Cursor runs, int from, int to) {
    StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
    List<Segment> segments = runs.segments(from, to);
    if (segments.isEmpty()) {
      builder.add(List.of(), to - from);
    }
    for (Segment s : segments) {
      builder.add(s.styles(), s.length());
    }
    return builder.create();
  }

  /** Walks the runs forward: paragraphs are asked for in order, so the whole walk is linear. */
  private static final class Cursor {
    private final List<StyledRange> runs;
    private int index;
    private int indexStart;

    Cursor(List<StyledRange> runs) {
      this.runs = runs;
    }

    /** The runs' segments within [from, to), merged; {@code from} never goes back. */
    List<Segment> segments(int from, int to) {
      while (index < runs.size() && indexStart + runs.get(index).length() <= from) {
        indexStart += runs.get(index).length();
        index++;
      }
      List<Segment> out = new ArrayList<>();
      int at = indexStart;
      for (int i = index; i < runs.size() && at < to; i++) {
        StyledRange r = runs.get(i);
        int s = Math.max(at, from);
        int e = Math.min(at + r.length(), to);
        add(out, r.styles(), e - s);
        at += r.length();
      }
      return out;
    }
  }
}
