package org.stslens.engine.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line diff by longest common subsequence (no diff library is on the class path, and policies are
 * a few lines, so the quadratic table is small): every line of both sides, in order, each {@link
 * Change#SAME}, {@link Change#REMOVED} (only in the older) or {@link Change#ADDED} (only in the
 * newer). Where lines were replaced, the removed ones come before the added ones.
 */
public final class LineDiff {

  /** What happened to one line between the older and the newer side. */
  public enum Change {
    SAME,
    REMOVED,
    ADDED
  }

  /** One line of the diff. */
  public record Line(Change change, String text) {
    public Line {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Longer inputs are compared line by line at the same index instead (no quadratic table). */
  static final int MAX_LINES = 2000;

  private LineDiff() {}

  public static List<Line> of(List<String> older, List<String> newer) {
    if (older.size() > MAX_LINES || newer.size() > MAX_LINES) {
      return byIndex(older, newer);
    }
    int n = older.size();
    int m = newer.size();
    // common[i][j]: length of the longest common subsequence of older[i..] and newer[j..]
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            older.get(i).equals(newer.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>(n + m);
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (older.get(i).equals(newer.get(j))) {
        out.add(new Line(Change.SAME, older.get(i++)));
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        out.add(new Line(Change.REMOVED, older.get(i++)));
      } else {
        out.add(new Line(Change.ADDED, newer.get(j++)));
      }
    }
    while (i < n) {
      out.add(new Line(Change.REMOVED, older.get(i++)));
    }
    while (j < m) {
      out.add(new Line(Change.ADDED, newer.get(j++)));
    }
    return List.copyOf(out);
  }

  private static List<Line> byIndex(List<String> older, List<String> newer) {
    List<Line> out = new ArrayList<>();
    for (int k = 0; k < Math.max(older.size(), newer.size()); k++) {
      boolean inOld = k < older.size();
      boolean inNew = k < newer.size();
      if (inOld && inNew && older.get(k).equals(newer.get(k))) {
        out.add(new Line(Change.SAME, older.get(k)));
        continue;
      }
      if (inOld) {
        out.add(new Line(Change.REMOVED, older.get(k)));
      }
      if (inNew) {
        out.add(new Line(Change.ADDED, newer.get(k)));
      }
    }
    return List.copyOf(out);
  }

  /** Set semantics for MX hosts: the older's order first, then the newer's new ones. */
  public static List<Line> ofSets(List<String> older, List<String> newer) {
    List<Line> out = new ArrayList<>();
    for (String s : older) {
      out.add(new Line(newer.contains(s) ? Change.SAME : Change.REMOVED, s));
    }
    for (String s : newer) {
      if (!older.contains(s)) {
        out.add(new Line(Change.ADDED, s));
      }
    }
    return List.copyOf(out);
  }
}
