package org.stslens.ui.stages.summary;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.engine.report.StageStatus;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.summary.SendersViewModel.Cell;
import org.stslens.ui.stages.summary.SendersViewModel.Matrix;
import org.stslens.ui.stages.summary.SendersViewModel.Row;
import org.stslens.ui.stages.summary.SendersViewModel.Tone;

/**
 * The Senders matrix on screen: the disagreement banner, a table with cell selection (arrow keys
 * move between cells), what the selected cell means below it, and Copy (button or Ctrl+C). Layout
 * only: everything it shows comes from {@link SendersViewModel}.
 */
public final class SendersMatrixView {

  private static final double CELL = 30;
  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  private final SendersViewModel vm;
  private final TableView<Row> table = new TableView<>();
  private final Label banner = new Label();
  private final Label explanation = new Label();
  private final Label copied = new Label();
  private final VBox root;

  public SendersMatrixView(SendersViewModel vm) {
    this(vm, true);
  }

  /**
   * @param showBanner false where the disagreements are told otherwise (the editor's sentences)
   */
  public SendersMatrixView(SendersViewModel vm, boolean showBanner) {
    this.vm = vm;
    banner.setId("senders-banner");
    banner.setWrapText(true);
    banner.setMaxWidth(Double.MAX_VALUE);
    banner.setMinHeight(Region.USE_PREF_SIZE);
    banner.setGraphic(Icons.status(StageStatus.WARN));
    banner.getStyleClass().addAll("verdict-banner", "verdict-warn", "senders-banner");
    banner.textProperty().bind(vm.bannerProperty());
    banner
        .visibleProperty()
        .bind(
            vm.bannerProperty()
                .isNotEmpty()
                .and(new javafx.beans.property.SimpleBooleanProperty(showBanner)));
    banner.managedProperty().bind(banner.visibleProperty());

    table.setId("senders-matrix");
    table.getStyleClass().add("senders-matrix");
    table.getSelectionModel().setCellSelectionEnabled(true);
    table.setFixedCellSize(CELL);
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(new Label("No senders to show."));
    table.setAccessibleText(
        "Senders matrix: senders in rows, the policy and each MX host in columns");
    table
        .getSelectionModel()
        .getSelectedCells()
        .addListener((ListChangeListener<TablePosition>) c -> selected());
    table.setOnKeyPressed(
        e -> {
          if (COPY.match(e)) {
            copy();
            e.consume();
          }
        });

    explanation.setId("senders-explanation");
    explanation.setWrapText(true);
    explanation.setMaxWidth(Double.MAX_VALUE);
    explanation.setMinHeight(Region.USE_PREF_SIZE);
    explanation.getStyleClass().add("senders-explanation");
    explanation.textProperty().bind(vm.explanationProperty());

    Button copy = new Button("Copy the matrix", Icons.copy());
    copy.setId("senders-copy");
    copy.setTooltip(new Tooltip("Copy the matrix as text (Ctrl+C in the table)"));
    copy.setOnAction(e -> copy());
    copied.getStyleClass().add("muted");
    copied.setId("senders-copied");
    HBox bar = new HBox(8, copy, copied);
    bar.setAlignment(Pos.CENTER_LEFT);

    root = new VBox(8, banner, table, bar, explanation);
    root.setId("senders");
    vm.matrixProperty().addListener((o, was, now) -> show(now));
    show(vm.matrixProperty().get());
  }

  public Node node() {
    return root;
  }

  private void show(Matrix m) {
    table.getColumns().clear();
    TableColumn<Row, String> sender = new TableColumn<>("Sender");
    sender.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().sender()));
    sender.setCellFactory(c -> senderCell());
    sender.setPrefWidth(Math.max(150, widthOf(m.rows().stream().map(Row::sender).toList())));
    sender.setSortable(false);
    sender.setReorderable(false);
    table.getColumns().add(sender);
    for (int i = 0; i < m.columns().size(); i++) {
      int at = i;
      TableColumn<Row, Cell> column = new TableColumn<>(m.columns().get(i));
      column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().cells().get(at)));
      column.setCellFactory(c -> matrixCell());
      // headers are bold: a little wider than the cells' text
      column.setPrefWidth(Math.max(120, widthOf(java.util.List.of(m.columns().get(i))) * 1.1));
      column.setSortable(false);
      column.setReorderable(false);
      table.getColumns().add(column);
    }
    table.setItems(FXCollections.observableArrayList(m.rows()));
    // every row shown, no inner scrolling: the page scrolls
    // the header row is taller than a cell; 16 more for a horizontal scroll bar in narrow panes
    double height = CELL * m.rows().size() + 50 + 16;
    // no empty stretch to the right of the last column
    table.setMaxWidth(
        table.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() + 20);
    table.setPrefHeight(height);
    table.setMinHeight(height);
    table.setMaxHeight(height);
  }

  /** Roughly the width of the longest text, in pixels, plus room for the icon. */
  private static double widthOf(java.util.List<String> texts) {
    return texts.stream().mapToInt(String::length).max().orElse(0) * 7.0 + 36;
  }

  private void selected() {
    var cells = table.getSelectionModel().getSelectedCells();
    if (cells.isEmpty()) {
      vm.select(-1, -1);
      return;
    }
    TablePosition<?, ?> p = cells.get(0);
    vm.select(p.getRow(), table.getColumns().indexOf(p.getTableColumn()) - 1);
  }

  private void copy() {
    ClipboardContent content = new ClipboardContent();
    content.putString(vm.asText());
    Clipboard.getSystemClipboard().setContent(content);
    copied.setText("Copied.");
  }

  private static TableCell<Row, String> senderCell() {
    return new TableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        Row row = empty ? null : getTableRow().getItem();
        setTooltip(row == null ? null : new Tooltip(row.about()));
      }
    };
  }

  private static TableCell<Row, Cell> matrixCell() {
    return new TableCell<>() {
      @Override
      protected void updateItem(Cell item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeIf(s -> s.startsWith("sender-cell-"));
        if (empty || item == null) {
          setText(null);
          setGraphic(null);
          return;
        }
        setText(item.word());
        setGraphic(Icons.status(status(item.tone())));
        getStyleClass().add("sender-cell-" + item.tone().name().toLowerCase(java.util.Locale.ROOT));
      }
    };
  }

  private static StageStatus status(Tone tone) {
    return switch (tone) {
      case GOOD -> StageStatus.PASS;
      case WARN -> StageStatus.WARN;
      case BAD -> StageStatus.FAIL;
      case UNKNOWN -> StageStatus.SKIPPED;
    };
  }

  /** For tests. */
  TableView<Row> table() {
    return table;
  }
}
