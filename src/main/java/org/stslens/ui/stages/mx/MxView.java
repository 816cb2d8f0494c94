package org.stslens.ui.stages.mx;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.StageWords;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.FindingsPane;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Tables;
import org.stslens.ui.stages.common.Texts;

/**
 * Stage 4: every MX host in one table (what a sender sees and does with each), and below it the
 * selected host in detail: per address the SMTP transcript, TLS session, certificate and command;
 * then DANE for the host (TLSA records, DNSSEC, which one a sender applies) and its findings.
 * Selecting another row shows that host.
 */
public final class MxView {

  private MxView() {}

  public static Node create(
      StageHeader header,
      List<MxReport> all,
      String selectedHost,
      Consumer<ChainVerdict> openCertificate,
      TryCommands commands) {
    // By preference, as a sender tries them; the reports arrive in the order their probes end.
    TableView<MxReport> table =
        table(
            header.notApplied().isPresent(),
            all.stream()
                .sorted(
                    java.util.Comparator.comparingInt((MxReport m) -> m.mx().preference())
                        .thenComparing(MxReport::host))
                .toList());
    VBox details = new VBox(14);
    details.setId("mx-details");
    details.getStyleClass().add("mx-details");
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, before, now) ->
                details
                    .getChildren()
                    .setAll(
                        now == null
                            ? List.of()
                            : details(
                                now, header.notApplied().isPresent(), openCertificate, commands)));
    Runnable selectHost =
        () ->
            all.stream()
                .filter(m -> m.host().equals(selectedHost))
                .findFirst()
                .or(() -> all.stream().findFirst())
                .ifPresent(m -> table.getSelectionModel().select(m));
    selectHost.run();
    Label hint =
        Texts.wrapping("Select a row to see that host's conversation and certificate.", "muted");
    Node page =
        new StagePage(header)
            .explanation(
                new Explanation(
                    // stage 4's words name no domain: this view may show hosts before the report
                    StageWords.of(CheckStage.MX).senderText(), Explanation.direction()))
            .section("MX hosts", table, hint)
            .add(details)
            .build();
    // shown again for its stage: that stage's host, whichever row was chosen in the meantime
    org.stslens.ui.common.Reshow.onReshow(page, selectHost);
    return page;
  }

  private static List<Node> details(
      MxReport m,
      boolean notApplied,
      Consumer<ChainVerdict> openCertificate,
      TryCommands commands) {
    VBox box = new VBox(12);
    Label title =
        Texts.wrapping(
            "MX " + m.mx().preference() + " " + m.host() + " — " + MxRows.verdict(m.verdict()),
            "section-title");
    title.setGraphic(Icons.status(MxRows.status(m.verdict(), notApplied)));
    box.getChildren().add(title);
    box.getChildren().add(Texts.wrapping(explain(m)));
    if (m.endpoints().isEmpty() && m.probe().probed()) {
      box.getChildren()
          .add(
              Texts.wrapping(
                  "No address was found for this host, so there was nothing to connect to.",
                  "muted"));
    }
    for (EndpointProbe e : m.endpoints()) {
      box.getChildren().add(EndpointPane.of(e, openCertificate, commands));
    }
    // DANE sits beside MTA-STS, never inside its verdict: its own section, after the addresses
    m.dane().ifPresent(d -> box.getChildren().add(DanePane.of(m, d, commands)));
    box.getChildren().add(Texts.sectionTitle("Findings for " + m.host()));
    box.getChildren().add(new FindingsPane(m.findings()));
    return List.of(box);
  }

  private static String explain(MxReport m) {
    return switch (m.verdict()) {
      case DELIVER ->
          "A sender delivers to this host"
              + m.matchedPattern()
                  .map(p -> " (covered by the pattern " + p.written() + ")")
                  .orElse("")
              + ".";
      case REFUSE ->
          "Under the enforce policy a sender will NOT deliver to this host: "
              + String.join(", ", m.failingCodes())
              + ".";
      case REPORT ->
          "Under the testing policy a sender delivers anyway and reports the failure: "
              + String.join(", ", m.failingCodes())
              + ".";
      case UNREACHABLE ->
          "The host could not be reached from here, so nothing can be said about its TLS.";
      case NOT_PROBED ->
          "The domain has more MX hosts than STS Lens probes, and this one comes after the"
              + " limit: it was only checked against the policy's mx patterns"
              + m.matchedPattern().map(p -> " (covered by " + p.written() + ")").orElse("")
              + ". Its addresses, STARTTLS and certificate were not looked at.";
    };
  }

  private static TableView<MxReport> table(boolean notApplied, List<MxReport> all) {
    TableView<MxReport> table = Tables.of(all);
    table.setId("mx-table");
    TableColumn<MxReport, MxReport> verdict = new TableColumn<>("Sender verdict");
    verdict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    verdict.setSortable(false);
    verdict.setPrefWidth(150);
    verdict.setMinWidth(130); // the verdict is what the table is for: it never gives way
    verdict.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(MxReport m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                  setText(null);
                  setGraphic(null);
                } else {
                  setText(MxRows.verdict(m.verdict()));
                  setGraphic(Icons.status(MxRows.status(m.verdict(), notApplied)));
                  setAlignment(Pos.CENTER_LEFT);
                }
              }
            });
    table
        .getColumns()
        .addAll(
            List.of(
                Tables.column("Pref", 50, m -> String.valueOf(m.mx().preference())),
                Tables.column("Host", 170, MxReport::host),
                Tables.column("Addresses", 110, MxRows::addresses),
                Tables.column("Pattern", 130, MxRows::pattern),
                Tables.column("STARTTLS", 90, MxRows::starttls),
                Tables.column("TLS", 70, MxRows::tlsVersion),
                Tables.column("Certificate", 110, MxRows::certificate),
                verdict));
    return table;
  }
}
