package org.stslens.ui.shell;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;
import org.stslens.engine.export.TextReport;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageWords;
import org.stslens.ui.common.Icons;

/**
 * The main window: domain field with history, Check, Step-by-step, Cancel; the stage list with live
 * status; the verdict banner; the selected stage's view. A thin view over {@link CheckViewModel}.
 */
public final class MainWindow {

  private final CheckViewModel vm;
  private final ViewFactory views;
  private final BorderPane root = new BorderPane();
  private final ComboBox<String> domainField = new ComboBox<>();
  private final ListView<StageItem> stageList = new ListView<>();
  private final StackPane content = new StackPane();
  private final SplitPane split = new SplitPane();
  private final ToggleButton learn = new ToggleButton("Learn", Icons.learn());
  private final ToggleButton lab = new ToggleButton("Lab", Icons.lab());
  private final ToggleButton editor = new ToggleButton("Editor", Icons.editor());
  private final javafx.beans.InvalidationListener reportArrived = o -> showSelected();
  private StageItem watched;
  private Node labScreen;
  private Node editorScreen;

  public MainWindow(CheckViewModel vm, ViewFactory views, Runnable openSettings) {
    this.vm = vm;
    this.views = views;
    root.setTop(new VBox(toolbar(openSettings), banner(), stepPanel()));
    split.getItems().setAll(stageList(), content);
    split.setDividerPositions(0.22);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    root.setCenter(split);
    root.setBottom(statusBar());
    content.setPadding(new Insets(0));
    vm.selectedProperty().addListener((o, was, now) -> showSelected());
    vm.reportProperty().addListener((o, was, now) -> showSelected());
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

  private Node banner() {
    Label text = new Label();
    text.setId("verdict-banner");
    text.textProperty().bind(vm.bannerProperty());
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox box = new HBox(text);
    HBox.setHgrow(text, Priority.ALWAYS);
    box.getStyleClass().addAll("verdict-banner", "verdict-neutral");
    vm.toneProperty()
        .addListener(
            (o, was, now) -> {
              box.getStyleClass()
                  .removeAll("verdict-good", "verdict-warn", "verdict-bad", "verdict-neutral");
              box.getStyleClass().add("verdict-" + now.name().toLowerCase(java.util.Locale.ROOT));
            });
    VBox.setMargin(box, new Insets(6, 8, 6, 8));
    return box;
  }

  private Node stepPanel() {
    Label title = new Label();
    title.getStyleClass().add("section-title");
    title.textProperty().bind(vm.pendingTitleProperty());
    Label text = new Label();
    text.setWrapText(true);
    text.textProperty().bind(vm.pendingTextProperty());
    Button next = new Button("Next", Icons.next());
    next.setId("next");
    next.setDefaultButton(false);
    next.setOnAction(e -> vm.next());
    Button all = new Button("Run the rest");
    all.setOnAction(e -> vm.runAll());
    HBox buttons = new HBox(8, next, all);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox panel = new VBox(6, title, text, buttons);
    panel.setId("step-panel");
    panel.getStyleClass().addAll("verdict-banner", "verdict-neutral");
    VBox.setMargin(panel, new Insets(0, 8, 6, 8));
    panel.visibleProperty().bind(vm.pendingStepProperty().isNotNull());
    panel.managedProperty().bind(panel.visibleProperty());
    vm.pendingStepProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.select(now.stage());
                next.requestFocus();
              }
            });
    return panel;
  }

  private Node stageList() {
    stageList.setId("stages");
    stageList.setItems(vm.stages());
    stageList.setCellFactory(l -> new StageListCell());
    stageList.setMinWidth(220);
    stageList
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && now != stageList.getSelectionModel().getSelectedItem()) {
                stageList.getSelectionModel().select(now);
              }
            });
    return stageList;
  }

  private Node statusBar() {
    StatusBar bar = new StatusBar();
    bar.setId("status");
    bar.textProperty().bind(vm.statusProperty());
    bar.progressProperty().bind(Bindings.when(vm.runningProperty()).then(-1.0).otherwise(0.0));
    return bar;
  }

  private void showSelected() {
    Node view;
    if (editor.isSelected()) {
      // the editor needs the width: it replaces the stage list and content while shown
      if (editorScreen == null) {
        editorScreen = views.workbenchView();
      }
      root.setCenter(editorScreen);
      return;
    }
    root.setCenter(split);
    if (lab.isSelected()) {
      view = labView();
    } else if (learn.isSelected()) {
      view =
          views.learnView(
              stage -> {
                learn.setSelected(false);
                vm.select(stage);
              },
              Optional.ofNullable(vm.reportProperty().get()).map(r -> r.domain()));
    } else {
      view = viewOf(vm.selectedProperty().get());
    }
    content.getChildren().setAll(view);
  }

  /** Built once: the Lab screen keeps its selection while the user goes back and forth. */
  private Node labView() {
    if (labScreen == null) {
      labScreen = views.labView(() -> lab.setSelected(false));
    }
    return labScreen;
  }

  private Node viewOf(StageItem item) {
    if (item == null) {
      return placeholder(
          "Type a domain and press Check.",
          "STS Lens walks through the five stages a sending mail server goes through to"
              + " apply MTA-STS: DNS discovery, fetching the policy over HTTPS, reading the"
              + " policy, connecting to each MX host with STARTTLS, and finding where TLS"
              + " failures are reported. Turn on Step by step to pause before each stage. Open"
              + " Learn for the basics.");
    }
    if (item.kind() == StageItem.Kind.SUMMARY) {
      return vm.reportProperty().get() == null
          ? placeholder("Summary", "The verdict appears when every stage has finished.")
          : views.summaryView(vm.reportProperty().get());
    }
    Optional<StageReport> report = item.report();
    watch(item);
    if (report.isEmpty()) {
      String why = item.stage() == null ? "" : StageWords.of(item.stage()).sender(item.target());
      return placeholder(item.title() + " — " + item.status().word(), why);
    }
    if (item.kind() == StageItem.Kind.MX_HOST) {
      return views.mxView(vm.mxReports(), report.get());
    }
    return views.stageView(report.get());
  }

  /** Re-shows the selected row when its report arrives (one watched row at a time). */
  private void watch(StageItem item) {
    if (watched != null) {
      watched.reportProperty().removeListener(reportArrived);
    }
    watched = item;
    item.reportProperty().addListener(reportArrived);
  }

  private Node placeholder(String title, String text) {
    Label heading = new Label(title);
    heading.getStyleClass().add("section-title");
    Label body = new Label(text);
    body.setWrapText(true);
    body.getStyleClass().add("explanation");
    VBox box = new VBox(10, heading, body);
    box.setPadding(new Insets(24));
    box.setMaxWidth(720);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private void copySelectedEvidence() {
    StageItem item = vm.selectedProperty().get();
    if (item == null) {
      return;
    }
    StringBuilder text = new StringBuilder(item.title()).append(" — ").append(item.status().word());
    item.report()
        .ifPresent(
            r ->
                text.append(" (")
                    .append(r.durationMillis())
                    .append(" ms)\n")
                    .append(TextReport.findings(r.findings())));
    if (item.kind() == StageItem.Kind.SUMMARY && vm.reportProperty().get() != null) {
      text.append("\n").append(TextReport.render(java.util.List.of(vm.reportProperty().get())));
    }
    ClipboardContent clip = new ClipboardContent();
    clip.putString(text.toString());
    Clipboard.getSystemClipboard().setContent(clip);
  }
}
