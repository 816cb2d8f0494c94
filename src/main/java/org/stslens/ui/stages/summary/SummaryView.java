package org.stslens.ui.stages.summary;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stslens.engine.check.StageRules;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageStatus;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.FindingsPane;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Texts;

/**
 * The end of the walkthrough: the verdict in plain words, what happens to each MX host, every
 * finding worst first, and export of the report (Markdown, HTML, JSON).
 */
public final class SummaryView {

  private final DomainReport report;
  private final Executor background;
  private final DialogService dialogs;
  private final Label exportStatus = new Label();
  private final SendersViewModel senders;
  private final Node node;

  SummaryView(DomainReport report, Executor background, DialogService dialogs) {
    this.report = report;
    this.background = background;
    this.dialogs = dialogs;
    exportStatus.setId("export-status");
    exportStatus.setWrapText(true);
    this.senders = SendersViewModel.forReport(report);
    this.node = build();
  }

  public static Node create(DomainReport report, Executor background, DialogService dialogs) {
    return new SummaryView(report, background, dialogs).node();
  }

  Node node() {
    return node;
  }

  Label exportStatus() {
    return exportStatus;
  }

  private Node build() {
    StageHeader header =
        new StageHeader(
            "Summary — " + report.domain(),
            status(report.verdict()),
            "checked in " + report.durationMillis() + " ms");
    return new StagePage(header)
        .add(banner())
        .explanation(
            new Explanation(
                meaning(report.verdict()), Explanation.direction(), Explanation.dnssec()))
        .section("What senders do with each MX host", mxVerdicts())
        .section("Senders: what real senders do", sendersNote(), sendersMatrix())
        .section("All findings", new FindingsPane(report.findings()))
        .section("Export the report", exportBar())
        .build();
  }

  private Node banner() {
    Label word = new Label(report.verdict().phrase());
    word.getStyleClass().add("verdict-title");
    word.setGraphic(Icons.status(status(report.verdict())));
    Label reason = Texts.wrapping(report.verdictReason());
    reason.setId("verdict-reason");
    VBox box = new VBox(6, word, reason);
    if (!senders.bannerProperty().get().isEmpty()) {
      Label mention =
          Texts.wrapping(
              "Real senders disagree: "
                  + senders.matrixProperty().get().disagreements().get(0)
                  + " See Senders below.");
      mention.setId("senders-mention");
      box.getChildren().add(mention);
    }
    box.setId("verdict");
    box.getStyleClass().addAll("verdict-banner", bannerStyle(status(report.verdict())));
    return box;
  }

  private Node sendersNote() {
    return Texts.wrapping(
        "The verdict above is the RFC 8461 reading. Real senders read some things otherwise; each"
            + " row is what one of them would do with the same evidence (no new traffic).",
        "muted");
  }

  private Node sendersMatrix() {
    return new SendersMatrixView(senders).node();
  }

  /** For tests. */
  SendersViewModel senders() {
    return senders;
  }

  private Node mxVerdicts() {
    VBox box = new VBox(2);
    box.setId("mx-verdicts");
    if (report.mx().isEmpty()) {
      box.getChildren().add(Texts.wrapping("No MX host was checked.", "muted"));
    }
    for (MxReport m : report.mx()) {
      Label row =
          Texts.wrapping(
              m.mx().preference()
                  + "  "
                  + m.host()
                  + " — "
                  + verdictWords(m.verdict())
                  + (m.failingCodes().isEmpty()
                      ? ""
                      : " (" + String.join(", ", m.failingCodes()) + ")"));
      row.setGraphic(Icons.status(mxStatus(m, notApplied(m.host()))));
      row.getStyleClass().add("mx-verdict-row");
      box.getChildren().add(row);
    }
    return box;
  }

  private Node exportBar() {
    HBox buttons = new HBox(8);
    buttons.setAlignment(Pos.CENTER_LEFT);
    for (ReportFormat format :
        List.of(ReportFormat.MD, ReportFormat.HTML, ReportFormat.PDF, ReportFormat.JSON)) {
      Button button = new Button(ReportExport.label(format), Icons.save());
      button.setId("export-" + ReportExport.extension(format));
      button.setOnAction(e -> choose(format));
      buttons.getChildren().add(button);
    }
    Label note =
        Texts.wrapping(
            "The same report as the command line's --format md|html|pdf|json: every stage, its"
                + " evidence and findings.",
            "muted");
    return new VBox(8, note, buttons, exportStatus);
  }

  /** Asks for a file on the FX thread, then writes it in the background. */
  private void choose(ReportFormat format) {
    dialogs
        .showSaveDialog(
            new DialogService.FileDialog(
                "Export the report as " + ReportExport.label(format),
                ReportExport.suggestedName(report, format),
                List.of(
                    DialogService.Filter.of(
                        ReportExport.label(format), "*." + ReportExport.extension(format)))))
        .ifPresent(file -> export(format, file));
  }

  /** Writes the report on the background executor; the status label says how it went. */
  CompletableFuture<Path> export(ReportFormat format, Path file) {
    setStatus("Writing " + file.getFileName() + "…", null);
    CompletableFuture<Path> written = ReportExport.write(report, format, file, background);
    written.whenComplete(
        (path, error) ->
            Platform.runLater(
                () -> {
                  if (error == null) {
                    setStatus("Saved " + ReportExport.label(format) + " report to " + path, true);
                  } else {
                    Throwable cause =
                        error instanceof CompletionException && error.getCause() != null
                            ? error.getCause()
                            : error;
                    setStatus(
                        "Could not save the report to " + file + ": " + cause.getMessage(), false);
                  }
                }));
    return written;
  }

  private void setStatus(String text, Boolean ok) {
    exportStatus.setText(text);
    exportStatus.getStyleClass().removeAll("export-status-ok", "export-status-error", "muted");
    exportStatus
        .getStyleClass()
        .add(ok == null ? "muted" : ok ? "export-status-ok" : "export-status-error");
  }

  /** The heading's and the banner's status: the same rule as the stage list's Summary row. */
  static StageStatus status(DomainVerdict v) {
    return StageRules.of(v);
  }

  private static String bannerStyle(StageStatus status) {
    return switch (status) {
      case PASS -> "verdict-good";
      case WARN -> "verdict-warn";
      case FAIL -> "verdict-bad";
      default -> "verdict-neutral";
    };
  }

  /** Whether the host's stage says senders check it against no policy. */
  private boolean notApplied(String host) {
    return report.stages().stream()
        .anyMatch(
            s ->
                s.kind() == StageKind.MX_HOST
                    && s.target().equals(host)
                    && s.notApplied().isPresent());
  }

  private static String meaning(DomainVerdict v) {
    return switch (v) {
      case ENFORCED ->
          "MTA-STS protects this domain: senders that support it deliver only over verified TLS"
              + " to the MX hosts the policy names, and refuse anything else — an attacker can"
              + " neither strip encryption nor redirect the mail.";
      case ENFORCED_WITH_FAILURES ->
          "The policy is enforced, but some MX hosts fail: senders skip them and deliver to the"
              + " others. Fix the failing hosts before they are the only ones left.";
      case ENFORCED_UNDELIVERABLE ->
          "The policy is enforced and no MX host passes: senders that support MTA-STS will not"
              + " deliver mail to this domain at all. Fix the MX hosts or switch to testing mode.";
      case TESTING ->
          "The policy is in testing mode: senders deliver as before and report what would fail."
              + " The MX list shows what enforce mode would refuse.";
      case NONE ->
          "The policy is withdrawn (mode none): senders act as if the domain had no MTA-STS.";
      case NO_POLICY ->
          "Senders see no usable MTA-STS policy, so they deliver as they always did: encrypted if"
              + " the server offers it, but an attacker can strip the encryption unnoticed.";
      case TEMPORARILY_UNKNOWN ->
          "The check could not conclude: a temporary DNS or network failure, or MX hosts that"
              + " could not be judged from here. This is not \"no policy\": senders keep using a"
              + " cached policy and retry. Run the check again, or from another network.";
      case NO_MAIL ->
          "The domain publishes the null MX (RFC 7505): it accepts no mail at all, so senders"
              + " never connect and MTA-STS has nothing to protect. A published policy is"
              + " harmless but has no effect.";
    };
  }

  private static String verdictWords(MxVerdict v) {
    return switch (v) {
      case DELIVER -> "deliver";
      case REFUSE -> "refuse (enforce mode)";
      case REPORT -> "deliver and report (testing mode)";
      case UNREACHABLE -> "unreachable from here";
      case NOT_PROBED -> "not probed (beyond the MX probe limit), covered by the policy";
    };
  }

  private static StageStatus mxStatus(MxReport m, boolean notApplied) {
    // with no policy in force, "deliver" is no pass: TLS is not required
    return notApplied && m.verdict() == MxVerdict.DELIVER
        ? StageStatus.NOT_APPLIED
        : mxStatus(m.verdict());
  }

  private static StageStatus mxStatus(MxVerdict v) {
    return switch (v) {
      case DELIVER -> StageStatus.PASS;
      case REPORT, UNREACHABLE -> StageStatus.WARN;
      case REFUSE -> StageStatus.FAIL;
      case NOT_PROBED -> StageStatus.SKIPPED;
    };
  }
}
