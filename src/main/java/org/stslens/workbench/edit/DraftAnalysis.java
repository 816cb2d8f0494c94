package org.stslens.workbench.edit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.fetch.PolicySizeLimit;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyLine;
import org.stslens.engine.policy.PolicyParser;

/**
 * An editor text read by the engine's {@link PolicyParser} (as saving would write it), with every
 * finding placed at its offsets. Immutable, pure and linear in the text, so the editor runs it on
 * every change.
 */
public final class DraftAnalysis {

  private static final char BOM = '\uFEFF';

  private final String text;
  private final ParsedPolicy parsed;
  private final List<Diagnostic> diagnostics;
  private final LineIndex index;
  private final Map<Integer, PolicyLine> byNumber;
  private final Map<Integer, List<Diagnostic>> byLine = new HashMap<>();
  private volatile List<TextEdit> blankLineDeletions;

  private DraftAnalysis(
      String text,
      ParsedPolicy parsed,
      List<Diagnostic> diagnostics,
      LineIndex index,
      Map<Integer, PolicyLine> byNumber) {
    this.byNumber = Map.copyOf(byNumber);
    this.text = text;
    this.parsed = parsed;
    this.diagnostics = List.copyOf(diagnostics);
    this.index = index;
    this.diagnostics.forEach(d -> byLine.computeIfAbsent(d.line(), l -> new ArrayList<>()).add(d));
  }

  /** The editor text (LF-separated). */
  public String text() {
    return text;
  }

  /** The parser's result for {@link DraftText#forParsing(String)} of the text. */
  public ParsedPolicy parsed() {
    return parsed;
  }

  /**
   * True when senders would apply the draft as published: a valid policy no larger than they read
   * (RFC 8461 §3.3, fetch.too-large).
   */
  public boolean valid() {
    return parsed.valid()
        && diagnostics.stream().noneMatch(d -> d.finding().code() == Code.FETCH_TOO_LARGE);
  }

  /** The findings in line order, each at its span. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The number of lines of the editor text (at least 1). */
  public int lineCount() {
    return index.count();
  }

  public static DraftAnalysis of(String editorText) {
    String text = editorText == null ? "" : editorText.replace("\r\n", "\n");
    String forParsing = DraftText.forParsing(text);
    ParsedPolicy parsed = PolicyParser.parse(forParsing);
    LineIndex index = new LineIndex(text);
    Map<Integer, PolicyLine> byNumber = new HashMap<>();
    parsed.lines().forEach(l -> byNumber.put(l.number(), l));
    List<Finding> findings = new ArrayList<>(parsed.findings());
    // the whole text is parsed (the editor needs every line), but senders would refuse it
    PolicySizeLimit.judge("draft", forParsing.getBytes(StandardCharsets.UTF_8).length)
        .ifPresent(findings::add);
    List<Diagnostic> placed = new ArrayList<>();
    for (Finding f : findings) {
      placed.add(place(f, byNumber.get(f.line()), index));
    }
    placed.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::start));
    return new DraftAnalysis(text, parsed, placed, index, byNumber);
  }

  /**
   * The diagnostics whose underline covers {@code offset} (for hover and the caret). An underline
   * never leaves its line, so only the offset's line is searched: the editor asks on every mouse
   * move.
   */
  public List<Diagnostic> at(int offset) {
    return onLine(index.lineOf(offset)).stream().filter(d -> d.contains(offset)).toList();
  }

  /** The diagnostics shown in the gutter of a 1-based line. */
  public List<Diagnostic> onLine(int line) {
    return List.copyOf(byLine.getOrDefault(line, List.of()));
  }

  /**
   * Deletions of the blank lines (with their LF), except the empty end after a final LF, in order.
   * Computed once, on first use: the quick fix of every blank-line finding is this same list.
   */
  List<TextEdit> blankLineDeletions() {
    List<TextEdit> deletions = blankLineDeletions;
    if (deletions == null) {
      List<TextEdit> found = new ArrayList<>();
      for (int line = 1; line <= index.count(); line++) {
        int start = index.start(line);
        int end = index.contentEnd(line);
        boolean trailingEmpty = line == index.count() && start == end;
        if (!trailingEmpty && text.substring(start, end).isBlank()) {
          found.add(TextEdit.delete(start, end + 1));
        }
      }
      deletions = List.copyOf(found);
      blankLineDeletions = deletions;
    }
    return deletions;
  }

  /** The parser's view of a 1-based line, if it is a {@code key: value} line. */
  public Optional<PolicyLine> policyLine(int line) {
    return Optional.ofNullable(byNumber.get(line));
  }

  /** Offsets of the start and the end (before the LF) of a 1-based line. */
  public int[] lineBounds(int line) {
    return new int[] {index.start(line), index.contentEnd(line)};
  }

  private static Diagnostic place(Finding f, PolicyLine pl, LineIndex index) {
    if (f.line() == 0) {
      return new Diagnostic(f, 0, 0, 0); // about the whole draft: no line, no gutter marker
    }
    int line = Math.max(1, Math.min(f.line(), index.count()));
    int lineStart = index.start(line);
    int contentEnd = index.contentEnd(line);
    if (f.code() == Code.POLICY_BOM) {
      return new Diagnostic(f, 1, 0, index.bom() ? 1 : 0);
    }
    if (f.code() == Code.POLICY_BLANK_LINE || f.code() == Code.POLICY_LINE_ENDINGS) {
      return new Diagnostic(f, line, lineStart, lineStart);
    }
    int shift = line == 1 && index.bom() ? 1 : 0;
    int pos = Math.min(lineStart + shift + Math.max(f.column(), 1) - 1, contentEnd);
    int end = contentEnd;
    if (pl != null) {
      if (pl.keyColumn() == f.column() && f.code() != Code.POLICY_WHITESPACE) {
        end = pos + pl.key().length();
      } else if (pl.valueColumn() == f.column()) {
        end = pos + pl.value().length();
      } else if (f.code() == Code.POLICY_WHITESPACE) {
        // leading spaces (column 1) or the spaces between the key and the colon
        end = f.column() == 1 ? lineStart + shift + pl.keyColumn() - 1 : pos;
        while (f.column() != 1 && end < contentEnd && index.charAt(end) != ':') {
          end++;
        }
      }
    }
    end = Math.min(Math.max(end, pos), contentEnd);
    if (end == pos && pos > lineStart) {
      pos--; // an empty value: underline the character before it (the colon) so it shows
    }
    return new Diagnostic(f, line, pos, Math.max(end, pos));
  }

  /** Line starts of an LF-separated text. */
  private static final class LineIndex {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    LineIndex(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
    }

    int count() {
      return starts.size();
    }

    /** The 1-based line holding an offset (the last line for an offset past the end). */
    int lineOf(int offset) {
      int i = java.util.Collections.binarySearch(starts, offset);
      return i >= 0 ? i + 1 : Math.max(1, -i - 1);
    }

    int start(int line) {
      return starts.get(Math.max(1, Math.min(line, starts.size())) - 1);
    }

    int contentEnd(int line) {
      int l = Math.max(1, Math.min(line, starts.size()));
      return l < starts.size() ? starts.get(l) - 1 : text.length();
    }

    boolean bom() {
      return !text.isEmpty() && text.charAt(0) == BOM;
    }

    char charAt(int i) {
      return text.charAt(i);
    }
  }
}
