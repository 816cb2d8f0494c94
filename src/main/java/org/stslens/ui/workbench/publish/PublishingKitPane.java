package org.stslens.ui.workbench.publish;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.stages.common.Copy;
import org.stslens.ui.stages.common.Texts;
import org.stslens.workbench.publish.KitExporter;
import org.stslens.workbench.publish.PublishingKit;
import org.stslens.workbench.publish.Snippet;
import org.stslens.workbench.publish.WithdrawalPlan;

/**
 * Shows a {@link PublishingKit}: the policy file to serve first, then the TXT record, the server
 * snippets and the rollout checklist, each with a Copy button. Exporting is the caller's: it owns
 * the folder chooser and writes off the FX thread, then reports back with {@link
 * #showExportStatus(String)}.
 */
public final class PublishingKitPane extends ScrollPane {

  // One height for every tab: a TabPane is as tall as its tallest tab, so a short snippet in a
  // variable-height area would leave a gap below it.
  private static final int MAX_SNIPPET_ROWS = 20;

  private final PublishingKit kit;
  private final Label exportStatus = new Label();
  private final TlsaRecordModel tlsa;

  /**
   * @param kit the kit to show
   * @param onExport called on the FX thread when the user asks to export the kit to a folder
   */
  public PublishingKitPane(PublishingKit kit, Consumer<PublishingKit> onExport) {
    this(kit, onExport, null, null);
  }

  /**
   * @param kit the kit to show
   * @param onExport called on the FX thread with the kit (and its TLSA records, when made) to
   *     export to a folder
   * @param tlsa the state of the DANE TLSA section, kept by the caller across drafts; null leaves
   *     the section out
   * @param dialogs opens the certificate files of the TLSA section; null leaves the section out
   */
  public PublishingKitPane(
      PublishingKit kit,
      Consumer<PublishingKit> onExport,
      TlsaRecordModel tlsa,
      DialogService dialogs) {
    this.kit = Objects.requireNonNull(kit, "kit");
    Objects.requireNonNull(onExport, "onExport");
    this.tlsa = tlsa;
    VBox content = new VBox(22);
    content.getStyleClass().add("kit-pane");
    content.setPadding(new Insets(20, 24, 28, 24));
    content
        .getChildren()
        .addAll(
            header(onExport),
            policyFile(),
            txtRecord(),
            KitSections.section(
                "Web server and DNS configuration",
                "Paste the part for your server. Each snippet says in its comments what to adapt.",
                snippets()),
            checklist(),
            withdrawal());
    if (tlsa != null && dialogs != null) {
      content
          .getChildren()
          .add(
              KitSections.section(
                  "DANE TLSA record (optional)",
                  "For senders that use DANE (RFC 7672), beside MTA-STS: a record that binds an MX"
                      + " host to its certificate's key. Open the certificate, or take the one an"
                      + " MX presented in the last check.",
                  new TlsaSection(tlsa, dialogs)));
    }
    setContent(content);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    getStyleClass().add("kit-scroll");
    setId("publishing-kit");
  }

  public PublishingKit kit() {
    return kit;
  }

  /** Shows the outcome of an export, e.g. the folder written to, next to the Export button. */
  public void showExportStatus(String message) {
    exportStatus.setText(message);
  }

  private Node header(Consumer<PublishingKit> onExport) {
    Label title = new Label("Publish the policy of " + kit.domain());
    title.getStyleClass().addAll("title-3", "kit-title");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    Button export =
        new Button("_Export to folder…", new FontIcon(MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE));
    export.setMnemonicParsing(true);
    export.setId("export-kit");
    export.setMinWidth(Region.USE_PREF_SIZE);
    export.setTooltip(
        new Tooltip(
            "Write mta-sts.txt, the TXT record, the snippets and the checklist to a folder"));
    export.setAccessibleText("Export the publishing kit to a folder");
    // the TLSA records made in this kit's section go with it
    export.setOnAction(e -> onExport.accept(tlsa == null ? kit : kit.withTlsa(tlsa.records())));
    exportStatus.setId("export-status");
    exportStatus.getStyleClass().add("muted");
    exportStatus.setWrapText(true);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, title, spacer, exportStatus, export);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private Node policyFile() {
    Label note =
        Texts.wrapping(
            "CRLF line endings, UTF-8, no BOM, " + Texts.bytes(kit.fileBytes().length), "kit-note");
    note.setId("file-note");
    String shown = kit.fileText().replace("\r\n", "\n");
    TextArea text = KitSections.code(shown, (int) shown.lines().count() + 2);
    text.setId("policy-file");
    text.setAccessibleText("The policy file mta-sts.txt");
    HBox row = new HBox(8, text, copy(kit::fileText, "the policy file"));
    HBox.setHgrow(text, Priority.ALWAYS);
    return KitSections.section(
        "1. Serve the policy file first",
        "Serve these exact bytes at " + kit.policyUrl() + " as text/plain, without redirect.",
        new VBox(6, note, row));
  }

  private Node txtRecord() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    addField(grid, 0, "Name", kit.txtName(), "txt-name", "the TXT record name");
    addField(grid, 1, "Value", kit.txtValue(), "txt-value", "the TXT record value");
    return KitSections.section(
        "2. Then publish the TXT record",
        "Type TXT. The id "
            + kit.id().value()
            + " is new: a changed id is what tells senders to fetch the policy again.",
        grid);
  }

  private static void addField(
      GridPane grid, int row, String label, String value, String id, String what) {
    Label key = new Label(label);
    key.getStyleClass().add("kit-field-label");
    key.setMinWidth(Region.USE_PREF_SIZE);
    TextField field = new TextField(value);
    field.setEditable(false);
    field.setId(id);
    field.getStyleClass().addAll("evidence", "kit-code");
    field.setAccessibleText(label + " of the TXT record");
    GridPane.setHgrow(field, Priority.ALWAYS);
    grid.addRow(row, key, field, copy(() -> value, what));
  }

  private Node snippets() {
    TabPane tabs = new TabPane();
    tabs.setId("snippets");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getStyleClass().add("kit-snippets");
    for (Snippet snippet : kit.snippets()) {
      long longest =
          kit.snippets().stream().mapToLong(s -> s.text().lines().count()).max().orElse(1);
      TextArea text = KitSections.code(snippet.text(), (int) Math.min(longest, MAX_SNIPPET_ROWS));
      text.setId("snippet-" + snippet.fileName().replace('.', '-'));
      text.setAccessibleText(snippet.title() + " configuration");
      Label file = Texts.wrapping("Exported as " + snippet.fileName(), "muted");
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      HBox bar =
          new HBox(8, file, spacer, copy(snippet::text, "the " + snippet.title() + " snippet"));
      bar.setAlignment(Pos.CENTER_LEFT);
      VBox box = new VBox(6, bar, text);
      box.setPadding(new Insets(8, 0, 0, 0));
      Tab tab = new Tab(snippet.title(), box);
      tab.setId("tab-" + snippet.fileName().replace('.', '-'));
      tabs.getTabs().add(tab);
    }
    return tabs;
  }

  private Node checklist() {
    return KitSections.section(
        "Rollout checklist",
        "The order of RFC 8461 §8, with this draft's values. Do the steps one after another.",
        ChecklistSteps.of(kit.checklist().publish(), "publish-steps"));
  }

  /** The dated withdrawal plan, with its own policy file and TXT record to copy. */
  private Node withdrawal() {
    WithdrawalPlan plan = kit.withdrawal();
    String shown = plan.fileText().replace("\r\n", "\n");
    TextArea file = KitSections.code(shown, (int) shown.lines().count() + 1);
    file.setId("withdraw-file");
    file.setAccessibleText("The mode none policy file of the withdrawal");
    HBox fileRow = new HBox(8, file, copy(plan::fileText, "the mode none policy file"));
    HBox.setHgrow(file, Priority.ALWAYS);
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    addField(grid, 0, "Name", plan.txtName(), "withdraw-txt-name", "the TXT record name");
    addField(grid, 1, "Value", plan.txtValue(), "withdraw-txt-value", "the withdrawal TXT value");
    VBox box =
        new VBox(
            14,
            ChecklistSteps.of(plan.steps(), "withdraw-steps"),
            KitSections.subTitle("The mode none policy (serve it as mta-sts.txt)"),
            fileRow,
            KitSections.subTitle("Its TXT record"),
            grid);
    return KitSections.section(
        "Withdraw MTA-STS",
        "If you ever remove MTA-STS from "
            + kit.domain()
            + ": the order of RFC 8461 §8.3, dated as if you started today. Exported as "
            + KitExporter.WITHDRAW_FILE
            + " and "
            + KitExporter.WITHDRAW_POLICY_FILE
            + ".",
        box);
  }

  static Button copy(Supplier<String> text, String what) {
    Button button = Copy.button(text, what);
    button.setAccessibleText("Copy " + what);
    button.setMinWidth(Region.USE_PREF_SIZE);
    return button;
  }
}
