package org.stslens.ui.workbench;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.common.Icons;
import org.stslens.workbench.evaluate.DraftEvaluation;
import org.stslens.workbench.evaluate.MxComparison;

/**
 * The draft against the MX hosts of the last check: per host the verdict today and under the draft,
 * changes first in words, patterns that match nothing and hosts that no pattern matches.
 */
final class TryAgainstMxPane {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Label headline = new Label();
  private final Label source = new Label();
  private final Label changes = new Label();
  private final Label gaps = new Label();
  private final TableView<MxComparison> table = new TableView<>();
  private final VBox root;

  /**
   * @param probeAction checks the draft's domain again (the walkthrough runs; results come back)
   */
  TryAgainstMxPane(Runnable probeAction) {
    headline.setId("try-headline");
    headline.setWrapText(true);
    headline.getStyleClass().add("section-title");
    source.setWrapText(true);
    source.getStyleClass().add("explanation");
    changes.setId("try-changes");
    changes.setWrapText(true);
    gaps.setId("try-gaps");
    gaps.setWrapText(true);
    for (Label l : new Label[] {headline, source, changes, gaps}) {
      l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped text keeps its lines
    }
    table.setId("try-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(new Label("No MX hosts from a check of this domain yet."));
    table.getColumns().add(column("MX host (pref.)", r -> r.host() + " (" + r.preference() + ")"));
    table.getColumns().add(column("Live policy", r -> word(r.live())));
    table
        .getColumns()
        .add(
            column(
                "Under the draft",
                r ->
                    word(r.draft())
                        + (r.draftProblems().isEmpty()
                            ? ""
                            : " — " + String.join(", ", r.draftProblems()))));
    table
        .getColumns()
        .add(column("Pattern", r -> r.draftPattern().map(MxPattern::written).orElse("none")));
    double[] shares = {0.3, 0.16, 0.34, 0.2};
    for (int i = 0; i < shares.length; i++) {
      table
          .getColumns()
          .get(i)
          .prefWidthProperty()
          .bind(table.widthProperty().multiply(shares[i]).subtract(4));
    }
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(MxComparison row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("verdict-changed");
                if (!empty && row != null && row.changed()) {
                  getStyleClass().add("verdict-changed");
                }
              }
            });
    Button again = new Button("Probe MX hosts", Icons.play());
    again.setId("probe-mx");
    again.setOnAction(e -> probeAction.run());
    VBox.setVgrow(table, Priority.ALWAYS);
    root = new VBox(8, headline, source, changes, table, gaps, again);
    root.setPadding(new Insets(8));
  }

  VBox node() {
    return root;
  }

  void show(DraftEvaluation evaluation, DomainReport basis, String draftDomain) {
    headline.setText(evaluation.headline());
    source.setText(
        basis == null
            ? "The draft is judged against what the MX hosts presented in the last check of "
                + (draftDomain.isBlank() ? "its domain" : draftDomain)
                + "; there is none yet."
            : "Judged against the check of "
                + basis.domain()
                + " at "
                + TIME.format(basis.startedAt())
                + ": the same STARTTLS and certificate results, under the draft's patterns and mode.");
    changes.setText(
        evaluation.changes().isEmpty()
            ? ""
            : "Changes: " + String.join("; ", evaluation.changes()) + ".");
    table.getItems().setAll(evaluation.rows());
    StringBuilder g = new StringBuilder();
    if (!evaluation.unusedPatterns().isEmpty()) {
      g.append("Patterns that match no MX host: ")
          .append(firstOf(evaluation.unusedPatterns().stream().map(Finding::target).toList()))
          .append(". ");
    }
    if (!evaluation.uncovered().isEmpty()) {
      g.append("MX hosts that match no pattern: ")
          .append(String.join(", ", evaluation.uncovered()))
          .append('.');
    }
    gaps.setText(g.toString().strip());
  }

  /** Patterns listed by name: a 64 KiB draft can hold thousands, laid out on every key. */
  static final int LISTED = 20;

  /** The first {@link #LISTED} names, and how many more there are. */
  static String firstOf(List<String> names) {
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, LISTED))
        + " and "
        + (names.size() - LISTED)
        + " more";
  }

  private static String word(MxVerdict v) {
    return switch (v) {
      case DELIVER -> "deliver";
      case REFUSE -> "refuse";
      case REPORT -> "deliver + report";
      case UNREACHABLE -> "unreachable";
      case NOT_PROBED -> "not probed";
    };
  }

  private static TableColumn<MxComparison, String> column(
      String title, java.util.function.Function<MxComparison, String> value) {
    TableColumn<MxComparison, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return c;
  }
}
