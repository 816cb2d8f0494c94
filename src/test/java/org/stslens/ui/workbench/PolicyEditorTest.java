package org.stslens.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.RichTextChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactfx.Subscription;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.workbench.edit.DraftAnalysis;
import org.stslens.workbench.edit.Highlighting;
import org.stslens.workbench.edit.StyledRange;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a keystroke costs the editor: its gutter factory stays (a new one rebuilds every visible
 * line) and only the lines whose styles changed are restyled, while the underlines, markers and
 * their tooltips stay what a full repaint would show.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyEditorTest {

  private PolicyEditor editor;
  private CodeArea area;

  @Start
  void start(Stage stage) {
    // as the workbench does: every edit is analysed and shown at once
    editor = new PolicyEditor(text -> editor.show(DraftAnalysis.of(text)), List::of);
    area = editor.area();
    ViewTestSupport.show(stage, (Parent) new StackPane(editor.node()));
  }

  private static String draft(int mxLines) {
    StringBuilder text = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    for (int i = 0; i < mxLines; i++) {
      text.append(String.format(Locale.ROOT, "mx: mx%05d.example.com\n", i));
    }
    return text.toString();
  }

  private static int modeEnd(String text) {
    return text.indexOf("enforce") + "enforce".length();
  }

  @Test
  void theGutterFactoryStaysAndTheMarkerFollowsTheAnalysis(FxRobot robot) {
    String text = draft(3);
    robot.interact(() -> editor.load(text));
    Object factory = area.getParagraphGraphicFactory();
    assertThat(marker(robot, 1).getStyleClass()).doesNotContain("gutter-marker");

    robot.interact(() -> area.insertText(modeEnd(text), "x")); // mode: enforcex
    assertThat(area.getParagraphGraphicFactory()).isSameAs(factory);
    Label marker = (Label) marker(robot, 1);
    assertThat(marker.getStyleClass()).contains("gutter-marker");
    assertThat(marker.getGraphic()).isNotNull();
    Tooltip tip = (Tooltip) marker.getProperties().get("javafx.scene.control.Tooltip");
    assertThat(tip).isNotNull();
    robot.interact(() -> tip.getOnShowing().handle(null));
    assertThat(tip.getText()).contains("policy.invalid-mode");
    assertThat(marker(robot, 0).getStyleClass()).doesNotContain("gutter-marker");

    robot.interact(() -> area.deleteText(modeEnd(text), modeEnd(text) + 1));
    assertThat(area.getParagraphGraphicFactory()).isSameAs(factory);
    assertThat(marker(robot, 1).getStyleClass()).doesNotContain("gutter-marker");
    assertThat(((Label) marker(robot, 1)).getGraphic()).isNull();
    assertThat(marker(robot, 1).getProperties()).doesNotContainKey("javafx.scene.control.Tooltip");
  }

  @Test
  void aLineOffScreenShowsTheMarkerOfTheAnalysisWhenScrolledTo(FxRobot robot) {
    String text = draft(300);
    robot.interact(() -> editor.load(text));
    int last = 302; // the last mx line, far below the viewport
    String name = "mx00299.example.com";
    int at = text.indexOf(name) + name.length();
    robot.interact(() -> area.insertText(at, " bad")); // two names on one line: a finding
    robot.interact(
        () -> {
          area.showParagraphAtTop(last - 5);
          area.layout();
        });
    assertThat(marker(robot, last).getStyleClass()).contains("gutter-marker");
    robot.interact(
        () -> {
          area.showParagraphAtTop(0);
          area.layout();
        });
    robot.interact(() -> area.deleteText(at, at + " bad".length()));
    robot.interact(
        () -> {
          area.showParagraphAtTop(last - 5);
          area.layout();
        });
    assertThat(marker(robot, last).getStyleClass()).doesNotContain("gutter-marker");
  }

  @Test
  void aKeystrokeRestylesOnlyTheLineWhoseStylesChanged(FxRobot robot) {
    String text = draft(1500); // about 40 KiB, 1500 lines
    robot.interact(() -> editor.load(text));
    int at = modeEnd(text);
    List<RichTextChange<?, ?, ?>> changes = new ArrayList<>();
    List<Object> before = new ArrayList<>();
    robot.interact(
        () -> {
          before.addAll(area.getParagraphs());
          Subscription s = area.richChanges().subscribe(changes::add);
          area.insertText(at, "x"); // the text change, then the analysis's restyling
          s.unsubscribe();
        });
    assertThat(styleOf(at)).contains("pk-error");
    // the text change and the restyling both stay within line 2 ("mode: enforcex")
    int lineStart = text.indexOf("mode:");
    int lineEnd = at + 1;
    assertThat(changes).isNotEmpty();
    for (RichTextChange<?, ?, ?> c : changes) {
      assertThat(c.getPosition()).isGreaterThanOrEqualTo(lineStart);
      assertThat(c.getPosition() + c.getRemoved().length()).isLessThanOrEqualTo(lineEnd);
      assertThat(c.getPosition() + c.getInserted().length()).isLessThanOrEqualTo(lineEnd);
    }
    // every other line is the very paragraph object it was: RichTextFX keeps its cell
    List<Object> after = onFx(() -> new ArrayList<Object>(area.getParagraphs()));
    int replaced = 0;
    for (int p = 0; p < after.size(); p++) {
      if (p != 1 && after.get(p) != before.get(p)) {
        replaced++;
      }
    }
    assertThat(replaced).isZero();
    assertStyledAsAFullRepaint(robot);
  }

  @Test
  void randomEditsLeaveTheSameStylesAsAFullRepaint(FxRobot robot) {
    robot.interact(() -> editor.load(draft(40)));
    Random random = new Random(14);
    String[] pieces = {
      "x", "\n", "mx: ", "mode: testing\n", "max_age: 1", ":", " ", "#c", "*.", "version: STSv1\n"
    };
    for (int i = 0; i < 100; i++) {
      robot.interact(
          () -> {
            int length = area.getLength();
            int from = random.nextInt(length + 1);
            if (random.nextInt(3) == 0 && length > 0) {
              area.deleteText(from, Math.min(length, from + 1 + random.nextInt(12)));
            } else {
              area.insertText(from, pieces[random.nextInt(pieces.length)]);
            }
          });
      assertStyledAsAFullRepaint(robot);
    }
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> task) {
    try {
      return WaitForAsyncUtils.asyncFx(task).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Collection<String> styleOf(int at) {
    return area.getStyleOfChar(at);
  }

  /** Every character's style is the one the highlighting of the current text gives it. */
  private void assertStyledAsAFullRepaint(FxRobot robot) {
    robot.interact(
        () -> {
          String text = area.getText();
          List<StyledRange> runs = Highlighting.of(DraftAnalysis.of(text));
          int at = 0;
          for (StyledRange run : runs) {
            for (int i = at; i < at + run.length(); i++) {
              if (text.charAt(i) != '\n') {
                assertThat(area.getStyleOfChar(i)).as("style at %d", i).isEqualTo(run.styles());
              }
            }
            at += run.length();
          }
          assertThat(at).isEqualTo(text.length());
        });
  }

  /** The marker in the gutter of {@code paragraph} (0-based), which must be on screen. */
  private Node marker(FxRobot robot, int paragraph) {
    return onFx(
        () -> {
          Node box = area.getParagraphGraphic(paragraph);
          return ((Parent) box).getChildrenUnmodifiable().get(0);
        });
  }
}
