package org.stslens.ui.workbench;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
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
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stslens.engine.export.Visible;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.Icons;
import org.stslens.ui.workbench.publish.PublishingKitPane;
import org.stslens.ui.workbench.publish.TlsaRecordModel;
import org.stslens.workbench.draft.Draft;
import org.stslens.workbench.draft.Templates;
import org.stslens.workbench.edit.DraftText;
import org.stslens.workbench.publish.MxCertificates;
import org.stslens.workbench.publish.PublishingKit;

/**
 * The policy workbench screen: drafts, the editor with its findings, the draft tried against the MX
 * hosts, and the publishing kit. Layout only: the view asks {@link DialogService} for paths and
 * hands them to the view model's commands, which do the file work and report in its status.
 */
public final class WorkbenchView {

  private final WorkbenchViewModel vm;
  private final DialogService dialogs;
  private final PolicyEditor editor;
  private final ProblemsPane problems;
  private final TryAgainstMxPane trial;
  private final StackPane publish = new StackPane();
  private final Tab publishTab = new Tab("Publish");
  private PublishingKitPane kitPane;
  // the kit's TLSA section keeps its certificate while the draft (and so the kit) changes
  private final TlsaRecordModel tlsa;
  private final javafx.animation.PauseTransition kitDelay =
      new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
  private final Tab sendersTab = new Tab("Senders");

  /** The senders are judged once typing pauses, off the FX thread. */
  private final javafx.animation.PauseTransition sendersDelay =
      new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));

  private final TextArea invisibles = new TextArea();
  private final Label notes = new Label();
  private final Label status = new Label();
  private final Label publishNotice = new Label();
  private final BorderPane root = new BorderPane();

  /**
   * @param probe checks a domain again in the walkthrough (for "Probe MX hosts")
   */
  public WorkbenchView(WorkbenchViewModel vm, DialogService dialogs, Consumer<String> probe) {
    this.vm = vm;
    this.dialogs = dialogs;
    this.tlsa =
        new TlsaRecordModel(
            () ->
                vm.lastCheckProperty().get() == null
                    ? java.util.List.of()
                    : MxCertificates.of(vm.lastCheckProperty().get()));
    this.editor = new PolicyEditor(vm::edited, vm::mxHosts);
    this.problems = new ProblemsPane(editor::reveal, editor::apply, vm::mxHosts);
    this.trial = new TryAgainstMxPane(() -> vm.probe(probe));
    // drafts are read when the editor is first shown, not at start-up
    vm.restore();
    vm.ensureDraft();
    kitDelay.setOnFinished(e -> refreshKit());
    sendersDelay.setOnFinished(e -> vm.judgeSenders());
    root.setId("workbench");
    root.setTop(toolbar());
    root.setCenter(center());
    vm.analysisProperty().addListener((o, was, now) -> analysed());
    vm.evaluationProperty().addListener((o, was, now) -> evaluated());
    vm.loadProperty().addListener((o, was, now) -> load(now.text()));
    notes.textProperty().bind(vm.notesProperty());
    publishNotice.textProperty().bind(vm.publishNoticeProperty());
    status.textProperty().bind(vm.statusProperty());
    vm.kitExportStatusProperty()
        .addListener(
            (o, was, now) -> {
              if (kitPane != null && !now.isEmpty()) {
                kitPane.showExportStatus(now);
              }
            });
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
    domain.setMinWidth(80);
    domain.textProperty().bindBidirectional(vm.domainProperty());
    Label domainLabel = new Label("Policy domain");
    domainLabel.setLabelFor(domain);
    domainLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field gives way
    ToggleButton showInvisibles = new ToggleButton("Show invisibles");
    showInvisibles.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
    publishNotice.setId("publish-notice");
    publishNotice.setWrapText(true);
    publishNotice.setMaxWidth(Double.MAX_VALUE);
    publishNotice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    publishNotice.getStyleClass().add("explanation");
    // the icon beside the first line, not the middle of the paragraph
    javafx.scene.layout.HBox noticeRow =
        new javafx.scene.layout.HBox(
            6, Icons.severity(org.stslens.engine.finding.Severity.INFO), publishNotice);
    noticeRow.setAlignment(javafx.geometry.Pos.TOP_LEFT);
    javafx.scene.layout.HBox.setHgrow(publishNotice, Priority.ALWAYS);
    noticeRow.visibleProperty().bind(publishNotice.textProperty().isNotEmpty());
    noticeRow.managedProperty().bind(noticeRow.visibleProperty());
    VBox left =
        new VBox(6, editorHeader(), noticeRow, notes, editor.node(), invisibles, hint, status);
    VBox.setVgrow(editor.node(), Priority.ALWAYS);
    left.setPadding(new Insets(8));
    installDrop(left);

    Tab problemsTab = new Tab("Problems", problems.node());
    problemsTab.setId("problems-tab");
    Tab tryTab = new Tab("Try against MX", trial.node());
    tryTab.setId("try-tab");
    publishTab.setId("publish-tab");
    publishTab.setContent(publish);
    sendersTab.setId("senders-tab");
    sendersTab.setContent(new DraftSendersPane(vm.senders(), vm.senderSentences()).node());
    sendersTab.selectedProperty().addListener((o, was, now) -> scheduleSenders());
    TabPane tabs = new TabPane(problemsTab, tryTab, sendersTab, publishTab);
    tabs.setId("workbench-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    publishTab.selectedProperty().addListener((o, was, now) -> refreshKit());
    vm.domainProperty().addListener((o, was, now) -> scheduleKit());
    // a stored check read later dates the kit's withdrawal plan
    vm.publishNoticeProperty().addListener((o, was, now) -> scheduleKit());
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
    scheduleSenders();
  }

  /** The senders' matrix follows the draft while its tab is shown. */
  private void scheduleSenders() {
    if (sendersTab.isSelected()) {
      sendersDelay.playFromStart();
    }
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
    scheduleSenders(); // the MX hosts of a new check are the matrix's columns
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
    PublishingKitPane pane = new PublishingKitPane(kit, this::export, tlsa, dialogs);
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
    dialogs
        .showDirectoryDialog("Export the publishing kit to a folder")
        .ifPresent(folder -> vm.exportKit(kit, folder));
  }

  private void chooseFile() {
    dialogs
        .showOpenDialog(
            new DialogService.FileDialog(
                "Open a policy file",
                "",
                List.of(
                    DialogService.Filter.of("Policy files (*.txt)", "*.txt"),
                    DialogService.Filter.of("All files", "*"))))
        .ifPresent(vm::openFile);
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
            vm.openFile(files.get(0).toPath());
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  private void saveAs() {
    dialogs
        .showSaveDialog(
            new DialogService.FileDialog("Save the policy file", "mta-sts.txt", List.of()))
        .ifPresent(vm::saveAs);
  }

  private void rename() {
    Draft current = vm.currentProperty().get();
    if (current != null) {
      dialogs
          .askForText("Rename draft", "A name for this draft", current.name())
          .ifPresent(vm::rename);
    }
  }

  /** For tests: the code area's editor component. */
  PolicyEditor editor() {
    return editor;
  }
}
