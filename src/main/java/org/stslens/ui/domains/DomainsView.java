package org.stslens.ui.domains;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.stslens.engine.history.PolicyVersion;
import org.stslens.engine.history.StoredCheck;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.stages.common.VisibleText;

/**
 * The Domains screen: the watchlist as a sortable, filterable table, Check all with progress and
 * Cancel, and the selected domain's policy versions as senders cache them. Talks only to its {@link
 * DomainsViewModel}.
 */
public final class DomainsView {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final DomainsViewModel vm;
  private final DialogService dialogs;
  private final BorderPane root = new BorderPane();
  private final TableView<DomainRow> table = new TableView<>();
  private final TabPane tabs = new TabPane();
  private final SplitPane split = new SplitPane();
  private final CheckDiffView diffView = new CheckDiffView();

  public DomainsView(DomainsViewModel vm, DialogService dialogs) {
    this.vm = vm;
    this.dialogs = dialogs;
    root.setId("domains-screen");
    root.setTop(toolbar());
    Tab versions = new Tab("Policy versions", timeline());
    versions.setId("domains-versions-tab");
    Tab compare = new Tab("Compare checks", compare());
    compare.setId("domains-compare-tab");
    tabs.getTabs().setAll(versions, compare);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("domains-tabs");
    split.getItems().setAll(table(), tabs);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.6);
    root.setCenter(split);
    Label status = new Label();
    status.setId("domains-status");
    status.textProperty().bind(vm.statusProperty());
    status.setMinWidth(0);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bottom = new HBox(6, status, gap);
    bottom.getChildren().addAll(autoCheck());
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(4, 8, 4, 8));
    root.setBottom(bottom);
    vm.notices()
        .addListener(
            (ListChangeListener<DomainsViewModel.Notice>)
                c -> {
                  while (c.next()) {
                    c.getAddedSubList().forEach(this::notify);
                  }
                });
  }

  public Parent root() {
    return root;
  }

  private HBox toolbar() {
    TextField domain = new TextField();
    domain.setId("domains-add-field");
    domain.setPromptText("example.com");
    domain.setPrefColumnCount(16);
    Button add = new Button("Add");
    add.setId("domains-add");
    add.setOnAction(
        e -> {
          if (vm.add(domain.getText())) {
            domain.clear();
          }
        });
    domain.setOnAction(add.getOnAction());
    Button remove = new Button("Remove");
    remove.setId("domains-remove");
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(
        e -> {
          DomainRow row = table.getSelectionModel().getSelectedItem();
          if (row != null) {
            vm.remove(row.domain());
          }
        });
    Button importList = new Button("Import …");
    importList.setId("domains-import");
    importList.setTooltip(new Tooltip("A text file (one domain per line, # comments) or a CSV"));
    importList.setOnAction(
        e ->
            dialogs
                .showOpenDialog(
                    new DialogService.FileDialog(
                        "Import domains",
                        "",
                        List.of(
                            DialogService.Filter.of(
                                "Domain lists (*.txt, *.csv)", "*.txt", "*.csv"),
                            DialogService.Filter.of("All files", "*"))))
                .ifPresent(vm::importFile));
    Button export = new Button("Export …");
    export.setId("domains-export");
    export.setOnAction(
        e ->
            dialogs
                .showSaveDialog(
                    new DialogService.FileDialog(
                        "Export domains",
                        "domains.txt",
                        List.of(DialogService.Filter.of("Domain list (*.txt)", "*.txt"))))
                .ifPresent(vm::exportFile));
    TextField filter = new TextField();
    filter.setId("domains-filter");
    filter.setPromptText("Filter");
    filter.setPrefColumnCount(12);
    filter.textProperty().bindBidirectional(vm.filterProperty());
    Button checkAll = new Button("Check all");
    checkAll.setId("domains-check-all");
    checkAll.setDefaultButton(false);
    checkAll.disableProperty().bind(vm.runningProperty());
    checkAll.setTooltip(
        new Tooltip(
            "Check every domain, " + DomainsViewModel.PARALLEL + " at once; each check is saved"));
    checkAll.setOnAction(e -> vm.checkAll());
    Button cancel = new Button("Cancel");
    cancel.setId("domains-cancel");
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setId("domains-progress");
    progress.progressProperty().bind(vm.progressProperty());
    progress.visibleProperty().bind(vm.runningProperty());
    progress.setPrefWidth(120);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar =
        new HBox(
            6, domain, add, remove, importList, export, spacer, filter, checkAll, cancel, progress);
    for (var n : bar.getChildren()) {
      if (n instanceof Button b) {
        b.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("tool-bar");
    bar.setId("domains-toolbar");
    return bar;
  }

  private TableView<DomainRow> table() {
    table.setId("domains-table");
    table.setPlaceholder(new Label("No domains yet: add one, or import a list."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    TableColumn<DomainRow, String> domain = column("Domain", 170, r -> r.domain());
    TableColumn<DomainRow, String> verdict =
        column(
            "Last verdict",
            160,
            r ->
                r.problem().isPresent()
                    ? "Check failed"
                    : r.verdict()
                        .map(v -> DomainVerdict.byWord(v).map(DomainVerdict::phrase).orElse(v))
                        .orElse("Not checked"));
    verdict.setCellFactory(c -> new VerdictCell());
    verdict.setMinWidth(120);
    TableColumn<DomainRow, String> when =
        column("Last checked", 130, r -> r.checkedAt().map(WHEN::format).orElse(""));
    TableColumn<DomainRow, Long> expiry = new TableColumn<>("Expiry (days)");
    expiry.setPrefWidth(100);
    expiry.setCellValueFactory(
        c ->
            new ReadOnlyObjectWrapper<>(
                c.getValue().expiryDays().isPresent()
                    ? c.getValue().expiryDays().getAsLong()
                    : null));
    expiry.setCellFactory(c -> new ExpiryCell());
    TableColumn<DomainRow, String> changes =
        column(
            "What changed",
            380,
            // the messages quote what the servers served (ids, hosts): controls shown as marks
            r ->
                VisibleText.line(
                    r.problem().map(p -> "Check failed: " + p).orElse(r.changesText())));
    table.getColumns().setAll(List.of(domain, verdict, when, expiry, changes));

    SortedList<DomainRow> sorted = new SortedList<>(vm.rows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> vm.select(now == null ? null : now.domain()));
    return table;
  }

  private static TableColumn<DomainRow, String> column(
      String title, double width, java.util.function.Function<DomainRow, String> value) {
    TableColumn<DomainRow, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
    return column;
  }

  private VBox timeline() {
    Label title = new Label("Policy versions of the selected domain, as senders cache them");
    title.getStyleClass().add("title-4");
    ListView<DomainsViewModel.TimelineEntry> list = new ListView<>(vm.timeline());
    list.setId("domains-timeline");
    list.setPlaceholder(new Label("Select a checked domain to see its stored policy versions."));
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(DomainsViewModel.TimelineEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : VisibleText.lines(describe(item)));
                setWrapText(true);
                setPrefWidth(0); // wrap at the list's width instead of scrolling sideways
              }
            });
    VBox.setVgrow(list, Priority.ALWAYS);
    VBox box = new VBox(4, title, list);
    box.setPadding(new Insets(6, 8, 6, 8));
    return box;
  }

  /** "Check all every [N] hours", and when the next one runs. */
  private List<javafx.scene.Node> autoCheck() {
    CheckBox every = new CheckBox("Check all every");
    every.setId("domains-autocheck");
    every.setMnemonicParsing(false);
    every.selectedProperty().bindBidirectional(vm.autoCheckProperty());
    every.setTooltip(new Tooltip("Runs Check all on a timer while STS Lens is open"));
    Spinner<Integer> hours =
        new Spinner<>(
            DomainsViewModel.MIN_AUTO_HOURS,
            DomainsViewModel.MAX_AUTO_HOURS,
            vm.autoCheckHoursProperty().get());
    hours.setId("domains-autocheck-hours");
    hours.setEditable(true);
    hours.setPrefWidth(80);
    hours.setMinWidth(Region.USE_PREF_SIZE);
    hours.valueProperty().addListener((o, was, now) -> vm.autoCheckHoursProperty().set(now));
    vm.autoCheckHoursProperty()
        .addListener((o, was, now) -> hours.getValueFactory().setValue(now.intValue()));
    Label unit = new Label("hours");
    unit.setLabelFor(hours);
    unit.setMinWidth(Region.USE_PREF_SIZE);
    Label next = new Label();
    next.setId("domains-next-check");
    next.textProperty().bind(vm.nextCheckTextProperty());
    next.setMinWidth(Region.USE_PREF_SIZE);
    every.setMinWidth(Region.USE_PREF_SIZE);
    return List.of(every, hours, unit, next);
  }

  /**
   * The selected domain's stored checks (newest first; the last two picked) and their comparison,
   * older left and newer right. Compare reads the stored reports off the FX thread.
   */
  private SplitPane compare() {
    ListView<StoredCheck> checks = new ListView<>(vm.pastChecks());
    checks.setId("domains-past-checks");
    checks.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    checks.setPlaceholder(new Label("Select a checked domain to see its stored checks."));
    checks.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(StoredCheck item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : pastCheck(item));
                setWrapText(true);
                setPrefWidth(0); // wrap at the list's width instead of scrolling sideways
              }
            });
    vm.pastChecks()
        .addListener(
            (ListChangeListener<StoredCheck>)
                c -> {
                  checks.getSelectionModel().clearSelection();
                  if (vm.pastChecks().size() >= 2) {
                    checks.getSelectionModel().selectIndices(0, 1);
                  }
                });
    Button compare = new Button("Compare");
    compare.setId("domains-compare");
    compare.setTooltip(new Tooltip("Compare the two checks picked (Ctrl+click or Shift+arrows)"));
    compare
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.size(checks.getSelectionModel().getSelectedItems())
                .isNotEqualTo(2));
    compare.setOnAction(
        e -> {
          List<StoredCheck> picked = List.copyOf(checks.getSelectionModel().getSelectedItems());
          if (picked.size() == 2) {
            vm.compare(picked.get(0), picked.get(1));
          }
        });
    compare.setMinWidth(Region.USE_PREF_SIZE);
    Label hint = new Label("Pick two checks:");
    hint.setLabelFor(checks);
    VBox.setVgrow(checks, Priority.ALWAYS);
    VBox left = new VBox(4, hint, checks, compare);
    left.setPadding(new Insets(4));
    left.setMinWidth(180);
    vm.diffProperty()
        .addListener(
            (o, was, now) -> {
              diffView.show(now);
              if (now != null && split.getDividers().get(0).getPosition() > 0.35) {
                split.setDividerPositions(0.3); // a comparison needs the room more than the list
              }
            });
    SplitPane pane = new SplitPane(left, diffView.root());
    pane.setDividerPositions(0.26);
    return pane;
  }

  /** A stored check in one line: when, the verdict, the TXT id (server text, marked). */
  static String pastCheck(StoredCheck c) {
    var f = c.facts();
    return WHEN.format(f.checkedAt())
        + "  (#"
        + c.id()
        + ")\n"
        + DomainVerdict.byWord(f.verdict()).map(DomainVerdict::phrase).orElse(f.verdict())
        + ", id "
        + f.txtId().map(VisibleText::line).orElse("-");
  }

  /** One policy version in words: what was served when, and who applies it until when. */
  static String describe(DomainsViewModel.TimelineEntry e) {
    PolicyVersion v = e.version();
    String served =
        "Served from "
            + WHEN.format(v.firstSeen())
            + v.replacedAt().map(r -> " until " + WHEN.format(r)).orElse(" (current)");
    return "id "
        + v.id().orElse("?")
        + ", mode "
        + v.mode().word()
        + ", max_age "
        + v.maxAge()
        + " s. "
        + served
        + ". A sender that fetched it on "
        + WHEN.format(v.lastSeen())
        + " applies it until "
        + WHEN.format(v.appliesUntil(v.lastSeen()))
        + ". Now a daily refresher "
        + (e.dailySeesNewest() ? "sees" : "does not see")
        + " the newest version; an at-expiry refresher "
        + (e.atExpirySeesNewest() ? "sees" : "does not see")
        + " it.";
  }

  private void notify(DomainsViewModel.Notice notice) {
    if (root.getScene() == null || root.getScene().getWindow() == null) {
      return; // not shown: the table carries the same news
    }
    Notifications.create()
        .owner(root.getScene().getWindow())
        .title(notice.domain())
        .text(notice.text())
        .hideAfter(Duration.seconds(8))
        .showWarning();
  }

  /** The verdict coloured like the summary's banner. */
  private static final class VerdictCell extends TableCell<DomainRow, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("verdict-good", "verdict-warn", "verdict-bad");
      DomainRow row = getTableRow() == null ? null : getTableRow().getItem();
      if (empty || item == null || row == null) {
        setText(null);
        return;
      }
      setText(item);
      Optional<DomainVerdict> v = row.verdict().flatMap(DomainVerdict::byWord);
      if (row.problem().isPresent()) {
        getStyleClass().add("verdict-bad");
      } else if (v.isPresent()) {
        getStyleClass()
            .add(
                switch (v.get()) {
                  case ENFORCED, NO_MAIL -> "verdict-good";
                  case TESTING, NONE, TEMPORARILY_UNKNOWN, ENFORCED_WITH_FAILURES -> "verdict-warn";
                  case NO_POLICY, ENFORCED_UNDELIVERABLE -> "verdict-bad";
                });
      }
    }
  }

  /** Days to the nearest expiry, marked when it is near. */
  private static final class ExpiryCell extends TableCell<DomainRow, Long> {
    @Override
    protected void updateItem(Long item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("verdict-bad");
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(item < 0 ? "expired" : Long.toString(item));
      if (item <= DomainsViewModel.NEAR_EXPIRY_DAYS) {
        getStyleClass().add("verdict-bad");
      }
    }
  }
}
