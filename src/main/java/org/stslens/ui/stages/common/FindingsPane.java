package org.stslens.ui.stages.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.ui.common.Icons;

/**
 * The findings of a stage as cards, worst first: severity, code, target, the plain message, how to
 * fix it, the RFC section with a short quote, what a sender does because of it and the TLS-RPT
 * result type it would report. A card can be selected (click, Enter or Space), which tells {@link
 * #setOnFindingSelected} listeners, e.g. the policy view that highlights the finding's line.
 */
public final class FindingsPane extends VBox {

  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

  private final List<Finding> findings;
  private final List<VBox> cards = new ArrayList<>();
  private Consumer<Finding> onFindingSelected = f -> {};
  private Finding selected;

  public FindingsPane(List<Finding> findings) {
    this.findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    setId("findings");
    getStyleClass().add("findings-pane");
    setSpacing(10);
    getChildren().add(summaryLine());
    if (this.findings.isEmpty()) {
      return;
    }
    for (Finding f : this.findings) {
      VBox card = card(f);
      cards.add(card);
      getChildren().add(card);
    }
  }

  /** The findings in the order shown: by severity, errors first. */
  public List<Finding> findings() {
    return findings;
  }

  public Optional<Finding> selected() {
    return Optional.ofNullable(selected);
  }

  public void setOnFindingSelected(Consumer<Finding> listener) {
    this.onFindingSelected = listener == null ? f -> {} : listener;
  }

  /** Marks the card of {@code finding} as selected and tells the listener. */
  public void select(Finding finding) {
    selected = finding;
    for (VBox card : cards) {
      card.pseudoClassStateChanged(SELECTED, card.getUserData() == finding);
    }
    onFindingSelected.accept(finding);
  }

  private Node summaryLine() {
    if (findings.isEmpty()) {
      Label none =
          Texts.wrapping("No findings: nothing to fix at this step.", "no-findings", "muted");
      none.setGraphic(Icons.status(org.stslens.engine.report.StageStatus.PASS));
      none.setId("no-findings");
      return none;
    }
    return Texts.wrapping(summary() + ", worst first.", "muted");
  }

  /** {@code 1 error, 2 warnings, 1 note}; {@code no findings} when empty. */
  public String summary() {
    if (findings.isEmpty()) {
      return "no findings";
    }
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long infos = findings.size() - errors - warnings;
    List<String> parts = new ArrayList<>();
    if (errors > 0) {
      parts.add(Texts.count(errors, "error", "errors"));
    }
    if (warnings > 0) {
      parts.add(Texts.count(warnings, "warning", "warnings"));
    }
    if (infos > 0) {
      parts.add(Texts.count(infos, "note", "notes"));
    }
    return String.join(", ", parts);
  }

  private VBox card(Finding f) {
    Label code = new Label(f.code().id());
    code.getStyleClass().addAll("finding-code", "evidence");
    code.setMinWidth(USE_PREF_SIZE);
    Label severity = new Label(f.severity().word());
    severity.getStyleClass().addAll("finding-severity", "severity-text-" + f.severity().word());
    severity.setMinWidth(USE_PREF_SIZE);
    HBox head = new HBox(8, Icons.severity(f.severity()), code, severity);
    head.setAlignment(Pos.CENTER_LEFT);
    if (!f.target().isEmpty()) {
      Label target = Texts.wrapping(f.target(), "muted", "finding-target");
      HBox.setHgrow(target, Priority.ALWAYS);
      head.getChildren().add(target);
    }
    if (f.line() > 0) {
      Label where =
          new Label("line " + f.line() + (f.column() > 0 ? ", column " + f.column() : ""));
      where.getStyleClass().addAll("muted", "finding-line");
      where.setMinWidth(USE_PREF_SIZE);
      head.getChildren().add(where);
    }

    VBox card = new VBox(6, head, Texts.code(f.message(), "finding-message"));
    if (!f.fix().isEmpty()) {
      card.getChildren().add(labelled("How to fix", f.fix(), "finding-fix"));
    }
    if (!f.rfc().isEmpty() || RfcQuotes.of(f.code()).isPresent()) {
      VBox rfc = new VBox(2);
      rfc.getStyleClass().add("rfc-quote");
      Label section = new Label(f.rfc().isEmpty() ? "No RFC section" : "RFC " + f.rfc());
      section.getStyleClass().add("rfc-section");
      rfc.getChildren().add(section);
      RfcQuotes.of(f.code())
          .ifPresent(
              q ->
                  rfc.getChildren()
                      .add(Texts.wrapping(RfcQuotes.shownUnder(f.rfc(), q), "rfc-quote-text")));
      card.getChildren().add(rfc);
    }
    FlowPane effects = new FlowPane(18, 4);
    effects.getChildren().add(chip("Sender effect", f.code().senderEffect()));
    f.tlsrptType().ifPresent(t -> effects.getChildren().add(chip("TLS-RPT result", t)));
    card.getChildren().add(effects);

    card.getStyleClass().addAll("finding-card", "finding-" + f.severity().word());
    card.setUserData(f);
    card.setFocusTraversable(true);
    card.setOnMouseClicked(e -> select(f));
    card.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            select(f);
            e.consume();
          }
        });
    return card;
  }

  private static Node labelled(String key, String text, String styleClass) {
    Label k = new Label(key + ":");
    k.getStyleClass().add("fact-key");
    k.setMinWidth(USE_PREF_SIZE);
    Node v = Texts.code(text, styleClass);
    HBox.setHgrow(v, Priority.ALWAYS);
    HBox row = new HBox(6, k, v);
    row.setAlignment(Pos.TOP_LEFT);
    return row;
  }

  private static Node chip(String key, String value) {
    Label k = new Label(key + ":");
    k.getStyleClass().addAll("muted");
    Label v = new Label(value);
    v.getStyleClass().add("finding-chip-value");
    HBox chip = new HBox(4, k, v);
    chip.setAlignment(Pos.CENTER_LEFT);
    return chip;
  }
}
