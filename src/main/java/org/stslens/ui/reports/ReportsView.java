package org.stslens.ui.reports;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import org.stslens.engine.tlsrpt.reports.RetestLink;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.Icons;
import org.stslens.ui.reports.ReportsViewModel.Dimension;
import org.stslens.ui.reports.ReportsViewModel.Share;
import org.stslens.ui.stages.common.VisibleText;

/**
 * The Reports screen: the TLS-RPT reports senders mailed back, opened from files, folders or a
 * drop; sessions per day, failures by result type, MX and organisation (charts and sortable
 * tables), each result type explained, and a re-test of the domain linked to the failures.
 */
public final class ReportsView {

  private final ReportsViewModel vm;
  private final DialogService dialogs;
  private final BorderPane root = new BorderPane();
  private final CategoryAxis dayAxis = new CategoryAxis();
  private final StackedBarChart<String, Number> daysChart =
      new StackedBarChart<>(dayAxis, new NumberAxis());

  public ReportsView(ReportsViewModel vm, DialogService dialogs) {
    this.vm = vm;
    this.dialogs = dialogs;
    root.setId("reports-screen");
    root.setTop(toolbar());
    SplitPane split = new SplitPane(charts(), side());
    split.setDividerPositions(0.6);
    root.setCenter(split);
    installDrop(root);
  }

  public Parent root() {
    return root;
  }

  /** File → Open reports…: report files, mails or archives, several at once. */
  public void chooseFile() {
    List<Path> chosen =
        dialogs.showOpenMultipleDialog(
            new DialogService.FileDialog(
                "Open TLS-RPT reports",
                "",
                List.of(
                    DialogService.Filter.of(
                        "TLS-RPT reports (*.json, *.gz, *.eml, *.mbox, *.zip)",
                        "*.json",
                        "*.gz",
                        "*.eml",
                        "*.mbox",
                        "*.zip"),
                    DialogService.Filter.of("All files", "*"))));
    vm.open(chosen);
  }

  /** Forget stored reports: asks first, then removes them from the history file. */
  public void forgetStored() {
    if (dialogs.confirm(
        "Forget stored reports",
        "Forget every stored TLS-RPT report?",
        "The reports are removed from the history file and from this screen; the report files"
            + " themselves stay where they are and can be opened again. Stored checks are kept.",
        "Forget")) {
      vm.forgetStored();
    }
  }

  /** A folder of reports, read recursively. */
  public void chooseFolder() {
    dialogs
        .showDirectoryDialog("Open a folder of TLS-RPT reports")
        .ifPresent(p -> vm.open(List.of(p)));
  }

  /** Files or folders dropped onto the window. */
  public void open(List<Path> paths) {
    vm.open(paths);
  }

  // ---- the parts ----

  private Node toolbar() {
    Button openFile = new Button("Open reports …", Icons.open());
    openFile.setId("reports-open");
    openFile.setOnAction(e -> chooseFile());
    openFile.setTooltip(
        new Tooltip("A report: .json, .json.gz, .eml, .mbox or .zip (or drop files here)"));
    Button openFolder = new Button("Open folder …");
    openFolder.setId("reports-open-folder");
    openFolder.setOnAction(e -> chooseFolder());
    openFile.disableProperty().bind(vm.importingProperty());
    openFolder.disableProperty().bind(vm.importingProperty());
    Button forget = new Button("Forget …");
    forget.setId("reports-forget");
    forget.setTooltip(
        new Tooltip(
            "Remove the stored reports from the history file (the files stay where they are)"));
    forget.setOnAction(e -> forgetStored());
    forget.disableProperty().bind(vm.importingProperty());
    forget.setVisible(vm.storesReports());
    forget.setManaged(vm.storesReports());
    Button cancel = new Button("Cancel", Icons.stop());
    cancel.setId("reports-cancel");
    cancel.setOnAction(
        e -> {
          vm.cancelImport();
          vm.cancelRetest();
        });
    cancel.disableProperty().bind(vm.importingProperty().not().and(vm.retestingProperty().not()));
    ProgressBar progress = new ProgressBar();
    progress.setId("reports-progress");
    progress.setPrefWidth(110);
    progress.visibleProperty().bind(vm.importingProperty().or(vm.retestingProperty()));
    // takes room only while it shows: the toolbar must fit a 1024-pixel window with the app's CSS
    progress.managedProperty().bind(progress.visibleProperty());
    progress
        .progressProperty()
        .bind(Bindings.when(vm.retestingProperty()).then(-1.0).otherwise(vm.progressProperty()));

    Label domainLabel = new Label("Reports for");
    ComboBox<String> domain = new ComboBox<>(vm.domains());
    domain.setId("reports-domain");
    domain.setPrefWidth(240);
    domain.setMinWidth(120);
    domain.valueProperty().bindBidirectional(vm.domainProperty());
    // report files are written by senders: their text is shown with every control made visible
    domain.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String name) {
            return name == null ? "" : VisibleText.line(name);
          }

          @Override
          public String fromString(String text) {
            return text;
          }
        });
    domainLabel.setLabelFor(domain);
    Button retest = new Button("Re-test now", Icons.play());
    retest.setId("reports-retest");
    retest.setTooltip(
        new Tooltip(
            "Check the domain now and say, for each failure, whether its cause is still there"));
    retest.disableProperty().bind(vm.domainProperty().isNull().or(vm.retestingProperty()));
    retest.setOnAction(e -> vm.retest());
    for (Region r : List.of(openFile, openFolder, forget, cancel, domainLabel, retest)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar =
        new HBox(
            6,
            openFile,
            openFolder,
            forget,
            cancel,
            progress,
            new Separator(Orientation.VERTICAL),
            domainLabel,
            domain,
            retest);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("tool-bar");
    Label status = new Label();
    status.setId("reports-status");
    status.textProperty().bind(vm.statusProperty());
    status.setWrapText(true);
    status.getStyleClass().add("muted");
    // the history file's problem: the reports are shown all the same, only not kept
    Label storeProblem = new Label();
    storeProblem.setId("reports-store-problem");
    storeProblem.textProperty().bind(vm.storeProblemProperty());
    storeProblem.getStyleClass().add("store-problem");
    storeProblem.setWrapText(true);
    storeProblem.visibleProperty().bind(vm.storeProblemProperty().isNotEmpty());
    storeProblem.managedProperty().bind(storeProblem.visibleProperty());
    VBox top = new VBox(4, bar, status, storeProblem);
    top.setPadding(new Insets(0, 8, 4, 8));
    return top;
  }

  private Node charts() {
    daysChart.setId("reports-days");
    daysChart.setTitle("Sessions per day (UTC)");
    daysChart.setAnimated(false);
    daysChart.setLegendSide(Side.RIGHT);
    daysChart.setMinHeight(100);
    dayAxis.setAnimated(false);
    vm.days().addListener((ListChangeListener<ReportSummary.Day>) c -> showDays());
    showDays();

    TabPane breakdowns = new TabPane();
    breakdowns.setId("reports-breakdowns");
    breakdowns.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    for (Dimension d : Dimension.values()) {
      Tab tab = new Tab(tabTitle(d), breakdown(d));
      tab.setId("reports-tab-" + d.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      breakdowns.getTabs().add(tab);
    }
    // a split rather than a box: both give up height on a small window instead of running off it
    breakdowns.setMinHeight(100);
    SplitPane box = new SplitPane(daysChart, breakdowns);
    box.setOrientation(Orientation.VERTICAL);
    box.setDividerPositions(0.45);
    return box;
  }

  private static String tabTitle(Dimension d) {
    return switch (d) {
      case RESULT_TYPE -> "By result type";
      case MX -> "By receiving MX";
      case ORGANIZATION -> "By organisation";
    };
  }

  /** The failed sessions of one breakdown: a sortable table, Copy, and a bar chart beside it. */
  private Node breakdown(Dimension dimension) {
    String id = dimension.name().toLowerCase(Locale.ROOT).replace('_', '-');
    TableView<Share> table = new TableView<>(vm.breakdown(dimension));
    table.setId("reports-table-" + id);
    TableColumn<Share, String> key = new TableColumn<>(dimension.title());
    key.setCellValueFactory(
        c -> new javafx.beans.property.SimpleStringProperty(VisibleText.line(c.getValue().key())));
    key.setMinWidth(175);
    TableColumn<Share, Number> sessions = new TableColumn<>("Failed");
    sessions.setMinWidth(80);
    sessions.setCellValueFactory(
        c -> new javafx.beans.property.SimpleLongProperty(c.getValue().sessions()));
    TableColumn<Share, String> share = new TableColumn<>("Share");
    share.setMinWidth(70);
    share.setCellValueFactory(
        c ->
            new javafx.beans.property.SimpleStringProperty(
                String.format(Locale.ROOT, "%.1f %%", c.getValue().percent())));
    share.setComparator(
        (a, b) ->
            Double.compare(
                Double.parseDouble(a.replace(" %", "")), Double.parseDouble(b.replace(" %", ""))));
    table.getColumns().add(key);
    table.getColumns().add(sessions);
    table.getColumns().add(share);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(new Label("No failures reported."));
    if (dimension == Dimension.RESULT_TYPE) {
      table
          .getSelectionModel()
          .selectedItemProperty()
          .addListener(
              (o, was, now) -> {
                if (now != null) {
                  vm.selectedTypeProperty().set(now.key());
                }
              });
    }
    Button copy = new Button("Copy table", Icons.copy());
    copy.setId("reports-copy-" + id);
    copy.setMinWidth(Region.USE_PREF_SIZE);
    copy.setOnAction(
        e -> {
          ClipboardContent clip = new ClipboardContent();
          clip.putString(vm.tableText(dimension));
          Clipboard.getSystemClipboard().setContent(clip);
        });
    table.setMinHeight(40);
    VBox left = new VBox(4, table, copy);
    left.setMinHeight(0);
    left.setPadding(new Insets(4));
    VBox.setVgrow(table, Priority.ALWAYS);

    CategoryAxis keys = new CategoryAxis();
    keys.setAnimated(false);
    BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), keys);
    chart.setId("reports-chart-" + id);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setMinWidth(120);
    table.setMinWidth(335); // the three columns whole: the chart gives up its width first
    XYChart.Series<Number, String> series = new XYChart.Series<>();
    series.setName("Failed sessions");
    chart.getData().add(series);
    Runnable fill =
        () -> {
          // the largest at the top: a category axis draws its first category at the bottom
          List<Share> rows = List.copyOf(vm.breakdown(dimension));
          List<String> names =
              new java.util.ArrayList<>(
                  rows.stream().map(r -> VisibleText.line(r.key())).distinct().toList());
          java.util.Collections.reverse(names);
          keys.getCategories().setAll(names);
          series
              .getData()
              .setAll(
                  rows.stream()
                      .map(
                          s ->
                              new XYChart.Data<Number, String>(
                                  s.sessions(), VisibleText.line(s.key())))
                      .toList());
        };
    vm.breakdown(dimension).addListener((ListChangeListener<Share>) c -> fill.run());
    fill.run();
    SplitPane both = new SplitPane(left, chart);
    both.setDividerPositions(0.6);
    return both;
  }

  private void showDays() {
    List<ReportSummary.Day> days = List.copyOf(vm.days());
    XYChart.Series<String, Number> ok = new XYChart.Series<>();
    ok.setName("Successful");
    XYChart.Series<String, Number> failed = new XYChart.Series<>();
    failed.setName("Failed");
    for (ReportSummary.Day day : days) {
      ok.getData().add(new XYChart.Data<>(day.date().toString(), day.successful()));
      failed.getData().add(new XYChart.Data<>(day.date().toString(), day.failed()));
    }
    // a stacked chart keeps stale categories unless they are set before the data
    dayAxis.getCategories().setAll(days.stream().map(d -> d.date().toString()).toList());
    daysChart.getData().setAll(List.of(ok, failed));
  }

  /** The result type explained, today's check against it, the skipped files and the notes. */
  private Node side() {
    VBox box = new VBox(8);
    box.setPadding(new Insets(10));
    box.setId("reports-side");
    Label title = new Label();
    title.setId("reports-type-title");
    title.getStyleClass().add("section-title");
    VBox explanation = new VBox(6);
    explanation.setId("reports-explanation");
    Runnable explain =
        () -> {
          ReportsViewModel.Explanation x = vm.explanationProperty().get();
          if (x == null) {
            title.setText("Result types");
            explanation
                .getChildren()
                .setAll(
                    paragraph(
                        "Open the reports senders mailed to your rua address. Select a result"
                            + " type to read what it means, then Re-test now to see whether its"
                            + " cause is still there."));
            return;
          }
          title.setText(VisibleText.line(x.type()));
          explanation
              .getChildren()
              .setAll(heading("What the sender saw"), paragraph(x.senderSaw()));
          explanation.getChildren().addAll(heading("Usual causes"), paragraph(x.causes()));
          if (!x.fix().isEmpty()) {
            explanation.getChildren().addAll(heading("How to fix it"), paragraph(x.fix()));
          }
          explanation
              .getChildren()
              .addAll(heading("STS Lens findings that produce it"), paragraph(x.codes()));
          if (!x.today().isEmpty()) {
            Label today = heading("Today's check");
            explanation.getChildren().add(today);
            for (String line : x.today()) {
              Label l = paragraph(line);
              l.getStyleClass().add("retest-link");
              explanation.getChildren().add(l);
            }
          }
        };
    vm.explanationProperty().addListener((o, was, now) -> explain.run());
    explain.run();

    ListView<RetestLink> links = new ListView<>(vm.links());
    links.setId("reports-links");
    links.setPrefHeight(120);
    links.setPlaceholder(new Label("Re-test now to compare the reports with today's check."));
    links.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(RetestLink item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("retest-still", "retest-gone");
                if (empty || item == null) {
                  setText(null);
                  return;
                }
                setText(VisibleText.line(item.words()));
                if (item.outcome() == RetestLink.Outcome.STILL_SEEN) {
                  getStyleClass().add("retest-still");
                } else if (item.outcome() == RetestLink.Outcome.NOT_SEEN) {
                  getStyleClass().add("retest-gone");
                }
              }
            });
    links.setPrefWidth(120);
    TitledPane retest = new TitledPane("Today's check, failure by failure", links);
    retest.setMinWidth(0);
    retest.setId("reports-retest-pane");

    ListView<ImportResult.Skipped> skipped = new ListView<>(vm.skipped());
    skipped.setId("reports-skipped");
    skipped.setPrefHeight(110);
    skipped.setPrefWidth(120);
    skipped.setPlaceholder(new Label("Every file was read."));
    skipped.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(ImportResult.Skipped item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                    empty || item == null
                        ? null
                        : VisibleText.line(item.file()) + ": " + VisibleText.line(item.reason()));
              }
            });
    TitledPane skippedPane = new TitledPane("", skipped);
    skippedPane
        .textProperty()
        .bind(Bindings.concat("Skipped files (", Bindings.size(vm.skipped()), ")"));
    skippedPane.setId("reports-skipped-pane");
    skippedPane.setMinWidth(0);

    ListView<String> notes = new ListView<>(vm.notes());
    notes.setId("reports-notes");
    notes.setPrefHeight(110);
    notes.setPrefWidth(120);
    notes.setPlaceholder(new Label("Nothing to note."));
    notes.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : VisibleText.line(item));
              }
            });
    TitledPane notesPane = new TitledPane("", notes);
    notesPane.textProperty().bind(Bindings.concat("Notes (", Bindings.size(vm.notes()), ")"));
    notesPane.setId("reports-notes-pane");
    notesPane.setMinWidth(0);
    notesPane.setExpanded(false);

    box.getChildren().addAll(title, explanation, retest, skippedPane, notesPane);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setMinWidth(260);
    return scroll;
  }

  private void installDrop(Node target) {
    target.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    target.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
          if (!files.isEmpty()) {
            vm.open(files.stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.setStyle("-fx-font-weight: bold;");
    return label;
  }

  private static Label paragraph(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add("explanation");
    return label;
  }
}
