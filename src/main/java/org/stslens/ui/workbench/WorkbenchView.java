package org.stslens.ui.workbench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.stslens.engine.export.Visible;
import org.stslens.engine.io.BoundedFile;
import org.stslens.ui.common.Icons;
import org.stslens.ui.workbench.publish.PublishingKitPane;
import org.stslens.workbench.draft.Draft;
import org.stslens.workbench.draft.Templates;
import org.stslens.workbench.edit.DraftText;
import org.stslens.workbench.publish.KitExporter;
import org.stslens.workbench.publish.PolicyFileBytes;
import org.stslens.workbench.publish.PublishingKit;

/**
 * The policy workbench screen: drafts, the editor with its findings, the draft tried against the MX
 * hosts, and the publishing kit. Files are read and written off the FX thread.
 */
public final class WorkbenchView {

  /** Larger files are not opened: a policy is a few hundred bytes and senders stop at 64 KiB. */
  static final int MAX_OPEN_BYTES = 1 << 20;

  private final WorkbenchViewModel vm;
  private final Executor background;
  private final PolicyEditor editor;
  private final ProblemsPane problems;
  private final TryAgainstMxPane trial;
  private final StackPane publish = new StackPane();
  private final Tab publishTab = new Tab("Publish");
  private PublishingKitPane kitPane;
  private final javafx.animation.PauseTransition kitDelay =
      new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
  private final TextArea invisibles = new TextArea();
  private final Label notes = new Label();
  private final Label status = new Label();
  private final BorderPane root = new BorderPane();

  /**
   * @param probe checks a domain again in the walkthrough (for "Probe MX hosts")
   */
  public WorkbenchView(WorkbenchViewModel vm, Executor background, Consumer<String> probe) {
    this.vm = vm;
    this.background = background;
    this.editor = new PolicyEditor(vm::edited, vm::mxHosts);
    this.problems = new ProblemsPane(editor::reveal, editor::apply, vm::mxHosts);
    this.trial =
        new TryAgainstMxPane(
            () -> {
              String d = vm.domainProperty().get().strip();
              if (d.isEmpty()) {
                vm.statusProperty().set("Enter the policy domain above the editor first.");
              } else {
                probe.accept(d);
              }
            });
    // drafts are read when the editor is first shown, not at start-up
    vm.restore();
    vm.ensureDraft();
    kitDelay.setOnFinished(e -> refreshKit());
    root.setId("workbench");
    root.setTop(toolbar());
    root.setCenter(center());
    vm.analysisProperty().addListener((o, was, now) -> analysed());
    vm.evaluationProperty().addListener((o, was, now) -> evaluated());
    vm.loadProperty().addListener((o, was, now) -> load(now.text()));
    notes.textProperty().bind(vm.notesProperty());
    status.textProperty().bind(vm.statusProperty());
    if (vm.loadProperty().get() != null) {
      load(vm.loadProperty().get().text());
    }
    analysed();
    evaluated();
  }

  public Node root() {
    return root;
  }

  /** Another draft's text: its analysis came first and is painted once the text is in. */
  private void load(String text) {
    editor.load(text);
    editor.show(vm.analysisProperty().get());
  }

  private ToolBar toolbar() {
    MenuButton create = new MenuButton("New", Icons.newDraft());
    create.setId("new-draft");
    for (Templates t : Templates.values()) {
      MenuItem item = new MenuItem(t.title());
      item.setOnAction(e -> vm.newFromTemplate(t));
      create.getItems().add(item);
    }
    Button open = new Button("Open…", Icons.open());
    open.setId("open-file");
    open.setOnAction(e -> chooseFile());
    Button save = new Button("Save as…", Icons.save());
    save.setId("save-file");
    save.setOnAction(e -> saveAs());
    Button undo = new Button("", Icons.undo());
    undo.setId("undo");
    undo.setAccessibleText("Undo");
    undo.setTooltip(new javafx.scene.control.Tooltip("Undo (Ctrl+Z)"));
    undo.setOnAction(e -> editor.area().undo());
    undo.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> !editor.area().isUndoAvailable(), editor.area().undoAvailableProperty()));
    Button redo = new Button("", Icons.redo());
    redo.setId("redo");
    redo.setAccessibleText("Redo");
    redo.setTooltip(new javafx.scene.control.Tooltip("Redo (Ctrl+Y)"));
    redo.setOnAction(e -> editor.area().redo());
    redo.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> !editor.area().isRedoAvailable(), editor.area().redoAvailableProperty()));

    ComboBox<Draft> drafts = new ComboBox<>(vm.drafts());
    drafts.setId("drafts");
    drafts.setPrefWidth(260);
    drafts.setCellFactory(l -> draftCell());
    drafts.setButtonCell(draftCell());
    drafts.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Draft d) {
            return d == null ? "" : d.name();
          }

          @Override
          public Draft fromString(String s) {
            return null;
          }
        });
    drafts
        .valueProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.select(now);
              }
            });
    vm.currentProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && drafts.getValue() != now) {
                drafts.setValue(now);
              }
            });
    if (vm.currentProperty().get() != null) {
      drafts.setValue(vm.currentProperty().get());
    }
    Label draftsLabel = new Label("Draft");
    draftsLabel.setLabelFor(drafts);
    Button rename = new Button("Rename…");
    rename.setOnAction(e -> rename());
    Button delete = new Button("", Icons.delete());
    delete.setAccessibleText("Delete draft");
    delete.setTooltip(new javafx.scene.control.Tooltip("Delete this draft"));
    delete.setOnAction(e -> vm.deleteCurrent());

    return new ToolBar(
        create,
        open,
        save,
        new Separator(),
        undo,
        redo,
        new Separator(),
        draftsLabel,
        drafts,
        rename,
        delete);
  }

  /** The draft's domain (for the trial and the kit) and the invisibles switch, above the text. */
  private Node editorHeader() {
    TextField domain = new TextField();
    domain.setId("draft-domain");
    domain.setPromptText("example.com");
    domain.setPrefColumnCount(18);
    domain.textProperty().bindBidirectional(vm.domainProperty());
    Label domainLabel = new Label("Policy domain");
    domainLabel.setLabelFor(domain);
    ToggleButton showInvisibles = new ToggleButton("Show invisibles");
    showInvisibles.setId("show-invisibles");
    showInvisibles.setTooltip(
        new javafx.scene.control.Tooltip(
            "Show line endings, tabs and a BOM as senders would read them"));
    invisibles.visibleProperty().bind(showInvisibles.selectedProperty());
    showInvisibles
        .selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                showInvisibles();
              }
            });
    invisibles.managedProperty().bind(invisibles.visibleProperty());
    javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
    javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
    javafx.scene.layout.HBox row =
        new javafx.scene.layout.HBox(8, domainLabel, domain, spacer, showInvisibles);
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return row;
  }

  private static ListCell<Draft> draftCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(Draft d, boolean empty) {
        super.updateItem(d, empty);
        setText(empty || d == null ? null : d.name());
      }
    };
  }

  private Node center() {
    invisibles.setEditable(false);
    invisibles.setId("invisibles");
    invisibles.getStyleClass().add("mono");
    invisibles.setPrefRowCount(6);
    notes.setWrapText(true);
    notes.setId("draft-notes");
    notes.getStyleClass().add("explanation");
    notes.managedProperty().bind(notes.textProperty().isNotEmpty());
    Label hint =
        new Label(
            "Ctrl+Space completes · Ctrl+1 or Alt+Enter shows quick fixes · hover an underline for the finding");
    hint.getStyleClass().add("explanation");
    status.setWrapText(true);
    status.setId("workbench-status");
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    VBox left = new VBox(6, editorHeader(), notes, editor.node(), invisibles, hint, status);
    VBox.setVgrow(editor.node(), Priority.ALWAYS);
    left.setPadding(new Insets(8));
    installDrop(left);

    Tab problemsTab = new Tab("Problems", problems.node());
    problemsTab.setId("problems-tab");
    Tab tryTab = new Tab("Try against MX", trial.node());
    tryTab.setId("try-tab");
    publishTab.setId("publish-tab");
    publishTab.setContent(publish);
    TabPane tabs = new TabPane(problemsTab, tryTab, publishTab);
    tabs.setId("workbench-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    publishTab.selectedProperty().addListener((o, was, now) -> refreshKit());
    vm.domainProperty().addListener((o, was, now) -> scheduleKit());
    SplitPane split = new SplitPane(left, tabs);
    split.setDividerPositions(0.5);
    return split;
  }

  private void analysed() {
    var analysis = vm.analysisProperty().get();
    editor.show(analysis);
    problems.show(analysis);
    if (invisibles.isVisible()) {
      showInvisibles();
    }
    scheduleKit();
  }

  /** The kit is rebuilt once typing (in the text or the domain) pauses, not on every key. */
  private void scheduleKit() {
    if (publishTab.isSelected()) {
      kitDelay.playFromStart();
    }
  }

  private void showInvisibles() {
    invisibles.setText(
        Visible.of(DraftText.forParsing(vm.analysisProperty().get().text()), 20_000));
  }

  private void evaluated() {
    if (vm.evaluationProperty().get() != null) {
      trial.show(
          vm.evaluationProperty().get(),
          vm.mxHosts().isEmpty() ? null : vm.lastCheckProperty().get(),
          vm.domainProperty().get());
    }
  }

  /** The kit is built only while its tab is shown: it carries a fresh id and many snippets. */
  private void refreshKit() {
    if (!publishTab.isSelected()) {
      return;
    }
    PublishingKit kit = vm.kit().orElse(null);
    if (kit == null) {
      Label missing =
          new Label(
              vm.domainProblem()
                  .map(p -> p + " Correct the policy domain above the editor to build the kit.")
                  .orElse(
                      "Enter the policy domain above the editor to build the TXT record, the file"
                          + " and the web server snippets."));
      missing.setWrapText(true);
      missing.setPadding(new Insets(16));
      publish.getChildren().setAll(missing);
      return;
    }
    double scrolled = kitPane == null ? 0 : kitPane.getVvalue();
    PublishingKitPane pane = new PublishingKitPane(kit, this::export);
    pane.setVvalue(scrolled); // the reader keeps their place while the draft changes
    pane.setId("kit-pane");
    kitPane = pane;
    VBox.setVgrow(pane, Priority.ALWAYS);
    VBox box = new VBox(pane);
    var analysis = vm.analysisProperty().get();
    if (!analysis.valid()) {
      long errors = analysis.diagnostics().stream().filter(d -> d.finding().isError()).count();
      Label warning =
          new Label(
              "This draft is not a valid policy yet: senders would ignore it. Fix the "
                  + errors
                  + " error"
                  + (errors == 1 ? "" : "s")
                  + " listed under Problems before publishing anything.");
      warning.setId("kit-invalid-warning");
      warning.setWrapText(true);
      warning.setMaxWidth(Double.MAX_VALUE);
      warning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      warning.getStyleClass().addAll("verdict-banner", "verdict-bad");
      VBox.setMargin(warning, new Insets(8, 8, 0, 8));
      box.getChildren().add(0, warning);
    }
    publish.getChildren().setAll(box);
  }

  private void export(PublishingKit kit) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Export the publishing kit to a folder");
    File folder = chooser.showDialog(window());
    if (folder == null) {
      return;
    }
    background.execute(
        () -> {
          String message;
          try {
            Path written = new KitExporter().export(kit, folder.toPath());
            message = "Exported to " + written;
          } catch (IOException | RuntimeException e) {
            message = "Export failed: " + e.getMessage();
          }
          String m = message;
          Platform.runLater(
              () -> {
                if (kitPane != null) {
                  kitPane.showExportStatus(m);
                }
              });
        });
  }

  private void chooseFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a policy file");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Policy files (*.txt)", "*.txt"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File file = chooser.showOpenDialog(window());
    if (file != null) {
      openFile(file.toPath());
    }
  }

  /** Reads a policy file in the background; refuses huge and binary files with a reason. */
  void openFile(Path file) {
    vm.statusProperty().set("Opening " + file + " …");
    background.execute(
        () -> {
          try {
            byte[] bytes;
            try {
              bytes = BoundedFile.read(file, MAX_OPEN_BYTES);
            } catch (BoundedFile.RefusedException e) {
              report(
                  e.problem() == BoundedFile.Problem.TOO_LARGE
                      ? file.getFileName()
                          + " is larger than 1 MiB: not opened. A policy is a few hundred bytes, and senders refuse more than 64 KiB."
                      : e.getMessage() + ": not opened.");
              return;
            }
            int size = bytes.length;
            if (looksBinary(bytes)) {
              report(
                  file.getFileName()
                      + " looks like a binary file (it contains NUL or many control bytes): not opened.");
              return;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Platform.runLater(
                () -> {
                  vm.open(file.getFileName().toString(), vm.domainProperty().get(), text);
                  if (size > 65_536) {
                    vm.statusProperty()
                        .set(
                            "Opened, but the file is larger than 64 KiB: senders would refuse it (fetch.too-large).");
                  } else {
                    vm.statusProperty().set("Opened " + file);
                  }
                });
          } catch (RuntimeException e) {
            report(file + " could not be read: " + e.getMessage());
          }
        });
  }

  static boolean looksBinary(byte[] bytes) {
    int controls = 0;
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
      if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
        controls++;
      }
    }
    return bytes.length > 0 && controls * 10 > bytes.length;
  }

  private void report(String message) {
    Platform.runLater(() -> vm.statusProperty().set(message));
  }

  private void installDrop(Node target) {
    target.addEventFilter(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    target.addEventFilter(
        DragEvent.DRAG_DROPPED,
        e -> {
          List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
          if (!files.isEmpty()) {
            openFile(files.get(0).toPath());
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  private void saveAs() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the policy file");
    chooser.setInitialFileName("mta-sts.txt");
    File file = chooser.showSaveDialog(window());
    if (file == null) {
      return;
    }
    String text = vm.analysisProperty().get().text();
    background.execute(
        () -> {
          byte[] bytes = PolicyFileBytes.of(text);
          try {
            Files.write(file.toPath(), bytes);
            report(
                "Saved "
                    + bytes.length
                    + " bytes to "
                    + file
                    + " (UTF-8, CRLF line endings, no BOM, final newline).");
          } catch (IOException | RuntimeException e) {
            report(file + " could not be written: " + e.getMessage());
          }
        });
  }

  private void rename() {
    Draft current = vm.currentProperty().get();
    if (current == null) {
      return;
    }
    TextInputDialog dialog = new TextInputDialog(current.name());
    dialog.initOwner(window());
    dialog.setTitle("Rename draft");
    dialog.setHeaderText("A name for this draft");
    dialog.showAndWait().ifPresent(vm::rename);
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  /** For tests: the code area's editor component. */
  PolicyEditor editor() {
    return editor;
  }
}
