package org.stslens.ui.lab;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import org.stslens.ui.common.Icons;

/**
 * The Lab screen: built-in scenarios of classic MTA-STS mistakes, each a small world of servers on
 * loopback. Pick one, read its story, run the walkthrough against it, reveal the fix and run the
 * fixed world.
 */
public final class LabView extends SplitPane {

  private final ListView<LabScenarioInfo> list = new ListView<>();
  private final VBox details = new VBox(12);
  private final BiConsumer<String, Boolean> run;

  /**
   * @param run starts the walkthrough against a scenario: its id, and whether the fixed world
   */
  public LabView(List<LabScenarioInfo> scenarios, BiConsumer<String, Boolean> run) {
    this.run = run;
    list.setId("lab-scenarios");
    list.getItems().setAll(scenarios);
    list.setMinWidth(300);
    list.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
              }

              @Override
              protected void updateItem(LabScenarioInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
              }
            });
    list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(now));
    details.setPadding(new Insets(20));
    details.setMaxWidth(820);
    ScrollPane scroll = new ScrollPane(details);
    scroll.setFitToWidth(true);
    getItems().addAll(list, scroll);
    setDividerPositions(0.36);
    if (!scenarios.isEmpty()) {
      list.getSelectionModel().select(0);
    }
  }

  /** Selects a scenario by id. */
  public void select(String id) {
    list.getItems().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .ifPresent(s -> list.getSelectionModel().select(s));
  }

  private void show(LabScenarioInfo s) {
    details.getChildren().clear();
    if (s == null) {
      return;
    }
    Label title = new Label(s.title());
    title.getStyleClass().add("section-title");
    title.setId("lab-title");
    Label intro =
        paragraph(
            "A small world served on this computer only (127.0.0.x): its own DNS server, policy"
                + " host and MX hosts, with a lab certificate authority that is trusted for this"
                + " check only. Nothing on the internet is contacted.");
    intro.getStyleClass().add("muted");
    Button runIt = new Button("Run the walkthrough", Icons.play());
    runIt.setId("lab-run");
    runIt.setOnAction(e -> run.accept(s.id(), false));
    VBox fixBox = new VBox(8);
    Button reveal = new Button("Reveal the fix");
    reveal.setId("lab-reveal");
    Button runFixed = new Button("Run it fixed", Icons.play());
    runFixed.setId("lab-run-fixed");
    runFixed.setDisable(s.fixDescription().isEmpty());
    runFixed.setOnAction(e -> run.accept(s.id(), true));
    reveal.setOnAction(
        e -> {
          fixBox
              .getChildren()
              .setAll(
                  heading("How to fix it"),
                  paragraph(s.howToFix()),
                  paragraph(
                      s.fixDescription()
                          .map(d -> "The fixed world: " + d)
                          .orElse("Nothing to fix in this scenario.")),
                  paragraph(
                      s.fixedVerdict()
                          .map(v -> "Expected verdict once fixed: " + verdictWords(v))
                          .orElse("")));
          reveal.setDisable(true);
        });
    details
        .getChildren()
        .setAll(
            title,
            intro,
            heading("What went wrong"),
            paragraph(s.whatWentWrong()),
            heading("How it happens in real life"),
            paragraph(s.howItHappens()),
            heading("What a check says"),
            paragraph("Expected verdict: " + verdictWords(s.expectedVerdict())),
            buttons(runIt, reveal, runFixed),
            fixBox);
  }

  /** The actions, never cut: they wrap onto a second line when the pane is narrow. */
  private static javafx.scene.layout.FlowPane buttons(Button... buttons) {
    for (Button b : buttons) {
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 8, buttons);
    row.setPrefWrapLength(200);
    return row;
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.setStyle("-fx-font-weight: bold;");
    return label;
  }

  private static Label paragraph(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add("explanation");
    return label;
  }

  /** "Enforced, but undeliverable", not the JSON word. */
  private static String verdictWords(String word) {
    return org.stslens.engine.report.DomainVerdict.byWord(word)
        .map(org.stslens.engine.report.DomainVerdict::phrase)
        .orElse(word);
  }
}
