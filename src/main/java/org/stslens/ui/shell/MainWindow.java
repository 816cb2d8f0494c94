package org.stslens.ui.shell;

import java.io.File;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.stslens.engine.export.ReportFormat;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.summary.ReportExport;

/**
 * The application's shell: the menus, the toolbar (domain field with history, Check, Cancel,
 * Step-by-step, Export, the screens, Settings), the status bar, the keyboard shortcuts and which
 * screen is shown: the {@link WalkthroughView} of a check, with Lab or Learn in place of a stage,
 * the policy editor, the TLS-RPT reports, or the watched domains.
 */
public final class MainWindow {

  /** The screens of the toolbar and the View menu, with their shortcuts. */
  private enum Screen {
    WALKTHROUGH("_Walkthrough", "The check, stage by stage", KeyCode.DIGIT1),
    EDITOR("_Editor", "Policy editor: write a draft, try it, publish it", KeyCode.DIGIT2),
    LAB("_Lab", "Lab: broken worlds on this computer, and their fixes", KeyCode.DIGIT3),
    LEARN("Lear_n", "Learn: MTA-STS for newcomers", KeyCode.DIGIT4),
    REPORTS("_Reports", "Reports: the TLS-RPT reports senders mailed back", KeyCode.DIGIT5),
    DOMAINS(
        "_Domains",
        "Domains: watch many domains, check them all, see what changed",
        KeyCode.DIGIT6);

    final String text;
    final String purpose;
    final KeyCodeCombination accelerator;

    Screen(String text, String purpose, KeyCode key) {
      this.text = text;
      this.purpose = purpose;
      this.accelerator = new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
  }

  static final KeyCodeCombination EXPORT =
      new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
  static final KeyCodeCombination OPEN_REPORTS =
      new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
  static final KeyCodeCombination SETTINGS =
      new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);

  private final CheckViewModel vm;
  private final ViewFactory views;
  private final WalkthroughView walkthrough;
  private final ReportExporter exporter;
  private final BorderPane root = new BorderPane();
  private final ComboBox<String> domainField = new ComboBox<>();
  private final ToggleGroup screens = new ToggleGroup();
  private final Map<Screen, ToggleButton> screenButtons = new EnumMap<>(Screen.class);
  private final MenuButton export = new MenuButton("E_xport", Icons.export());
  private Node labScreen;
  private Node editorScreen;
  private Node reportsScreen;
  private Node domainsScreen;

  /**
   * @param dialogs asks where an exported report goes
   * @param background writes exported reports, never on the FX thread
   * @param dispatcher runs on the FX thread ({@code Platform::runLater})
   */
  public MainWindow(
      CheckViewModel vm,
      ViewFactory views,
      Runnable openSettings,
      DialogService dialogs,
      Executor background,
      Consumer<Runnable> dispatcher) {
    this.vm = vm;
    this.views = views;
    this.exporter =
        new ReportExporter(
            () -> vm.reportProperty().get(), dialogs, background, dispatcher, vm::showStatus);
    this.walkthrough = new WalkthroughView(vm, views, () -> show(Screen.WALKTHROUGH));
    for (Screen screen : Screen.values()) {
      screenButtons.put(screen, screenButton(screen));
    }
    root.setTop(new VBox(menuRow(openSettings), toolbar(openSettings), walkthrough.header()));
    root.setCenter(walkthrough.body());
    root.setBottom(statusBar());
    installReportDrop();
    // Learn links to the last check's domain: a new report renews it
    vm.reportProperty()
        .addListener(
            (o, was, now) -> {
              if (shown() == Screen.LEARN) {
                showSelected();
              }
            });
    screens
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                // a second click on the screen shown keeps it: one screen is always chosen
                was.setSelected(true);
              } else {
                showSelected();
              }
            });
    show(Screen.WALKTHROUGH);
  }

  public Parent root() {
    return root;
  }

  /**
   * Keyboard: Enter checks, Esc cancels, Ctrl+L focuses the domain, Ctrl+C copies evidence, Ctrl+E
   * opens Export; the screens and Settings have theirs in the menus.
   */
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
    scene
        .getAccelerators()
        .put(
            EXPORT,
            () -> {
              if (!export.isDisabled()) {
                export.show();
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
    show(Screen.EDITOR);
  }

  public void focusDomain() {
    domainField.requestFocus();
    domainField.getEditor().selectAll();
  }

  private void show(Screen screen) {
    screenButtons.get(screen).setSelected(true);
  }

  private Screen shown() {
    return screenButtons.entrySet().stream()
        .filter(e -> e.getValue().isSelected())
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(Screen.WALKTHROUGH);
  }

  private ToggleButton screenButton(Screen screen) {
    ToggleButton button =
        new ToggleButton(
            screen.text,
            switch (screen) {
              case WALKTHROUGH -> Icons.walkthrough();
              case EDITOR -> Icons.editor();
              case LAB -> Icons.lab();
              case LEARN -> Icons.learn();
              case REPORTS -> new FontIcon(MaterialDesignC.CHART_BAR);
              case DOMAINS -> new FontIcon(MaterialDesignF.FORMAT_LIST_CHECKS);
            });
    button.setId(screen.name().toLowerCase(Locale.ROOT));
    button.setMnemonicParsing(true);
    button.setToggleGroup(screens);
    button.setTooltip(new Tooltip(screen.purpose + " (" + shortcuts(screen) + ")"));
    button.setMinWidth(Region.USE_PREF_SIZE);
    return button;
  }

  /** "Ctrl+3, Alt+L": what the tooltip of a screen's button says. */
  private static String shortcuts(Screen screen) {
    int mnemonic = screen.text.indexOf('_');
    return screen.accelerator.getDisplayText()
        + ", Alt+"
        + Character.toUpperCase(screen.text.charAt(mnemonic + 1));
  }

  /**
   * The menus, and the screens at the right of the same row, as tabs: the toolbar below keeps its
   * width for the domain and the commands down to a 1024-pixel window.
   */
  private HBox menuRow(Runnable openSettings) {
    MenuBar menus = menuBar(openSettings);
    HBox.setHgrow(menus, Priority.ALWAYS);
    HBox screenTabs = new HBox(4);
    screenTabs.getChildren().addAll(screenButtons.values());
    screenTabs.setAlignment(Pos.CENTER_RIGHT);
    screenTabs.setId("screens");
    HBox row = new HBox(menus, screenTabs);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setId("menu-row");
    return row;
  }

  /** The application's menus: what the toolbar offers, with every shortcut written beside it. */
  private MenuBar menuBar(Runnable openSettings) {
    Menu exportAs = new Menu("_Export report");
    exportAs.disableProperty().bind(vm.reportProperty().isNull());
    for (ReportFormat format : ReportExport.offered()) {
      MenuItem item = new MenuItem("As " + ReportExport.label(format) + " …");
      item.setMnemonicParsing(false);
      item.setId("menu-export-" + ReportExport.extension(format));
      item.setOnAction(e -> exporter.export(format));
      exportAs.getItems().add(item);
    }
    MenuItem settings = new MenuItem("_Settings …");
    settings.setId("menu-settings");
    settings.setAccelerator(SETTINGS);
    settings.setOnAction(e -> openSettings.run());
    MenuItem quit = new MenuItem("_Quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(e -> root.getScene().getWindow().hide());
    MenuItem openReports = new MenuItem("Open _reports …");
    openReports.setId("menu-open-reports");
    openReports.setAccelerator(OPEN_REPORTS);
    openReports.setOnAction(
        e -> {
          show(Screen.REPORTS);
          views.chooseReports();
        });
    Menu file =
        new Menu("_File", null, openReports, exportAs, settings, new SeparatorMenuItem(), quit);
    file.setId("menu-file");

    Menu view = new Menu("_View");
    view.setId("menu-view");
    for (Screen screen : Screen.values()) {
      MenuItem item = new MenuItem(screen.text);
      item.setId("menu-" + screen.name().toLowerCase(Locale.ROOT));
      item.setAccelerator(screen.accelerator);
      item.setOnAction(e -> show(screen));
      view.getItems().add(item);
    }
    MenuBar bar = new MenuBar(file, view);
    bar.setId("menu-bar");
    return bar;
  }

  /**
   * An HBox styled as a toolbar rather than a ToolBar: a ToolBar hides what does not fit behind
   * "&gt;&gt;", while here the domain field gives up its width first and every button keeps its
   * whole label.
   */
  private HBox toolbar(Runnable openSettings) {
    Label label = new Label("Domain");
    label.setLabelFor(domainField);
    label.setMinWidth(Region.USE_PREF_SIZE);
    domainField.setId("domain");
    domainField.setEditable(true);
    domainField.setPromptText("example.com");
    domainField.setPrefWidth(320);
    domainField.setMinWidth(150);
    HBox.setHgrow(domainField, Priority.SOMETIMES);
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
    check.setTooltip(new Tooltip("Check the domain (Enter)"));

    Button cancel = new Button("Cancel", Icons.stop());
    cancel.setId("cancel");
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    cancel.setTooltip(new Tooltip("Stop the check (Esc)"));

    ToggleSwitch step = new ToggleSwitch("Step by step");
    step.setId("step-by-step");
    step.selectedProperty().bindBidirectional(vm.stepByStepProperty());
    step.setTooltip(new Tooltip("Pause before each stage and explain it"));

    export.setId("export");
    export.setMnemonicParsing(true);
    export.disableProperty().bind(vm.reportProperty().isNull());
    export.setTooltip(new Tooltip("Export the report (" + EXPORT.getDisplayText() + ", Alt+X)"));
    for (ReportFormat format : ReportExport.offered()) {
      MenuItem item = new MenuItem(ReportExport.label(format) + " …");
      item.setMnemonicParsing(false);
      item.setId("export-as-" + ReportExport.extension(format));
      item.setOnAction(e -> exporter.export(format));
      export.getItems().add(item);
    }

    Button settings = new Button("_Settings", Icons.settings());
    settings.setId("settings");
    settings.setMnemonicParsing(true);
    settings.setOnAction(e -> openSettings.run());
    settings.setTooltip(new Tooltip("Settings (" + SETTINGS.getDisplayText() + ", Alt+S)"));

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(6, label, domainField, check, cancel, new Separator(Orientation.VERTICAL));
    bar.getChildren().addAll(step, spacer, export, settings);
    for (Node n : bar.getChildren()) {
      if (n instanceof Control c && n != domainField) {
        c.setMinWidth(Region.USE_PREF_SIZE); // a button gives up no width: its label stays whole
      }
    }
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setId("toolbar");
    bar.getStyleClass().add("tool-bar");
    return bar;
  }

  private Node statusBar() {
    StatusBar bar = new StatusBar();
    bar.setId("status");
    bar.textProperty().bind(vm.statusProperty());
    bar.progressProperty().bind(Bindings.when(vm.runningProperty()).then(-1.0).otherwise(0.0));
    return bar;
  }

  private void showSelected() {
    Screen screen = shown();
    if (screen == Screen.EDITOR) {
      // the editor needs the width: it replaces the stage list and content while shown
      if (editorScreen == null) {
        editorScreen = views.workbenchView();
      }
      root.setCenter(editorScreen);
      return;
    }
    if (screen == Screen.REPORTS) {
      // built on first open: charts and tables cost nothing until the user wants them
      if (reportsScreen == null) {
        reportsScreen = views.reportsView();
      }
      root.setCenter(reportsScreen);
      return;
    }
    if (screen == Screen.DOMAINS) {
      if (domainsScreen == null) {
        domainsScreen = views.domainsView();
      }
      root.setCenter(domainsScreen);
      return;
    }
    root.setCenter(walkthrough.body());
    walkthrough.showInstead(
        switch (screen) {
          case LAB -> labView();
          case LEARN ->
              views.learnView(
                  stage -> {
                    show(Screen.WALKTHROUGH);
                    vm.select(stage);
                  },
                  Optional.ofNullable(vm.reportProperty().get()).map(r -> r.domain()));
          default -> null;
        });
  }

  /**
   * Report files dropped anywhere on the window open in the Reports screen; the Reports screen and
   * the editor (a policy file) take their own drops first.
   */
  private void installReportDrop() {
    root.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    root.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          if (e.getDragboard().hasFiles()) {
            show(Screen.REPORTS);
            views.openReports(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  /** Built once: the Lab screen keeps its selection while the user goes back and forth. */
  private Node labView() {
    if (labScreen == null) {
      labScreen = views.labView(() -> show(Screen.WALKTHROUGH));
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
