package org.stslens.ui.shell;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;
import org.stslens.ui.common.Icons;

/**
 * The application's shell: the toolbar (domain field with history, Check, Step-by-step, Cancel, the
 * screens), the status bar, the keyboard shortcuts and which screen is shown: the {@link
 * WalkthroughView} of a check, with Lab or Learn in place of a stage, or the policy editor.
 */
public final class MainWindow {

  private final CheckViewModel vm;
  private final ViewFactory views;
  private final WalkthroughView walkthrough;
  private final BorderPane root = new BorderPane();
  private final ComboBox<String> domainField = new ComboBox<>();
  private final ToggleButton learn = new ToggleButton("Learn", Icons.learn());
  private final ToggleButton lab = new ToggleButton("Lab", Icons.lab());
  private final ToggleButton editor = new ToggleButton("Editor", Icons.editor());
  private Node labScreen;
  private Node editorScreen;

  public MainWindow(CheckViewModel vm, ViewFactory views, Runnable openSettings) {
    this.vm = vm;
    this.views = views;
    this.walkthrough = new WalkthroughView(vm, views);
    root.setTop(new VBox(toolbar(openSettings), walkthrough.header()));
    root.setCenter(walkthrough.body());
    root.setBottom(statusBar());
    // Learn links to the last check's domain: a new report renews it
    vm.reportProperty()
        .addListener(
            (o, was, now) -> {
              if (learn.isSelected()) {
                showSelected();
              }
            });
    learn.selectedProperty().addListener((o, was, now) -> showSelected());
    lab.selectedProperty().addListener((o, was, now) -> showSelected());
    editor.selectedProperty().addListener((o, was, now) -> showSelected());
    javafx.scene.control.ToggleGroup screens = new javafx.scene.control.ToggleGroup();
    learn.setToggleGroup(screens);
    lab.setToggleGroup(screens);
    editor.setToggleGroup(screens);
    showSelected();
  }

  public Parent root() {
    return root;
  }

  /** Keyboard: Enter checks, Esc cancels, Ctrl+L focuses the domain, Ctrl+C copies evidence. */
  public void installShortcuts(Scene scene) {
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::focusDomain);
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.ESCAPE),
            () -> {
              if (vm.runningProperty().get()) {
                vm.cancel();
              }
            });
    scene.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          boolean copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e);
          Node focus = scene.getFocusOwner();
          boolean textArea =
              focus instanceof TextInputControl
                  || focus != null && focus.getStyleClass().contains("code-area");
          if (copy && !textArea) {
            copySelectedEvidence();
            e.consume();
          }
        });
  }

  /** Shows the policy workbench (from "Open in editor"). */
  public void showEditor() {
    editor.setSelected(true);
  }

  public void focusDomain() {
    domainField.requestFocus();
    domainField.getEditor().selectAll();
  }

  private ToolBar toolbar(Runnable openSettings) {
    Label label = new Label("Domain");
    label.setLabelFor(domainField);
    domainField.setId("domain");
    domainField.setEditable(true);
    domainField.setPromptText("example.com");
    domainField.setPrefWidth(320);
    domainField.setItems(vm.history());
    domainField.getEditor().textProperty().bindBidirectional(vm.domainProperty());
    domainField.setOnAction(
        e -> {
          // picking a history entry fills the field; Enter in the editor checks
          if (domainField.getValue() != null) {
            vm.domainProperty().set(domainField.getValue());
          }
        });

    Button check = new Button("Check", Icons.play());
    check.setId("check");
    check.setDefaultButton(true); // Enter checks, also from inside the domain field
    check.setOnAction(e -> vm.check());
    // no restart behind the user's back: Cancel (Esc) first
    check.disableProperty().bind(vm.runningProperty().or(vm.startingProperty().isNotEmpty()));

    Button cancel = new Button("Cancel", Icons.stop());
    cancel.setId("cancel");
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());

    ToggleSwitch step = new ToggleSwitch("Step by step");
    step.setId("step-by-step");
    step.selectedProperty().bindBidirectional(vm.stepByStepProperty());

    learn.setId("learn");
    lab.setId("lab");
    editor.setId("editor");
    editor.setTooltip(
        new javafx.scene.control.Tooltip("Policy editor: write a draft, try it, publish it"));
    Button settings = new Button("Settings", Icons.settings());
    settings.setId("settings");
    settings.setOnAction(e -> openSettings.run());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return new ToolBar(
        label,
        domainField,
        check,
        cancel,
        new Separator(),
        step,
        spacer,
        editor,
        lab,
        learn,
        settings);
  }

  private Node statusBar() {
    StatusBar bar = new StatusBar();
    bar.setId("status");
    bar.textProperty().bind(vm.statusProperty());
    bar.progressProperty().bind(Bindings.when(vm.runningProperty()).then(-1.0).otherwise(0.0));
    return bar;
  }

  private void showSelected() {
    if (editor.isSelected()) {
      // the editor needs the width: it replaces the stage list and content while shown
      if (editorScreen == null) {
        editorScreen = views.workbenchView();
      }
      root.setCenter(editorScreen);
      return;
    }
    root.setCenter(walkthrough.body());
    if (lab.isSelected()) {
      walkthrough.showInstead(labView());
    } else if (learn.isSelected()) {
      walkthrough.showInstead(
          views.learnView(
              stage -> {
                learn.setSelected(false);
                vm.select(stage);
              },
              Optional.ofNullable(vm.reportProperty().get()).map(r -> r.domain())));
    } else {
      walkthrough.showInstead(null);
    }
  }

  /** Built once: the Lab screen keeps its selection while the user goes back and forth. */
  private Node labView() {
    if (labScreen == null) {
      labScreen = views.labView(() -> lab.setSelected(false));
    }
    return labScreen;
  }

  private void copySelectedEvidence() {
    StageItem item = vm.selectedProperty().get();
    if (item == null) {
      return;
    }
    ClipboardContent clip = new ClipboardContent();
    clip.putString(EvidenceCopy.of(item, vm.reportProperty().get()));
    Clipboard.getSystemClipboard().setContent(clip);
  }
}
