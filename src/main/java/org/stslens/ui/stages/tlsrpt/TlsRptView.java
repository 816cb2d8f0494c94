package org.stslens.ui.stages.tlsrpt;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.StageWords;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;
import org.stslens.engine.tlsrpt.TlsRptResult;
import org.stslens.ui.stages.common.CommandBox;
import org.stslens.ui.stages.common.EvidenceText;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.Facts;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Texts;

/** TLS reporting (RFC 8460): the record at {@code _smtp._tls} and where reports go. */
public final class TlsRptView {

  private TlsRptView() {}

  public static Node create(
      StageHeader header,
      String domain,
      TlsRptDiscovery t,
      List<Finding> findings,
      TryCommands commands) {
    return new StagePage(header)
        .explanation(new Explanation(StageWords.of(CheckStage.TLSRPT).sender(domain)))
        .section("TLS-RPT record", record(t))
        .findings(findings)
        .command(new CommandBox(commands.dig(t.query())))
        .build();
  }

  private static Node record(TlsRptDiscovery t) {
    VBox box = new VBox(8);
    List<List<String>> raw = t.query().txtStrings();
    if (raw.isEmpty()) {
      box.getChildren()
          .add(
              Texts.wrapping(
                  t.query().outcome().isTemporary()
                      ? "The look-up of " + t.query().name() + " failed: nothing to show."
                      : "No TXT record at " + t.query().name() + "."));
    } else {
      EvidenceText text =
          new EvidenceText(
              raw.stream()
                  .map(
                      strings ->
                          strings.stream()
                              .map(s -> "\"" + s + "\"")
                              .collect(Collectors.joining(" ")))
                  .collect(Collectors.joining("\n")));
      text.setId("tlsrpt-raw");
      box.getChildren().add(text);
    }
    Facts facts = new Facts();
    facts.add("Name", t.query().name(), "evidence");
    if (t.record().isPresent()) {
      TlsRptResult r = t.record().get();
      Label rua =
          facts.add(
              "Reports go to",
              r.rua().isEmpty() ? "nowhere (no usable address)" : String.join("\n", r.rua()),
              "evidence");
      rua.setId("rua");
      facts.add(
          "Verdict", r.valid() ? "valid: senders will send reports" : "not usable: no reports");
    }
    box.getChildren().add(facts);
    return box;
  }
}
