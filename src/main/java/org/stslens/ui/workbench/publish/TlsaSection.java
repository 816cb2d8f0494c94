package org.stslens.ui.workbench.publish;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.stages.common.Texts;
import org.stslens.workbench.publish.DaneTlsaRecords;
import org.stslens.workbench.publish.MxCertificates;

/**
 * The kit's "DANE TLSA record" section: pick the certificate (a file, or what an MX presented in
 * the last check), read the records to publish, copy them, and the two warnings that go with them.
 * A thin view over a {@link TlsaRecordModel} that outlives it: listens weakly.
 */
final class TlsaSection extends VBox {

  private static final List<DialogService.Filter> CERTIFICATE_FILES =
      List.of(
          DialogService.Filter.of("Certificates (PEM, DER)", "*.pem", "*.crt", "*.cer", "*.der"),
          DialogService.Filter.of("All files", "*"));

  private final TlsaRecordModel model;
  private final TextArea lines = KitSections.code("", 2);
  private final VBox result = new VBox(6);
  private final InvalidationListener refresh = o -> refresh();

  TlsaSection(TlsaRecordModel model, DialogService dialogs) {
    super(8);
    this.model = model;
    TextField host = new TextField();
    host.setId("tlsa-mx");
    host.setPromptText("mx1.example.com");
    host.textProperty().bindBidirectional(model.mxHostProperty());
    host.setAccessibleText("The MX host of the TLSA record");
    HBox.setHgrow(host, Priority.ALWAYS);
    Label hostLabel = new Label("MX host");
    hostLabel.getStyleClass().add("kit-field-label");
    hostLabel.setMinWidth(Region.USE_PREF_SIZE);

    Button open = new Button("Open certificate…");
    open.setId("tlsa-open");
    open.setMinWidth(Region.USE_PREF_SIZE);
    open.setOnAction(
        e ->
            dialogs
                .showOpenDialog(
                    new DialogService.FileDialog(
                        "The MX host's certificate (PEM or DER)", "", CERTIFICATE_FILES))
                .ifPresent(model::openCertificate));
    Button chain = new Button("Chain file…");
    chain.setId("tlsa-chain");
    chain.setMinWidth(Region.USE_PREF_SIZE);
    chain.setOnAction(
        e ->
            dialogs
                .showOpenDialog(
                    new DialogService.FileDialog(
                        "The issuing CA's certificate (PEM or DER), for 2 1 1",
                        "",
                        CERTIFICATE_FILES))
                .ifPresent(model::openChain));
    HBox hostRow = new HBox(8, hostLabel, host);
    hostRow.setAlignment(Pos.CENTER_LEFT);
    // the buttons wrap below each other in a narrow editor (1024 px, the draft beside the kit)
    FlowPane buttons = new FlowPane(8, 6, open, chain);
    List<MxCertificates.Presented> presented = model.presented();
    if (!presented.isEmpty()) {
      MenuButton last = new MenuButton("From the last check");
      last.setId("tlsa-last-check");
      last.setMinWidth(Region.USE_PREF_SIZE);
      for (MxCertificates.Presented p : presented) {
        MenuItem item = new MenuItem(p.host());
        item.setMnemonicParsing(false);
        item.setOnAction(e -> model.usePresented(p));
        last.getItems().add(item);
      }
      buttons.getChildren().add(last);
    }
    lines.setId("tlsa-records");
    lines.setAccessibleText("The TLSA records to publish");
    result.setId("tlsa-result");
    getChildren().addAll(hostRow, buttons, result);
    model.sourceProperty().addListener(new WeakInvalidationListener(refresh));
    model.problemProperty().addListener(new WeakInvalidationListener(refresh));
    model.recordsProperty().addListener(new WeakInvalidationListener(refresh));
    refresh();
  }

  private void refresh() {
    result.getChildren().clear();
    if (!model.sourceProperty().get().isEmpty()) {
      result.getChildren().add(Texts.wrapping(model.sourceProperty().get(), "muted"));
    }
    if (!model.problemProperty().get().isEmpty()) {
      Label problem = Texts.wrapping(model.problemProperty().get(), "kit-error");
      problem.setId("tlsa-problem");
      result.getChildren().add(problem);
    }
    model
        .records()
        .ifPresent(
            r -> {
              lines.setText(String.join("\n", r.zoneLines()));
              lines.setPrefRowCount(r.zoneLines().size() + 1);
              HBox row =
                  new HBox(
                      8,
                      lines,
                      PublishingKitPane.copy(
                          () -> String.join("\n", r.zoneLines()) + "\n", "the TLSA records"));
              HBox.setHgrow(lines, Priority.ALWAYS);
              result
                  .getChildren()
                  .addAll(
                      row,
                      what(r),
                      warning(DaneTlsaRecords.DNSSEC_WARNING),
                      warning(DaneTlsaRecords.ROLLOVER_WARNING));
            });
  }

  private static Label what(DaneTlsaRecords r) {
    return Texts.wrapping(
        "3 1 1 binds the key of "
            + r.serverSubject()
            + r.caSubject().map(ca -> "; 2 1 1 the key of the issuing CA " + ca).orElse("")
            + ". Exported as "
            + DaneTlsaRecords.FILE_NAME
            + ".",
        "muted");
  }

  private static Label warning(String text) {
    return Texts.wrapping(text, "kit-warning");
  }
}
