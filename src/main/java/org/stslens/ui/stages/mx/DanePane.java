package org.stslens.ui.stages.mx;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.DaneVerdict;
import org.stslens.engine.dane.TlsaDiscovery;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.report.TryCommands;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.common.CommandBox;
import org.stslens.ui.stages.common.Copy;
import org.stslens.ui.stages.common.Facts;
import org.stslens.ui.stages.common.FindingsPane;
import org.stslens.ui.stages.common.Tables;
import org.stslens.ui.stages.common.Texts;

/**
 * DANE beside MTA-STS for one MX host: the DNSSEC status of its TLSA answer, the records and how
 * each matched, the DANE verdict and which of the two a sender applies. One quiet line when DANE
 * does not apply. The words come from {@link DaneRows}.
 */
final class DanePane {

  private DanePane() {}

  static Node of(MxReport m, DaneResult d, TryCommands commands) {
    VBox box = new VBox(10);
    box.setId("dane");
    box.getStyleClass().add("dane-box");
    if (!DaneRows.applies(d)) {
      box.getChildren().add(Texts.wrapping(DaneRows.quietLine(d), "muted", "dane-quiet"));
      return box;
    }
    Label title = Texts.sectionTitle("DANE for " + m.host());
    title.setGraphic(Icons.status(status(d.verdict())));
    box.getChildren().add(title);
    Facts facts = new Facts();
    facts.add("TLSA name", d.tlsa().name(), "evidence");
    DaneRows.alias(d.tlsa())
        .ifPresent(a -> facts.add("MX host alias", a, "evidence").setId("dane-alias"));
    if (d.tlsa().cnameChain().size() > 1) {
      facts.add("CNAME chain", String.join(" → ", d.tlsa().cnameChain()), "evidence");
    }
    facts.add("DNSSEC", DaneRows.dnssec(d.tlsa())).setId("dane-dnssec");
    facts.add("DANE verdict", DaneRows.verdict(d.verdict())).setId("dane-verdict");
    facts.add("Which applies", DaneRows.whichApplies(m, d)).setId("dane-applies");
    box.getChildren().add(facts);
    List<String> chain = DaneRows.chain(d.tlsa());
    if (!chain.isEmpty()) {
      box.getChildren().add(chain(d.tlsa(), chain));
    }
    List<DaneRows.Row> rows = DaneRows.rows(d);
    if (!rows.isEmpty()) {
      box.getChildren().add(table(rows));
      // why each record matched or not is a sentence: it wraps below the table, never cut off
      boolean severalAddresses = rows.stream().map(DaneRows.Row::address).distinct().count() > 1;
      VBox why = new VBox(4);
      why.setId("tlsa-why");
      for (DaneRows.Row row : rows) {
        why.getChildren().add(Texts.wrapping(row.line(severalAddresses)));
      }
      box.getChildren().add(why);
    }
    box.getChildren().add(new CommandBox(DaneRows.commands(m, d, commands)));
    if (!d.findings().isEmpty()) {
      box.getChildren().add(new FindingsPane(d.findings()));
    }
    return box;
  }

  /**
   * The chain of trust as a small grid (zone, DS, DNSKEY, RRSIGs) and where it ended, with a button
   * that copies it as lines.
   */
  private static Node chain(TlsaDiscovery t, List<String> lines) {
    Label title = new Label("Chain of trust, as the validator walked it");
    title.getStyleClass().add("muted");
    HBox head = new HBox(6, title, Copy.button(() -> String.join("\n", lines), "the chain"));
    head.setAlignment(Pos.CENTER_LEFT);
    GridPane grid = new GridPane();
    grid.setId("dane-chain-grid");
    grid.setHgap(14);
    grid.setVgap(2);
    String[] header = {"Zone", "DS: tag / alg / digest", "DNSKEY: tag / alg", "RRSIGs over"};
    for (int c = 0; c < header.length; c++) {
      Label h = new Label(header[c]);
      h.getStyleClass().add("muted");
      h.setMinWidth(Region.USE_PREF_SIZE);
      grid.add(h, c, 0);
    }
    int row = 1;
    for (DaneRows.ChainRow r : DaneRows.chainRows(t)) {
      String[] cells = {r.zone(), r.ds(), r.keys(), r.signatures()};
      for (int c = 0; c < cells.length; c++) {
        // names and key tags are not cut or wrapped; only the DS column (with its origin) wraps
        Label cell =
            c == 1 ? Texts.wrapping(cells[c], "evidence", "dane-chain-cell") : new Label(cells[c]);
        if (c != 1) {
          cell.getStyleClass().addAll("evidence", "dane-chain-cell");
          cell.setMinWidth(Region.USE_PREF_SIZE);
        }
        grid.add(cell, c, row);
      }
      row++;
    }
    Label end = Texts.wrapping(DaneRows.chainEnd(t), "dane-chain-end");
    end.setId("dane-chain-end");
    VBox box = new VBox(4, head, grid, end);
    box.setId("dane-chain");
    return box;
  }

  private static StageStatus status(DaneVerdict v) {
    return switch (v) {
      case PASS -> StageStatus.PASS;
      case FAIL -> StageStatus.FAIL;
      case NONE -> StageStatus.NOT_APPLIED;
    };
  }

  private static TableView<DaneRows.Row> table(List<DaneRows.Row> rows) {
    TableView<DaneRows.Row> table = Tables.of(rows);
    table.setId("tlsa-table");
    boolean severalAddresses = rows.stream().map(DaneRows.Row::address).distinct().count() > 1;
    table.getColumns().add(Tables.column("Usage", 100, DaneRows.Row::usage));
    table.getColumns().add(Tables.column("Selector", 110, DaneRows.Row::selector));
    table.getColumns().add(Tables.column("Matching", 100, DaneRows.Row::matchingType));
    table.getColumns().add(dataColumn());
    if (severalAddresses) {
      table.getColumns().add(Tables.column("Address", 110, DaneRows.Row::address));
    }
    table.getColumns().add(Tables.column("Result", 110, DaneRows.Row::resultWord));
    return table;
  }

  /** The data, shortened, with the whole value in the tooltip and on the Copy button. */
  private static TableColumn<DaneRows.Row, DaneRows.Row> dataColumn() {
    TableColumn<DaneRows.Row, DaneRows.Row> data = new TableColumn<>("Data");
    data.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    data.setSortable(false);
    data.setPrefWidth(230);
    data.setMinWidth(220);
    data.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(DaneRows.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                  setGraphic(null);
                  setTooltip(null);
                  return;
                }
                Label text = new Label(row.shortData());
                text.getStyleClass().addAll("evidence", "tlsa-data");
                text.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(text, Priority.ALWAYS);
                String full = row.record().text();
                HBox cell = new HBox(6, text, Copy.button(() -> full, "the TLSA record"));
                cell.setAlignment(Pos.CENTER_LEFT);
                setGraphic(cell);
                setTooltip(new Tooltip(row.record().hex()));
              }
            });
    return data;
  }
}
