package org.stslens.ui.certificate;

import java.time.Clock;
import java.time.ZoneOffset;
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
import org.stslens.engine.export.Visible;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.ui.common.Icons;

/** The right-hand pane of the viewer: every field of one certificate, and its PEM. */
final class CertificateDetails {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Label title = new Label();
  private final Label role = new Label();
  private final TextField subject = value("certificate-subject");
  private final TextField issuer = value("certificate-issuer");
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
  private final TextArea pem = new TextArea();
  private final Button copyPem = new Button("Copy PEM", Icons.copy());
  private final Button savePem = new Button("Save PEM…", Icons.save());
  private final Label status = new Label();
  private final ScrollPane scroll;
  private final BorderPane node;

  CertificateDetails(Clock clock, Runnable onCopy, Runnable onSave, Runnable onCopyFingerprint) {
    this.clock = clock;
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
    copyFingerprint.setOnAction(e -> onCopyFingerprint.run());
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
    HBox buttons = new HBox(8, copyPem, savePem, status);
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

    Label pemTitle = new Label("PEM");
    pemTitle.getStyleClass().add("certificate-section");
    VBox.setMargin(pemTitle, new Insets(8, 0, 0, 0));
    VBox fields = new VBox(6, grid, pemTitle, pem);
    fields.setPadding(new Insets(4, 16, 16, 16));
    fields.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(fields);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add(ThemeClasses.EDGE_TO_EDGE);
    this.scroll = scroll;

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
  void show(ChainEntry entry) {
    CertificateSummary cert = entry.summary();
    title.setText(entry.name());
    role.setText(roleLine(entry));
    subject.setText(Visible.line(cert.subject()));
    issuer.setText(Visible.line(cert.issuer()));
    serial.setText(cert.serial());
    notBefore.setText(DATE_TIME.format(cert.notBefore()));
    notAfter.setText(DATE_TIME.format(cert.notAfter()));
    Validity validity = Validity.of(cert.notBefore(), cert.notAfter(), clock.instant());
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
    copyFingerprint.setDisable(cert.sha256().isEmpty());
    pem.setText(cert.pem());
    pem.positionCaret(0);
    copyPem.setDisable(cert.pem().isEmpty());
    savePem.setDisable(cert.pem().isEmpty());
    status.setText("");
    scroll.setVvalue(0);
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
    if (cert.keyType().isEmpty()) {
      return "(unknown)";
    }
    return cert.keySize() > 0 ? cert.keyType() + ", " + cert.keySize() + " bits" : cert.keyType();
  }

  private static String listText(List<String> items) {
    return items.isEmpty() ? "(none)" : String.join(", ", items);
  }

  private static String orNone(String text) {
    return text.isEmpty() ? "(unknown)" : text;
  }

  private static int section(GridPane grid, int row, String text) {
    Label label = new Label(text);
    label.getStyleClass().add("certificate-section");
    GridPane.setHalignment(label, HPos.LEFT);
    GridPane.setMargin(label, new Insets(row == 0 ? 4 : 10, 0, 2, 0));
    grid.add(label, 0, row, 2, 1);
    return row + 1;
  }

  private static int field(GridPane grid, int row, String name, Region value) {
    Label label = new Label(name);
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

  private static Label wrapping(String id) {
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    GridPane.setMargin(label, new Insets(3, 0, 3, 0));
    return label;
  }
}
