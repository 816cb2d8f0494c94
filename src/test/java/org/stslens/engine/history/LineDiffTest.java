package org.stslens.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.history.LineDiff.Change;
import org.stslens.engine.history.LineDiff.Line;

class LineDiffTest {

  @Test
  void keepsTheLongestCommonRunAndPutsRemovedBeforeAdded() {
    assertThat(LineDiff.of(List.of("a", "b", "c", "d"), List.of("a", "x", "c", "d", "e")))
        .containsExactly(
            new Line(Change.SAME, "a"),
            new Line(Change.REMOVED, "b"),
            new Line(Change.ADDED, "x"),
            new Line(Change.SAME, "c"),
            new Line(Change.SAME, "d"),
            new Line(Change.ADDED, "e"));
  }

  @Test
  void aMovedLineIsRemovedAndAddedAndEmptySidesWork() {
    assertThat(LineDiff.of(List.of("a", "b"), List.of("b", "a")))
        .extracting(Line::change)
        .containsExactly(Change.REMOVED, Change.SAME, Change.ADDED);
    assertThat(LineDiff.of(List.of(), List.of("a"))).containsExactly(new Line(Change.ADDED, "a"));
    assertThat(LineDiff.of(List.of("a"), List.of())).containsExactly(new Line(Change.REMOVED, "a"));
  }

  @Test
  void setsIgnoreOrder() {
    assertThat(LineDiff.ofSets(List.of("a", "b"), List.of("c", "b")))
        .containsExactly(
            new Line(Change.REMOVED, "a"), new Line(Change.SAME, "b"), new Line(Change.ADDED, "c"));
  }
}
