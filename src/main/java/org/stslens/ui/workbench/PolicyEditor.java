package org.stslens.ui.workbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.reactfx.value.Val;
import org.stslens.engine.finding.Severity;
import org.stslens.ui.common.CodeSpans;
import org.stslens.ui.common.FocusOrder;
import org.stslens.ui.common.Icons;
import org.stslens.workbench.edit.Completion;
import org.stslens.workbench.edit.Completions;
import org.stslens.workbench.edit.Diagnostic;
import org.stslens.workbench.edit.DraftAnalysis;
import org.stslens.workbench.edit.Highlighting;
import org.stslens.workbench.edit.QuickFix;
import org.stslens.workbench.edit.QuickFixes;
import org.stslens.workbench.edit.TextEdit;

/**
 * The policy code area: highlighting and underlines from the engine's analysis, gutter markers with
 * line numbers, the message on hover, completion (Ctrl+Space) and quick fixes (Ctrl+1 or Alt+Enter,
 * and the context menu). Undo and redo come with the area (Ctrl+Z, Ctrl+Y).
 */
final class PolicyEditor {

  private final CodeArea area = new CodeArea();
  private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
  private final Supplier<List<String>> mxHosts;
  private final Popup hover = new Popup();
  private final Label hoverText = new Label();
  private DraftAnalysis analysis = DraftAnalysis.of("");

  /** Line (1-based) → its worst finding; the gutter's lines observe it while they are shown. */
  private final ObjectProperty<Map<Integer, Severity>> worstByLine =
      new SimpleObjectProperty<>(Map.of());

  PolicyEditor(Consumer<String> edited, Supplier<List<String>> mxHosts) {
    this.mxHosts = mxHosts;
    area.setId("policy-editor");
    area.getStyleClass().add("policy-editor");
    area.setAccessibleText("Policy draft");
    area.textProperty().addListener((o, was, now) -> edited.accept(now));
    installGutter();
    installHover();
    installKeys();
    installContextMenu();
  }

  Node node() {
    return scroll;
  }

  CodeArea area() {
    return area;
  }

  /** Shows another text (a draft opened): undo history starts afresh. */
  void load(String text) {
    area.replaceText(text);
    area.getUndoManager().forgetHistory();
    area.moveTo(0);
    area.requestFollowCaret();
  }

  /** Repaints highlighting, underlines and gutter for a new analysis of the current text. */
  void show(DraftAnalysis newAnalysis) {
    if (!newAnalysis.text().equals(area.getText())) {
      return; // an analysis of an older text; the newer one follows
    }
    this.analysis = newAnalysis;
    Map<Integer, Severity> worst = new HashMap<>();
    for (Diagnostic d : newAnalysis.diagnostics()) {
      worst.merge(d.line(), d.finding().severity(), PolicyEditor::worse);
    }
    worstByLine.set(Map.copyOf(worst));
    IncrementalStyling.apply(area, Highlighting.of(newAnalysis));
  }

  /** Moves the caret to a diagnostic and selects its span. */
  void reveal(Diagnostic d) {
    int length = area.getLength();
    int start = Math.min(d.start(), length);
    int end = Math.min(d.end(), length);
    if (end > start) {
      area.selectRange(start, end);
    } else {
      area.moveTo(d.aboutWholeDraft() ? 0 : Math.min(analysis.lineBounds(d.line())[0], length));
    }
    area.requestFollowCaret();
    area.requestFocus();
  }

  /** Applies a quick fix as one undoable change. */
  void apply(QuickFix fix) {
    if (!fix.changesText()) {
      return;
    }
    List<TextEdit> edits = new ArrayList<>(fix.edits());
    edits.sort((a, b) -> Integer.compare(b.start(), a.start()));
    if (edits.size() == 1) {
      TextEdit e = edits.get(0);
      area.replaceText(e.start(), Math.min(e.end(), area.getLength()), e.replacement());
    } else {
      // several edits: replace the whole text once, so that undo takes the fix back in one step
      area.replaceText(0, area.getLength(), fix.applyTo(area.getText()));
    }
    area.requestFocus();
  }

  private static Severity worse(Severity a, Severity b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  /**
   * The gutter factory is installed once: a new factory makes RichTextFX rebuild every visible
   * line. Each line's marker follows {@link #worstByLine} instead, and only while it is on screen.
   */
  private void installGutter() {
    IntFunction<Node> numbers = LineNumberFactory.get(area);
    area.setParagraphGraphicFactory(
        paragraph -> {
          HBox box = new HBox(2, marker(paragraph + 1), numbers.apply(paragraph));
          box.setAlignment(Pos.CENTER_LEFT);
          return box;
        });
  }

  private Node marker(int line) {
    Label marker = new Label();
    marker.setMinWidth(16);
    Tooltip tip = new Tooltip();
    tip.setOnShowing(e -> tip.setText(messagesOnLine(line))); // the analysis of the moment
    Val.map(worstByLine, m -> m.get(line))
        .conditionOnShowing(marker) // a line scrolled away holds no listener on the analysis
        .values()
        .subscribe(
            worst -> {
              marker.setGraphic(worst == null ? null : Icons.severity(worst));
              marker.getStyleClass().remove("gutter-marker");
              if (worst == null) {
                Tooltip.uninstall(marker, tip);
              } else {
                marker.getStyleClass().add("gutter-marker");
                Tooltip.install(marker, tip);
              }
            });
    return marker;
  }

  private String messagesOnLine(int line) {
    StringBuilder s = new StringBuilder();
    for (Diagnostic d : analysis.onLine(line)) {
      s.append(s.length() == 0 ? "" : "\n")
          .append(d.finding().code().id())
          .append(": ")
          .append(d.finding().message());
    }
    return s.toString();
  }

  private void installHover() {
    hoverText.getStyleClass().add("editor-hover");
    hoverText.setWrapText(true);
    hoverText.setMaxWidth(520);
    hover.getContent().add(hoverText);
    area.setMouseOverTextDelay(Duration.ofMillis(350));
    area.addEventHandler(
        MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
        e -> {
          List<Diagnostic> here = analysis.at(e.getCharacterIndex());
          if (here.isEmpty()) {
            return;
          }
          StringBuilder s = new StringBuilder();
          for (Diagnostic d : here) {
            s.append(s.length() == 0 ? "" : "\n\n")
                .append(d.finding().code().id())
                .append(" (")
                .append(d.finding().rfc())
                .append(")\n")
                .append(d.finding().message());
            if (!d.finding().fix().isEmpty()) {
              s.append("\nFix: ").append(d.finding().fix());
            }
          }
          hoverText.setText(s.toString());
          hover.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 14);
        });
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
  }

  private void installKeys() {
    KeyCombination complete = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);
    KeyCombination fix1 = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    KeyCombination fix2 = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.ALT_DOWN);
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (complete.match(e)) {
            showCompletions();
            e.consume();
          } else if (fix1.match(e) || fix2.match(e)) {
            showFixesAtCaret();
            e.consume();
          } else if (e.getCode() == KeyCode.TAB && e.isShortcutDown()) {
            area.replaceSelection("\t"); // the one way to type a tab (policies never need one)
            e.consume();
          } else if (e.getCode() == KeyCode.TAB && !e.isAltDown()) {
            FocusOrder.move(area, !e.isShiftDown()); // Tab leaves the editor, as in any form
            e.consume();
          }
        });
    // the tab character that the Tab key would type is not inserted either
    area.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if ("\t".equals(e.getCharacter())) {
            e.consume();
          }
        });
  }

  /** Proposals for the caret, as a menu under it; Enter picks, Esc closes. */
  void showCompletions() {
    List<Completion> proposals =
        Completions.at(area.getText(), area.getCaretPosition(), mxHosts.get());
    ContextMenu menu = new ContextMenu();
    menu.setId("completion-menu");
    for (Completion c : proposals) {
      MenuItem item = new MenuItem(c.label() + "  —  " + c.detail());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> area.replaceText(c.start(), c.end(), c.insert()));
      menu.getItems().add(item);
    }
    if (menu.getItems().isEmpty()) {
      MenuItem none = new MenuItem("No proposals here");
      none.setDisable(true);
      menu.getItems().add(none);
    }
    showAtCaret(menu);
  }

  /** The fixes for the diagnostics at the caret (or on its line). */
  void showFixesAtCaret() {
    ContextMenu menu = new ContextMenu();
    menu.setId("quick-fix-menu");
    menu.getItems().addAll(fixItems(area.getCaretPosition()));
    if (menu.getItems().isEmpty()) {
      MenuItem none = new MenuItem("No quick fix here");
      none.setDisable(true);
      menu.getItems().add(none);
    }
    showAtCaret(menu);
  }

  private List<MenuItem> fixItems(int offset) {
    List<Diagnostic> here = new ArrayList<>(analysis.at(offset));
    if (here.isEmpty()) {
      int line =
          area.offsetToPosition(
                      Math.min(offset, area.getLength()),
                      org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
                  .getMajor()
              + 1;
      here.addAll(analysis.onLine(line));
    }
    if (here.isEmpty()) {
      here.addAll(analysis.onLine(0)); // nothing here: the problems of the whole draft
    }
    List<MenuItem> items = new ArrayList<>();
    Set<String> offered = new HashSet<>();
    for (Diagnostic d : here) {
      for (QuickFix fix : QuickFixes.forDiagnostic(analysis, d, mxHosts.get())) {
        if (!offered.add(fix.title())) {
          continue; // a typo and the missing key it causes share the rename
        }
        MenuItem item = new MenuItem(CodeSpans.plain(fix.title()), Icons.fix());
        item.setMnemonicParsing(false); // built from data: "max_age" keeps its underscore
        if (fix.changesText()) {
          item.setOnAction(e -> apply(fix));
        } else {
          item.setOnAction(e -> showExplanation(fix.explanation()));
        }
        items.add(item);
      }
    }
    return items;
  }

  private void showExplanation(String text) {
    hoverText.setText(text);
    area.getCaretBounds().ifPresent(b -> hover.show(area, b.getMinX(), b.getMaxY() + 4));
  }

  private void showAtCaret(ContextMenu menu) {
    // Enter with no item highlighted takes the first one, as in any code editor
    menu.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          Node focus = menu.getScene() == null ? null : menu.getScene().getFocusOwner();
          boolean onItem = focus != null && focus.getStyleClass().contains("menu-item");
          if (e.getCode() == KeyCode.ENTER && !onItem && !menu.getItems().isEmpty()) {
            MenuItem first = menu.getItems().get(0);
            menu.hide();
            if (!first.isDisable()) {
              first.fire();
            }
            e.consume();
          }
        });
    Bounds caret = area.getCaretBounds().orElse(null);
    if (caret == null) {
      Bounds b = area.localToScreen(area.getBoundsInLocal());
      menu.show(area, b.getMinX() + 40, b.getMinY() + 40);
    } else {
      menu.show(area, caret.getMinX(), caret.getMaxY() + 2);
    }
  }

  private void installContextMenu() {
    ContextMenu menu = new ContextMenu();
    area.setContextMenu(menu);
    menu.setOnShowing(
        e -> {
          menu.getItems().clear();
          List<MenuItem> fixes = fixItems(area.getCaretPosition());
          menu.getItems().addAll(fixes);
          if (!fixes.isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
          }
          MenuItem undo = new MenuItem("Undo");
          undo.setOnAction(a -> area.undo());
          undo.setDisable(!area.isUndoAvailable());
          MenuItem redo = new MenuItem("Redo");
          redo.setOnAction(a -> area.redo());
          redo.setDisable(!area.isRedoAvailable());
          MenuItem cut = new MenuItem("Cut");
          cut.setOnAction(a -> area.cut());
          MenuItem copy = new MenuItem("Copy");
          copy.setOnAction(a -> area.copy());
          MenuItem paste = new MenuItem("Paste");
          paste.setOnAction(a -> area.paste());
          MenuItem all = new MenuItem("Select all");
          all.setOnAction(a -> area.selectAll());
          MenuItem complete = new MenuItem("Complete (Ctrl+Space)");
          complete.setOnAction(a -> showCompletions());
          menu.getItems()
              .addAll(
                  undo,
                  redo,
                  new SeparatorMenuItem(),
                  cut,
                  copy,
                  paste,
                  all,
                  new SeparatorMenuItem(),
                  complete);
        });
  }
}
