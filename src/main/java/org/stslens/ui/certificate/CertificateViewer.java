package org.stslens.ui.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.io.TextFiles;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.FxDialogService;
import org.stslens.ui.common.Icons;

/**
 * Shows a presented certificate chain and its verdict: at the top the result for the reference host
 * (and, on failure, which certificate fails and why); on the left the chain as a tree, root at the
 * top and leaf at the bottom as browsers show it; on the right every field of the selected
 * certificate, with its PEM to copy or save. Ctrl+C copies the selected certificate's PEM.
 *
 * <p>Files are written on the {@code background} executor, never on the JavaFX thread.
 */
public final class CertificateViewer extends BorderPane {

  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
  private static final String STYLESHEET = "certificate.css";
  static final String MISSING_CLASS = "certificate-missing";

  private final PreparedChain prepared;
  private final CertificateChain chain;
  private final Executor background;
  private final DialogService dialogs;
  private final TreeView<ChainNode> tree = new TreeView<>();
  private final Map<Integer, TreeItem<ChainNode>> items = new HashMap<>();
  private final CertificateDetails details;

  /**
   * @param verdict the chain (leaf first) and its problems
   * @param clock what "now" is for the days left
   * @param background where PEM files are written
   */
  public CertificateViewer(ChainVerdict verdict, Clock clock, Executor background) {
    this(verdict, clock, background, null);
  }

  /**
   * @param dialogs asks where to save a PEM; null for the real dialogs over this viewer's window
   */
  CertificateViewer(ChainVerdict verdict, Clock clock, Executor background, DialogService dialogs) {
    this(
        PreparedChain.of(
            Objects.requireNonNull(verdict, "verdict"), Objects.requireNonNull(clock, "clock")),
        background,
        dialogs);
  }

  /**
   * @param prepared the chain and what is shown of each certificate, computed off the FX thread
   * @param dialogs asks where to save a PEM; null for the real dialogs over this viewer's window
   */
  CertificateViewer(PreparedChain prepared, Executor background, DialogService dialogs) {
    this.prepared = prepared;
    this.background = Objects.requireNonNull(background, "background");
    this.dialogs =
        dialogs != null
            ? dialogs
            : new FxDialogService(() -> getScene() == null ? null : getScene().getWindow());
    this.chain = prepared.chain();
    this.details =
        new CertificateDetails(this::copySelectedPem, this::chooseAndSavePem, this::copyText);
    getStyleClass().add("certificate-viewer");
    getStylesheets().add(CertificateViewer.class.getResource(STYLESHEET).toExternalForm());

    setTop(bounded(verdictBanner()));
    if (chain.entries().isEmpty()) {
      Label none = new Label("The server presented no certificate.");
      none.getStyleClass().add(ThemeClasses.TEXT_MUTED);
      setCenter(none);
    } else {
      buildTree();
      SplitPane split = new SplitPane(tree, details.node());
      split.setDividerPositions(0.3);
      SplitPane.setResizableWithParent(tree, false);
      setCenter(split);
      tree.getSelectionModel()
          .selectedItemProperty()
          .addListener(
              (obs, old, item) -> {
                if (item != null && item.getValue() instanceof ChainEntry entry) {
                  details.show(entry, this.prepared.entry(entry));
                } else if (item != null && item.getValue() instanceof MissingIssuer gap) {
                  details.show(gap);
                }
              });
      select(0);
    }
    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (COPY.match(e)) {
            copySelectedPem();
            e.consume();
          }
        });
  }

  /** Selects the certificate at {@code chainIndex} of the presented chain (0 = leaf). */
  public void select(int chainIndex) {
    TreeItem<ChainNode> item = items.get(chainIndex);
    if (item != null) {
      tree.getSelectionModel().select(item);
      int row = tree.getRow(item);
      if (row >= 0) {
        tree.scrollTo(row);
      }
    }
  }

  /** The certificate whose details are shown. */
  public Optional<CertificateSummary> selectedCertificate() {
    return selected().map(ChainEntry::summary);
  }

  /** Gives keyboard focus to the chain. */
  @Override
  public void requestFocus() {
    if (tree.getRoot() != null) {
      tree.requestFocus();
    } else {
      super.requestFocus();
    }
  }

  private Optional<ChainEntry> selected() {
    TreeItem<ChainNode> item = tree.getSelectionModel().getSelectedItem();
    return item != null && item.getValue() instanceof ChainEntry entry
        ? Optional.of(entry)
        : Optional.empty();
  }

  private VBox verdictBanner() {
    Label headline = new Label(chain.headline());
    headline.setMnemonicParsing(false);
    headline.setWrapText(true);
    headline.setId("certificate-headline");
    headline.getStyleClass().add("section-title");
    StageStatus overall =
        !chain.valid()
            ? StageStatus.FAIL
            : chain.hasWarnings() ? StageStatus.WARN : StageStatus.PASS;
    headline.setGraphic(Icons.status(overall));
    Label summary = new Label(chain.summary());
    summary.setMnemonicParsing(false);
    summary.setWrapText(true);
    VBox banner = new VBox(6, headline);
    if (!chain.facts().isEmpty()) {
      // Name and dates said apart: an expired certificate can still match its name.
      Label facts = new Label(String.join("; ", chain.facts()) + ".");
      facts.setId("certificate-facts");
      facts.setMnemonicParsing(false);
      facts.setWrapText(true);
      banner.getChildren().add(facts);
    }
    banner.getChildren().add(summary);
    for (CertificateChain.ProblemLine line : chain.problemLines()) {
      banner.getChildren().add(problemRow(line));
    }
    banner.setId("certificate-verdict");
    banner
        .getStyleClass()
        .addAll(
            "verdict-banner",
            !chain.valid() ? "verdict-bad" : chain.hasWarnings() ? "verdict-warn" : "verdict-good");
    return banner;
  }

  /**
   * The banner scrolls within at most 40% of the viewer's height: long names wrap over many lines,
   * and the chain and details below must stay in view.
   */
  private ScrollPane bounded(VBox banner) {
    ScrollPane scroll = new ScrollPane(banner);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().addAll(ThemeClasses.EDGE_TO_EDGE, "certificate-verdict-scroll");
    scroll.maxHeightProperty().bind(heightProperty().multiply(0.4));
    scroll.prefViewportHeightProperty().bind(banner.heightProperty());
    scroll.setMinViewportHeight(0);
    BorderPane.setMargin(scroll, new Insets(10, 10, 8, 10));
    return scroll;
  }

  private HBox problemRow(CertificateChain.ProblemLine line) {
    Label title = new Label(line.title());
    title.setMnemonicParsing(false);
    title.getStyleClass().addAll("certificate-problem-title", ThemeClasses.TEXT_BOLD);
    title.setWrapText(true);
    Label detail = new Label(line.detail());
    detail.setMnemonicParsing(false);
    detail.setWrapText(true);
    VBox text = new VBox(1, title, detail);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox row = new HBox(8, Icons.severity(line.error() ? Severity.ERROR : Severity.WARNING), text);
    row.getStyleClass().add("certificate-problem");
    if (line.certificateIndex() >= 0) {
      row.setCursor(Cursor.HAND);
      Tooltip.install(row, new Tooltip("Show this certificate"));
      row.setOnMouseClicked(e -> select(line.certificateIndex()));
    }
    return row;
  }

  private void buildTree() {
    TreeItem<ChainNode> hiddenRoot = new TreeItem<>();
    List<ChainEntry> path = chain.issuingPath();
    TreeItem<ChainNode> parent = hiddenRoot;
    // The certificate the server should have sent sits where it belongs: above the path.
    Optional<MissingIssuer> gap = chain.missingIssuer();
    if (gap.isPresent()) {
      TreeItem<ChainNode> placeholder = new TreeItem<>(gap.get());
      placeholder.setExpanded(true);
      hiddenRoot.getChildren().add(placeholder);
      parent = placeholder;
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      TreeItem<ChainNode> item = item(path.get(i));
      parent.getChildren().add(item);
      parent = item;
    }
    for (ChainEntry stray : chain.strays()) {
      hiddenRoot.getChildren().add(item(stray));
    }
    tree.setRoot(hiddenRoot);
    tree.setShowRoot(false);
    tree.setId("certificate-tree");
    tree.setFocusTraversable(true);
    tree.setMinWidth(180);
    tree.setCellFactory(view -> new EntryCell());
  }

  private TreeItem<ChainNode> item(ChainEntry entry) {
    TreeItem<ChainNode> item = new TreeItem<>(entry);
    item.setExpanded(true);
    items.put(entry.index(), item);
    return item;
  }

  private void copySelectedPem() {
    selected()
        .filter(e -> !e.summary().pem().isEmpty())
        .ifPresent(
            entry -> {
              ClipboardContent content = new ClipboardContent();
              content.putString(entry.summary().pem());
              Clipboard.getSystemClipboard().setContent(content);
              details.status("PEM of “" + entry.name() + "” copied to the clipboard.", false);
            });
  }

  private void copyText(String text, String what) {
    if (text == null || text.isEmpty()) {
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
    details.status(what + " copied to the clipboard.", false);
  }

  private void chooseAndSavePem() {
    selected()
        .ifPresent(
            entry ->
                dialogs
                    .showSaveDialog(
                        new DialogService.FileDialog(
                            "Save the certificate “" + entry.name() + "”",
                            fileName(entry),
                            List.of(DialogService.Filter.of("PEM certificate", "*.pem", "*.crt"))))
                    .ifPresent(this::savePem));
  }

  /**
   * Writes the selected certificate's PEM to {@code target} on the background executor and reports
   * the outcome under the PEM. Call on the JavaFX thread; the future completes (on the JavaFX
   * thread) once the outcome is shown.
   */
  CompletableFuture<Path> savePem(Path target) {
    CompletableFuture<Path> shown = new CompletableFuture<>();
    Optional<ChainEntry> entry = selected();
    if (entry.isEmpty()) {
      shown.completeExceptionally(new IllegalStateException("no certificate selected"));
      return shown;
    }
    String name = entry.get().name();
    String pem = entry.get().summary().pem();
    details.status("Saving…", false);
    CompletableFuture.runAsync(() -> write(target, pem), background)
        .whenComplete(
            (ok, error) ->
                Platform.runLater(
                    () -> {
                      if (error == null) {
                        details.status("Saved “" + name + "” to " + target + ".", false);
                        shown.complete(target);
                      } else {
                        Throwable cause = error.getCause() == null ? error : error.getCause();
                        details.status(
                            "Could not save to " + target + ": " + describe(cause) + ".", true);
                        shown.completeExceptionally(cause);
                      }
                    }));
    return shown;
  }

  private static void write(Path target, String pem) {
    try {
      TextFiles.write(target, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error instanceof UncheckedIOException u ? u.getCause() : error;
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static String fileName(ChainEntry entry) {
    String base = entry.name().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[_.]+", "");
    return (base.isEmpty() ? "certificate" : base) + ".pem";
  }

  /**
   * A chain node: its whole name (the tree scrolls sideways rather than cutting it), an icon that
   * says whether it fails, and a tooltip with the full description; a missing issuer is drawn as a
   * placeholder.
   */
  private static final class EntryCell extends TreeCell<ChainNode> {

    /** One per cell, its text changed: a tooltip builds and styles a popup scene of its own. */
    private Tooltip tooltip;

    EntryCell() {
      setMnemonicParsing(false);
    }

    @Override
    protected void updateItem(ChainNode node, boolean empty) {
      super.updateItem(node, empty);
      getStyleClass().remove(MISSING_CLASS);
      if (empty || node == null) {
        setText(null);
        setGraphic(null);
        setTooltip(null);
        setAccessibleText(null);
        return;
      }
      if (node instanceof ChainEntry entry) {
        showEntry(entry);
      } else if (node instanceof MissingIssuer gap) {
        showMissing(gap);
      }
    }

    private void showEntry(ChainEntry entry) {
      StageStatus status =
          entry.fails() ? StageStatus.FAIL : entry.warns() ? StageStatus.WARN : StageStatus.PASS;
      String state = entry.fails() ? "fails" : entry.warns() ? "warning" : "ok";
      String described = entry.described();
      String tip =
          described.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + described.substring(1);
      setText(entry.name());
      setGraphic(Icons.status(status));
      setTooltip(wrappingTooltip(tip + ": " + state + "\n" + entry.summary().subject()));
      setAccessibleText(tip + ", " + state);
    }

    private void showMissing(MissingIssuer gap) {
      getStyleClass().add(MISSING_CLASS);
      FontIcon icon = new FontIcon(MaterialDesignL.LINK_VARIANT_OFF);
      icon.getStyleClass().add("certificate-missing-icon");
      setText(gap.name());
      setGraphic(icon);
      setTooltip(wrappingTooltip(gap.sentence()));
      setAccessibleText(gap.sentence());
    }

    private Tooltip wrappingTooltip(String text) {
      if (tooltip == null) {
        tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(600);
      }
      tooltip.setText(text);
      return tooltip;
    }
  }
}
