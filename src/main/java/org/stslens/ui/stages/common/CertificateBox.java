package org.stslens.ui.stages.common;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.Icons;

/**
 * A presented certificate chain in a few lines (who it is for, who issued it, until when) with the
 * verdict, its problems and an "Open certificate" button for the full viewer.
 */
public final class CertificateBox {

  private CertificateBox() {}

  public static Node of(Optional<ChainVerdict> verdict, Consumer<ChainVerdict> open) {
    if (verdict.isEmpty()) {
      return Texts.wrapping(
          "No certificate was received: the connection did not get as far as the TLS handshake.",
          "muted");
    }
    ChainVerdict c = verdict.get();
    VBox box = new VBox(6);
    box.getStyleClass().add("certificate-box");
    Label result =
        Texts.wrapping(
            c.valid()
                ? "Valid for "
                    + c.referenceHost()
                    + ": trusted chain, name matches, in date, fit for a TLS server."
                : invalid(c),
            c.valid() ? "days-left-ok" : "days-left-bad");
    result.setGraphic(
        Icons.status(
            c.valid()
                ? (c.problems().isEmpty()
                    ? org.stslens.engine.report.StageStatus.PASS
                    : org.stslens.engine.report.StageStatus.WARN)
                : org.stslens.engine.report.StageStatus.FAIL));
    result.setId("certificate-verdict");
    box.getChildren().add(result);
    Instant now = Instant.now();
    for (int i = 0; i < c.chain().size(); i++) {
      CertificateSummary s = c.chain().get(i);
      long days = Texts.daysLeft(s.notAfter(), now);
      String names =
          s.sanDnsNames().isEmpty() ? "no DNS names" : String.join(", ", s.sanDnsNames());
      String text =
          "["
              + i
              + "] "
              + (i == 0 ? "server: " : "issuer: ")
              + VisibleText.line(s.subject())
              + "\n     names: "
              + names
              + "\n     issued by "
              + VisibleText.line(s.issuer())
              + "\n     valid until "
              + Texts.date(s.notAfter())
              + (days >= 0 ? " (" + days + " days left)" : " (expired " + -days + " days ago)");
      box.getChildren().add(Texts.wrapping(text, "evidence"));
    }
    for (CertificateProblem p : c.problems()) {
      Label problem = Texts.wrapping(p.detail());
      problem.setGraphic(
          Icons.severity(
              p.kind().isError()
                  ? org.stslens.engine.finding.Severity.ERROR
                  : org.stslens.engine.finding.Severity.WARNING));
      box.getChildren().add(problem);
    }
    Button button = new Button("Open certificate", Icons.certificate());
    button.setId("open-certificate");
    button.setOnAction(e -> open.accept(c));
    HBox bar = new HBox(button);
    bar.setAlignment(Pos.CENTER_LEFT);
    box.getChildren().add(bar);
    return box;
  }

  /**
   * What is wrong, named: an expired certificate whose name matches is "the name matches, but the
   * date is past", not "not valid for the name".
   */
  static String invalid(ChainVerdict c) {
    List<String> what =
        c.problems().stream()
            .filter(p -> p.kind().isError())
            .map(p -> words(p.kind()))
            .distinct()
            .toList();
    boolean nameMatches =
        c.problems().stream().noneMatch(p -> p.kind() == CertificateProblem.Kind.NAME_MISMATCH);
    String problems = what.isEmpty() ? "it is not accepted" : String.join("; ", what);
    return (nameMatches
            ? "The name matches " + c.referenceHost() + ", but senders refuse the certificate: "
            : "Senders refuse this certificate for " + c.referenceHost() + ": ")
        + problems
        + ".";
  }

  private static String words(CertificateProblem.Kind kind) {
    return switch (kind) {
      case NAME_MISMATCH -> "it is not issued for that name";
      case EXPIRED -> "its end date is past (expired)";
      case NOT_YET_VALID -> "its start date is still to come";
      case UNTRUSTED -> "its chain does not lead to a trusted CA";
      case EXPIRING_SOON -> "it expires soon";
      case WRONG_PURPOSE -> "it is not meant for a TLS server";
      case WEAK_SIGNATURE -> "its signature algorithm is too weak";
    };
  }
}
