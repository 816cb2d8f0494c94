package org.stslens.ui.certificate;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.engine.tls.CertificateExtension;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.ui.common.Icons;

/**
 * The right-hand pane of the viewer: every field of one certificate (extensions and fingerprints
 * included) and its PEM, or the explanation of a missing issuer. Long values wrap; nothing is cut.
 */
final class CertificateDetails {

  private static final DateTimeFormatter DATE_TIME = DetailsText.DATE_TIME;

  // What the copy buttons copy: the fingerprint on one line, the whole details as text.
  private String fingerprintText = "";
  private String detailsText = "";
  private final Label title = new Label();
  private final Label role = new Label();
  private final Label subject = wrapping("certificate-subject");
  private final Label issuer = wrapping("certificate-issuer");
  private final TextField serial = value("certificate-serial");
  private final TextField notBefore = value("certificate-not-before");
  private final TextField notAfter = value("certificate-not-after");
  private final Label daysLeft = new Label();
  private final Label sans = wrapping("certificate-sans");
  private final TextField key = value("certificate-key");
  private final TextField signature = value("certificate-signature");
  private final Label keyUsage = wrapping("certificate-key-usage");
  private final Label extendedKeyUsage = wrapping("certificate-eku");
  private final Label basicConstraints = wrapping("certificate-basic-constraints");
  private final TextArea fingerprint = new TextArea();
  private final Button copyFingerprint = new Button(null, Icons.copy());
  private final TextArea sha1 = new TextArea();
  private final Button copySha1 = new Button(null, Icons.copy());
  private final Label extensionsTitle = new Label();
  private final VBox extensions = new VBox(8);
  private final VBox missing = new VBox(10);
  private final Button copyDetails = new Button("Copy details", Icons.copy());
  private final TextArea pem = new TextArea();
  private final Button copyPem = new Button("Copy PEM", Icons.copy());
  private final Button savePem = new Button("Save PEM…", Icons.save());
  private final Label status = new Label();
  private final ScrollPane scroll;
  private final ScrollPane missingScroll;
  private final BorderPane node;

  /**
   * @param onCopy copies the PEM
   * @param onSave saves the PEM
   * @param onCopyText puts a text on the clipboard and says so under the buttons: (text, what)
   */
  CertificateDetails(
      Runnable onCopy, Runnable onSave, java.util.function.BiConsumer<String, String> onCopyText) {
    title.setMnemonicParsing(false);
    role.setMnemonicParsing(false);
    daysLeft.setMnemonicParsing(false);
    status.setMnemonicParsing(false);
    title.getStyleClass().add("section-title");
    title.setId("certificate-title");
    title.setWrapText(true);
    role.getStyleClass().add(ThemeClasses.TEXT_MUTED);
    role.setWrapText(true);
    daysLeft.setId("certificate-days-left");
    // 32 bytes as two lines of 16: the whole fingerprint stays visible in a narrow window.
    fingerprint.setId("certificate-fingerprint");
    fingerprint.setEditable(false);
    fingerprint.setPrefRowCount(2);
    fingerprint.setMinHeight(Region.USE_PREF_SIZE);
    fingerprint.getStyleClass().addAll("evidence", "certificate-value-area");
    copyFingerprint.setId("copy-fingerprint");
    copyFingerprint.getStyleClass().add(ThemeClasses.FLAT);
    copyFingerprint.setTooltip(new Tooltip("Copy the SHA-256 fingerprint"));
    copyFingerprint.setOnAction(e -> onCopyText.accept(fingerprintText, "SHA-256 fingerprint"));
    sha1.setId("certificate-sha1");
    sha1.setEditable(false);
    sha1.setPrefRowCount(1);
    sha1.setPrefColumnCount(48);
    sha1.setMaxWidth(Region.USE_PREF_SIZE);
    sha1.setMinHeight(Region.USE_PREF_SIZE);
    sha1.getStyleClass().addAll("evidence", "certificate-value-area");
    copySha1.setId("copy-sha1");
    copySha1.getStyleClass().add(ThemeClasses.FLAT);
    copySha1.setTooltip(new Tooltip("Copy the SHA-1 fingerprint"));
    copySha1.setOnAction(e -> onCopyText.accept(sha1.getText(), "SHA-1 fingerprint"));
    HBox sha1Row = new HBox(4, sha1, copySha1);
    sha1Row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    copyDetails.setId("copy-details");
    copyDetails.setTooltip(new Tooltip("Copy every field shown here as text"));
    copyDetails.setOnAction(e -> onCopyText.accept(detailsText, "Details"));
    HBox fingerprintRow = new HBox(4, fingerprint, copyFingerprint);
    fingerprint.setPrefColumnCount(48);
    fingerprint.setMaxWidth(Region.USE_PREF_SIZE);
    fingerprintRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    serial.getStyleClass().add("evidence");

    pem.setId("certificate-pem");
    pem.setEditable(false);
    pem.setPrefRowCount(8);
    pem.setMinHeight(Region.USE_PREF_SIZE);
    pem.getStyleClass().add("evidence");
    copyPem.setId("copy-pem");
    copyPem.setOnAction(e -> onCopy.run());
    copyPem.setTooltip(new Tooltip("Copy the certificate in PEM to the clipboard (Ctrl+C)"));
    savePem.setId("save-pem");
    savePem.setOnAction(e -> onSave.run());
    status.setId("certificate-status");
    status.getStyleClass().add(ThemeClasses.TEXT_MUTED);
    status.setWrapText(true);
    HBox buttons = new HBox(8, copyPem, savePem, copyDetails, status);
    buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    HBox.setHgrow(status, Priority.ALWAYS);

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    labels.setHalignment(HPos.RIGHT);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    values.setFillWidth(true);
    values.setMinWidth(120);
    grid.getColumnConstraints().addAll(labels, values);
    int row = 0;
    row = section(grid, row, "Identity");
    row = field(grid, row, "Subject", subject);
    row = field(grid, row, "Issuer", issuer);
    row = field(grid, row, "Serial number", serial);
    row = section(grid, row, "Validity");
    row = field(grid, row, "Not before", notBefore);
    row = field(grid, row, "Not after", notAfter);
    row = field(grid, row, "", daysLeft);
    row = section(grid, row, "Names (subjectAltName)");
    row = field(grid, row, "DNS names", sans);
    row = section(grid, row, "Key, signature and purpose");
    row = field(grid, row, "Public key", key);
    row = field(grid, row, "Signature", signature);
    row = field(grid, row, "Key usage", keyUsage);
    row = field(grid, row, "Extended key usage", extendedKeyUsage);
    row = field(grid, row, "Basic constraints", basicConstraints);
    row = field(grid, row, "SHA-256", fingerprintRow);
    row = field(grid, row, "SHA-1", sha1Row);

    extensionsTitle.getStyleClass().add("certificate-section");
    VBox.setMargin(extensionsTitle, new Insets(8, 0, 0, 0));
    extensions.setId("certificate-extensions");

    Label pemTitle = new Label("PEM");
    pemTitle.getStyleClass().add("certificate-section");
    VBox.setMargin(pemTitle, new Insets(8, 0, 0, 0));
    VBox fields = new VBox(6, grid, extensionsTitle, extensions, pemTitle, pem);
    fields.setPadding(new Insets(4, 16, 16, 16));
    fields.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(fields);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add(ThemeClasses.EDGE_TO_EDGE);
    this.scroll = scroll;

    missing.setId("certificate-missing-details");
    missing.setPadding(new Insets(4, 16, 16, 16));
    missingScroll = new ScrollPane(missing);
    missingScroll.setFitToWidth(true);
    missingScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    missingScroll.getStyleClass().add(ThemeClasses.EDGE_TO_EDGE);

    // The title and the PEM actions stay in view however far the fields are scrolled.
    VBox header = new VBox(2, title, role, buttons);
    VBox.setMargin(buttons, new Insets(6, 0, 0, 0));
    header.setPadding(new Insets(12, 16, 8, 16));
    header.getStyleClass().add("certificate-header");
    node = new BorderPane(scroll);
    node.setTop(header);
    node.setId("certificate-details");
    node.setMinWidth(300);
  }

  Node node() {
    return node;
  }

  /** Fills every field from {@code entry}. */
  void show(ChainEntry entry, PreparedChain.Entry prepared) {
    CertificateSummary cert = entry.summary();
    node.setCenter(scroll);
    title.setText(entry.name());
    role.setText(roleLine(entry));
    subject.setText(DetailsText.spacedDn(cert.subject()));
    issuer.setText(DetailsText.spacedDn(cert.issuer()));
    serial.setText(cert.serial());
    notBefore.setText(DATE_TIME.format(cert.notBefore()));
    notAfter.setText(DATE_TIME.format(cert.notAfter()));
    Validity validity = prepared.validity();
    daysLeft.setText(validity.text());
    daysLeft.getStyleClass().removeAll(Validity.OK, Validity.SOON, Validity.BAD);
    daysLeft.getStyleClass().add(validity.styleClass());
    sans.setText(sansText(entry));
    sans.getStyleClass().remove(ThemeClasses.TEXT_MUTED);
    if (cert.sanDnsNames().isEmpty()) {
      sans.getStyleClass().add(ThemeClasses.TEXT_MUTED);
    }
    key.setText(keyText(cert));
    signature.setText(orNone(cert.signatureAlgorithm()));
    keyUsage.setText(listText(cert.keyUsage()));
    extendedKeyUsage.setText(listText(cert.extendedKeyUsage()));
    basicConstraints.setText(cert.basicConstraintsText());
    fingerprint.setText(twoLines(cert.sha256()));
    fingerprintText = cert.sha256();
    copyFingerprint.setDisable(cert.sha256().isEmpty());
    sha1.setText(prepared.sha1());
    copySha1.setDisable(sha1.getText().isEmpty());
    showExtensions(prepared.extensions());
    detailsText = prepared.detailsText();
    copyDetails.setDisable(false);
    pem.setText(cert.pem());
    pem.positionCaret(0);
    copyPem.setDisable(cert.pem().isEmpty());
    savePem.setDisable(cert.pem().isEmpty());
    status.setText("");
    scroll.setVvalue(0);
  }

  /** Explains the certificate the server should have sent above {@code gap.issued()}. */
  void show(MissingIssuer gap) {
    title.setText("Missing: “" + gap.issuerName() + "”");
    role.setText(gap.sentence());
    missing.getChildren().clear();
    for (String paragraph : DetailsText.explanation(gap)) {
      Label text = wrapping(null);
      text.setText(paragraph);
      missing.getChildren().add(text);
    }
    copyPem.setDisable(true);
    savePem.setDisable(true);
    detailsText = DetailsText.of(gap);
    copyDetails.setDisable(false);
    status.setText("");
    node.setCenter(missingScroll);
    missingScroll.setVvalue(0);
  }

  private void showExtensions(List<CertificateExtension> list) {
    extensionsTitle.setText("Extensions (" + list.size() + ")");
    extensions.getChildren().clear();
    if (list.isEmpty()) {
      Label none = wrapping(null);
      none.setText("None (a version 1 certificate, or one that could not be read).");
      none.getStyleClass().add(ThemeClasses.TEXT_MUTED);
      extensions.getChildren().add(none);
    }
    for (CertificateExtension ext : list) {
      Label name = wrapping(null);
      name.setText(ext.title());
      name.getStyleClass().add(ThemeClasses.TEXT_BOLD);
      Label meta = wrapping(null);
      meta.setText("OID " + ext.oid() + (ext.critical() ? " · critical" : " · not critical"));
      meta.getStyleClass().add(ThemeClasses.TEXT_MUTED);
      Label value = wrapping(null);
      value.setText(ext.decoded() ? ext.value() : "DER (hex): " + ext.value());
      value.getStyleClass().add(ext.decoded() ? "certificate-extension-value" : "evidence");
      VBox box = new VBox(0, name, meta, value);
      box.getStyleClass().add("certificate-extension");
      if (ext.critical()) {
        box.getStyleClass().add("certificate-extension-critical");
      }
      extensions.getChildren().add(box);
    }
  }

  /** A short message under the PEM (copied, saved, failed). */
  void status(String message, boolean failed) {
    status.setText(message);
    status.getStyleClass().removeAll(ThemeClasses.TEXT_MUTED, ThemeClasses.DANGER);
    status.getStyleClass().add(failed ? ThemeClasses.DANGER : ThemeClasses.TEXT_MUTED);
  }

  private static String roleLine(ChainEntry entry) {
    String word = entry.role().word();
    String line = word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1);
    line += " certificate, #" + entry.index() + " in the chain the server sent";
    if (entry.summary().selfIssued()) {
      line += "; self-issued";
    } else {
      line += "; issued by " + CertificateChain.commonName(entry.summary().issuer());
    }
    if (entry.fails()) {
      line += " — fails";
    } else if (entry.warns()) {
      line += " — warning";
    }
    return line;
  }

  private static String sansText(ChainEntry entry) {
    List<String> names = entry.summary().sanDnsNames();
    if (!names.isEmpty()) {
      return String.join("\n", names);
    }
    if (entry.role() == ChainEntry.Role.LEAF) {
      return "None. RFC 8461 senders ignore the subject CN, so this certificate is valid for no"
          + " host name.";
    }
    return "None (a CA certificate needs none).";
  }

  /** "AA:BB:…" split after its 16th byte, where it has 32. */
  static String twoLines(String fingerprint) {
    int half = 16 * 3; // "AA:" per byte
    return fingerprint.length() > half
        ? fingerprint.substring(0, half - 1) + "\n" + fingerprint.substring(half)
        : fingerprint;
  }

  private static String keyText(CertificateSummary cert) {
    return DetailsText.keyText(cert);
  }

  private static String listText(List<String> items) {
    return items.isEmpty() ? "(none)" : String.join(", ", items);
  }

  private static String orNone(String text) {
    return text.isEmpty() ? "(unknown)" : text;
  }

  private static int section(GridPane grid, int row, String text) {
    Label label = new Label(text);
    label.setMnemonicParsing(false);
    label.getStyleClass().add("certificate-section");
    GridPane.setHalignment(label, HPos.LEFT);
    GridPane.setMargin(label, new Insets(row == 0 ? 4 : 10, 0, 2, 0));
    grid.add(label, 0, row, 2, 1);
    return row + 1;
  }

  private static int field(GridPane grid, int row, String name, Region value) {
    Label label = new Label(name);
    label.setMnemonicParsing(false);
    label.getStyleClass().add(ThemeClasses.TEXT_MUTED);
    label.setLabelFor(value);
    GridPane.setValignment(label, VPos.TOP);
    GridPane.setMargin(label, new Insets(3, 0, 0, 0));
    GridPane.setHgrow(value, Priority.ALWAYS);
    value.setMaxWidth(Double.MAX_VALUE);
    grid.add(label, 0, row);
    grid.add(value, 1, row);
    return row + 1;
  }

  /** Read-only, selectable, drawn like a label. */
  private static TextField value(String id) {
    TextField field = new TextField();
    field.setId(id);
    field.setEditable(false);
    field.getStyleClass().add("certificate-value");
    return field;
  }

  /** A label that wraps instead of cutting its text, and takes it literally (no mnemonics). */
  private static Label wrapping(String id) {
    Label label = new Label();
    if (id != null) {
      label.setId(id);
    }
    label.setMnemonicParsing(false);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    GridPane.setMargin(label, new Insets(3, 0, 3, 0));
    return label;
  }
}
