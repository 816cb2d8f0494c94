package org.stslens.ui.stages.mx;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.stages.common.CertificateBox;
import org.stslens.ui.stages.common.CommandBox;
import org.stslens.ui.stages.common.Facts;
import org.stslens.ui.stages.common.Texts;

/** One address of an MX host: the SMTP transcript, the TLS session, the certificate, a command. */
final class EndpointPane {

  private EndpointPane() {}

  static Node of(EndpointProbe e, Consumer<ChainVerdict> openCertificate, TryCommands commands) {
    VBox box = new VBox(10);
    box.getStyleClass().add("endpoint-box");
    box.getChildren()
        .add(
            Texts.sectionTitle(
                "Address "
                    + e.address().getHostAddress()
                    + (e.passed() ? " — passes" : " — fails")));
    Facts facts = new Facts();
    facts.add("Greeting", e.greeting().orElse("none received"), "evidence");
    facts.add("STARTTLS", e.starttlsOffered() ? "offered in the EHLO answer" : "NOT offered");
    facts.add("TLS version", e.tlsVersion().orElse("no TLS session"));
    facts.add("Cipher suite", e.cipherSuite().orElse("–"), "evidence");
    facts.add("Timing", timings(e.timingsMillis()));
    box.getChildren().add(facts);
    box.getChildren().add(Texts.wrapping("SMTP conversation", "fact-key"));
    box.getChildren().add(TranscriptView.of(e.transcript()));
    box.getChildren().add(Texts.wrapping("Certificate", "fact-key"));
    box.getChildren().add(CertificateBox.of(e.certificate(), openCertificate));
    box.getChildren().add(new CommandBox(commands.openssl(e.mxHost(), e.address())));
    return box;
  }

  private static String timings(Map<String, Long> timings) {
    if (timings.isEmpty()) {
      return "–";
    }
    return timings.entrySet().stream()
        .map(t -> t.getKey() + " " + Texts.millis(t.getValue()))
        .collect(Collectors.joining(" · "));
  }
}
