package org.stslens.ui.settings;

import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.stslens.engine.dns.DnsSettings;

/**
 * The Settings dialog: DNS server, extra trusted CA certificates, time limits, theme and the
 * step-by-step default. Validates as the user types; OK stays disabled while a value is wrong.
 */
public final class SettingsDialog extends Dialog<Settings> {

  private final TextField dnsServer = new TextField();
  private final ObservableList<String> trustFiles = FXCollections.observableArrayList();
  private final Spinner<Integer> dnsTimeout =
      new Spinner<>(
          Settings.MIN_TIMEOUT_SECONDS,
          Settings.MAX_DNS_TIMEOUT_SECONDS,
          Settings.DEFAULT_DNS_TIMEOUT_SECONDS);
  private final Spinner<Integer> fetchTimeout =
      new Spinner<>(
          Settings.MIN_TIMEOUT_SECONDS,
          Settings.MAX_STEP_TIMEOUT_SECONDS,
          Settings.DEFAULT_FETCH_TIMEOUT_SECONDS);
  private final Spinner<Integer> smtpTimeout =
      new Spinner<>(
          Settings.MIN_TIMEOUT_SECONDS,
          Settings.MAX_STEP_TIMEOUT_SECONDS,
          Settings.DEFAULT_SMTP_TIMEOUT_SECONDS);
  private final Spinner<Integer> checkTimeout =
      new Spinner<>(
          Settings.MIN_TIMEOUT_SECONDS,
          Settings.MAX_CHECK_TIMEOUT_SECONDS,
          Settings.DEFAULT_CHECK_TIMEOUT_SECONDS);
  private final ChoiceBox<String> theme =
      new ChoiceBox<>(FXCollections.observableArrayList("Light", "Dark"));
  private final CheckBox stepByStep = new CheckBox("Start checks in step-by-step mode");
  private final Label problem = new Label();

  public SettingsDialog(Window owner, Settings current) {
    initOwner(owner);
    setTitle("Settings");
    setHeaderText("How STS Lens checks domains");
    dnsServer.setId("settings-dns");
    dnsServer.setPromptText("system resolvers (or IP[:PORT], e.g. 9.9.9.9)");
    dnsServer.setText(current.dnsServer());
    trustFiles.setAll(current.trustFiles());
    dnsTimeout.getValueFactory().setValue(current.dnsTimeoutSeconds());
    fetchTimeout.getValueFactory().setValue(current.fetchTimeoutSeconds());
    smtpTimeout.getValueFactory().setValue(current.smtpTimeoutSeconds());
    checkTimeout.getValueFactory().setValue(current.checkTimeoutSeconds());
    checkTimeout.setId("settings-check-timeout");
    for (Spinner<Integer> s : List.of(dnsTimeout, fetchTimeout, smtpTimeout, checkTimeout)) {
      s.setEditable(true);
      s.setPrefWidth(100);
    }
    theme.setValue(current.darkTheme() ? "Dark" : "Light");
    stepByStep.setSelected(current.stepByStep());
    problem.getStyleClass().add("severity-error");
    problem.setWrapText(true);

    ListView<String> files = new ListView<>(trustFiles);
    files.setPrefHeight(90);
    Button add = new Button("Add PEM…");
    add.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Trusted CA certificate (PEM)");
          chooser
              .getExtensionFilters()
              .addAll(
                  new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
                  new FileChooser.ExtensionFilter("All files", "*"));
          File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
          if (file != null && !trustFiles.contains(file.getAbsolutePath())) {
            trustFiles.add(file.getAbsolutePath());
          }
        });
    Button remove = new Button("Remove");
    remove.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> trustFiles.remove(files.getSelectionModel().getSelectedItem()));

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    int row = 0;
    grid.addRow(row++, new Label("DNS server"), dnsServer);
    Label trustLabel = new Label("Extra trusted CAs");
    GridPane.setValignment(trustLabel, javafx.geometry.VPos.TOP);
    grid.addRow(
        row++,
        trustLabel,
        new VBox(
            6,
            files,
            new HBox(6, add, remove),
            hint(
                "Added to the JDK's trust store, e.g. your company's internal CA. Never added to the"
                    + " system.")));
    grid.addRow(row++, new Label("DNS time limit (s)"), dnsTimeout);
    grid.addRow(row++, new Label("Policy fetch time limit (s)"), fetchTimeout);
    grid.addRow(row++, new Label("SMTP step time limit (s)"), smtpTimeout);
    // the hint on a row of its own, so that the label stays level with its field
    grid.addRow(row++, new Label("Whole check time limit (s)"), checkTimeout);
    grid.add(
        hint(
            "Per domain. When it runs out, the steps still running are stopped and the report"
                + " names them. Not applied step by step."),
        1,
        row++);
    grid.addRow(row++, new Label("Theme"), theme);
    grid.add(stepByStep, 1, row++);
    grid.add(problem, 0, row, 2, 1);
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(problem.textProperty().isNotEmpty());
    dnsServer.textProperty().addListener((o, was, now) -> validate());
    validate();

    setResultConverter(
        button ->
            button == ButtonType.OK
                ? new Settings(
                    dnsServer.getText(),
                    trustFiles,
                    dnsTimeout.getValue(),
                    fetchTimeout.getValue(),
                    smtpTimeout.getValue(),
                    "Dark".equals(theme.getValue()),
                    stepByStep.isSelected(),
                    current.history(),
                    checkTimeout.getValue())
                : null);
  }

  /** Why the typed DNS server cannot be used, or empty. */
  static Optional<String> dnsProblem(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      DnsSettings.parseServer(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "DNS server: " + e.getMessage() + " (give an IP address, optionally :PORT)");
    }
  }

  private void validate() {
    problem.setText(dnsProblem(dnsServer.getText()).orElse(""));
  }

  private static Label hint(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMaxWidth(380);
    label.getStyleClass().add("muted");
    return label;
  }
}
