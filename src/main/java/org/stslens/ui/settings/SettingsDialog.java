package org.stslens.ui.settings;

import java.util.List;
import javafx.collections.FXCollections;
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
import javafx.stage.Window;
import org.stslens.ui.common.DialogService;

/**
 * The Settings dialog: DNS server, extra trusted CA certificates, the DNSSEC trust anchor, time
 * limits, theme and the step-by-step default. Binds to a {@link SettingsViewModel}, which validates
 * as the user types; OK stays disabled while a value is wrong.
 */
public final class SettingsDialog extends Dialog<Settings> {

  private final SettingsViewModel vm;
  private final TextField dnsServer = new TextField();
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

  /**
   * @param dialogs asks for the PEM files of "Add PEM…"
   */
  public SettingsDialog(Window owner, Settings current, DialogService dialogs) {
    this.vm = new SettingsViewModel(current);
    initOwner(owner);
    setTitle("Settings");
    setHeaderText("How STS Lens checks domains");
    dnsServer.setId("settings-dns");
    dnsServer.setPromptText("system resolvers (or IP[:PORT], e.g. 9.9.9.9)");
    dnsServer.textProperty().bindBidirectional(vm.dnsServerProperty());
    dnsTimeout.getValueFactory().valueProperty().bindBidirectional(vm.dnsTimeoutProperty());
    fetchTimeout.getValueFactory().valueProperty().bindBidirectional(vm.fetchTimeoutProperty());
    smtpTimeout.getValueFactory().valueProperty().bindBidirectional(vm.smtpTimeoutProperty());
    checkTimeout.getValueFactory().valueProperty().bindBidirectional(vm.checkTimeoutProperty());
    checkTimeout.setId("settings-check-timeout");
    for (Spinner<Integer> s : List.of(dnsTimeout, fetchTimeout, smtpTimeout, checkTimeout)) {
      s.setEditable(true);
      s.setPrefWidth(100);
    }
    theme.setValue(vm.darkThemeProperty().get() ? "Dark" : "Light");
    theme
        .valueProperty()
        .addListener((o, was, now) -> vm.darkThemeProperty().set("Dark".equals(now)));
    stepByStep.selectedProperty().bindBidirectional(vm.stepByStepProperty());
    problem.textProperty().bind(vm.problemProperty());
    problem.getStyleClass().add("severity-error");
    problem.setWrapText(true);

    ListView<String> files = new ListView<>(vm.trustFiles());
    files.setPrefHeight(90);
    Button add = new Button("Add PEM…");
    add.setOnAction(
        e ->
            dialogs
                .showOpenDialog(
                    new DialogService.FileDialog(
                        "Trusted CA certificate (PEM)",
                        "",
                        List.of(
                            DialogService.Filter.of("PEM certificates", "*.pem", "*.crt", "*.cer"),
                            DialogService.Filter.of("All files", "*"))))
                .ifPresent(vm::addTrustFile));
    Button remove = new Button("Remove");
    remove.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> vm.removeTrustFile(files.getSelectionModel().getSelectedItem()));

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
    Label anchorLabel = new Label("DNSSEC trust anchor");
    GridPane.setValignment(anchorLabel, javafx.geometry.VPos.TOP);
    grid.addRow(row++, anchorLabel, trustAnchor(dialogs));
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
    getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.validProperty().not());

    setResultConverter(button -> button == ButtonType.OK ? vm.result().orElse(null) : null);
  }

  /** Built-in IANA root, or a file of DS/DNSKEY records checked as soon as it is chosen. */
  private VBox trustAnchor(DialogService dialogs) {
    Label shown = new Label();
    shown.setId("settings-trust-anchor");
    shown.setWrapText(true);
    shown.setMaxWidth(380);
    shown
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.trustAnchorFileProperty().get().isEmpty()
                        ? "Built-in IANA root (KSK-2017, KSK-2024)"
                        : vm.trustAnchorFileProperty().get(),
                vm.trustAnchorFileProperty()));
    Button choose = new Button("File…");
    choose.setId("settings-trust-anchor-choose");
    choose.setOnAction(
        e ->
            dialogs
                .showOpenDialog(
                    new DialogService.FileDialog(
                        "DNSSEC trust anchor (DS or DNSKEY records)",
                        "",
                        List.of(
                            DialogService.Filter.of("Key and DS files", "*.key", "*.ds", "*.zone"),
                            DialogService.Filter.of("All files", "*"))))
                .ifPresent(vm::chooseTrustAnchor));
    Button builtIn = new Button("Built-in IANA root");
    builtIn.setId("settings-trust-anchor-root");
    builtIn.disableProperty().bind(vm.trustAnchorFileProperty().isEmpty());
    builtIn.setOnAction(e -> vm.useBuiltInTrustAnchor());
    Label anchorProblem = new Label();
    anchorProblem.setId("settings-trust-anchor-problem");
    anchorProblem.textProperty().bind(vm.trustAnchorProblemProperty());
    anchorProblem.getStyleClass().add("severity-error");
    // the dialog has the theme but not the app's stylesheet: the theme's danger colour inline
    anchorProblem.setStyle("-fx-text-fill: -color-danger-fg;");
    anchorProblem.setWrapText(true);
    anchorProblem.setMaxWidth(380);
    anchorProblem.visibleProperty().bind(vm.trustAnchorProblemProperty().isNotEmpty());
    anchorProblem.managedProperty().bind(anchorProblem.visibleProperty());
    return new VBox(
        6,
        shown,
        new HBox(6, builtIn, choose),
        anchorProblem,
        hint(
            "DANE's TLSA answers are validated from it. A file of DS or DNSKEY records is for a"
                + " lab or a private DNS tree."));
  }

  private static Label hint(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMaxWidth(380);
    label.getStyleClass().add("muted");
    return label;
  }
}
