package org.stslens.ui.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.stslens.engine.finding.CheckStage;

/**
 * The Learn screen: the six questions every newcomer to MTA-STS asks, each answered with an example
 * and a link to the stage of the last check where the answer can be seen; a diagram of who talks to
 * whom; MTA-STS beside DANE; and a glossary. All text comes from {@link LearnContent} and {@link
 * Glossary}.
 */
public final class LearnView extends ScrollPane {

  private static final double MAX_CONTENT_WIDTH = 1120;

  // AtlantaFX style classes (the values of atlantafx.base.theme.Styles). AtlantaFX 2.1.0 is built
  // for Java 21, so its classes cannot be referenced from this Java 17 build; its CSS still
  // applies.
  private static final String TITLE_2 = "title-2";
  private static final String TITLE_3 = "title-3";
  private static final String TITLE_4 = "title-4";
  private static final String TEXT_MUTED = "text-muted";
  private static final String NO_CHECK_LINK = "Run a check to see it live";

  private final Consumer<CheckStage> showStage;
  private final List<QuestionCard> cards = new ArrayList<>();
  private final FlowDiagram diagram = new FlowDiagram();
  private final Label intro = new Label();
  private final TopicCard daneCard = new TopicCard("dane");
  private Optional<String> lastCheck = Optional.empty();

  /**
   * @param showStage opens the given stage of the last check; called when the user follows a "See
   *     it in the last check" link, only after {@link #setLastCheck} has been given a domain
   */
  public LearnView(Consumer<CheckStage> showStage) {
    this.showStage = Objects.requireNonNull(showStage, "showStage");
    getStyleClass().add("learn-view");
    getStylesheets().add(LearnView.class.getResource("learn.css").toExternalForm());
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);

    VBox content = new VBox();
    content.getStyleClass().add("learn-content");
    content.setMaxWidth(MAX_CONTENT_WIDTH);
    content.setFillWidth(true);

    Label title = new Label("Learn MTA-STS", new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE));
    title.getStyleClass().addAll(TITLE_2, "learn-title");
    intro.getStyleClass().add("learn-intro");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);

    content
        .getChildren()
        .addAll(
            title,
            intro,
            sectionTitle("Six questions every newcomer asks"),
            questionGrid(),
            sectionTitle("Who talks to whom"),
            paragraph(
                "What a sending server does before it delivers a message to a domain that"
                    + " publishes MTA-STS. Step 2 is skipped while the policy it cached earlier is still"
                    + " valid and the id in the TXT record has not changed."),
            diagram,
            sectionTitle(LearnContent.daneTopic(LearnContent.EXAMPLE_DOMAIN).title()),
            daneCard,
            sectionTitle("Glossary"),
            glossaryGrid());

    StackPane centred = new StackPane(content);
    centred.setAlignment(Pos.TOP_CENTER);
    centred.getStyleClass().add("learn-background");
    setContent(centred);
    setLastCheck(Optional.empty());
  }

  /**
   * Tells the view which domain the last check was about, or that there is none. Examples then use
   * that domain, and the "See it in the last check" links are enabled only when there is one.
   */
  public void setLastCheck(Optional<String> domain) {
    lastCheck = Objects.requireNonNull(domain, "domain").filter(d -> !d.isBlank());
    String shown = LearnContent.exampleDomain(lastCheck);
    List<LearnContent.Question> questions = LearnContent.questions(shown);
    for (int i = 0; i < cards.size(); i++) {
      cards.get(i).show(questions.get(i), lastCheck.isPresent());
    }
    diagram.setDomain(shown);
    daneCard.show(LearnContent.daneTopic(shown));
    intro.setText(
        "MTA-STS lets a domain say: \"send me mail only over TLS, to these MX hosts, with valid"
            + " certificates\". TLS-RPT lets it hear back when that fails. Here are the answers to"
            + " the first questions, "
            + (lastCheck.isPresent()
                ? "with "
                    + shown
                    + " from your last check as the domain of the examples; the MX names, the"
                    + " TXT id and the policy values shown are examples, not what the check saw."
                : "with example.com in the examples; run a check to see your own domain."));
  }

  /** The domain of the last check, if there is one. */
  public Optional<String> getLastCheck() {
    return lastCheck;
  }

  private GridPane questionGrid() {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("learn-questions");
    grid.setHgap(16);
    grid.setVgap(16);
    for (int c = 0; c < 2; c++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(50);
      column.setHgrow(Priority.ALWAYS);
      column.setFillWidth(true);
      grid.getColumnConstraints().add(column);
    }
    List<LearnContent.Question> questions = LearnContent.questions(LearnContent.EXAMPLE_DOMAIN);
    for (int i = 0; i < questions.size(); i++) {
      QuestionCard card = new QuestionCard(i + 1, questions.get(i).id());
      cards.add(card);
      grid.add(card, i % 2, i / 2);
    }
    for (int r = 0; r < (questions.size() + 1) / 2; r++) {
      RowConstraints row = new RowConstraints();
      row.setValignment(VPos.TOP);
      row.setFillHeight(true);
      row.setMinHeight(Region.USE_PREF_SIZE);
      grid.getRowConstraints().add(row);
    }
    return grid;
  }

  private static GridPane glossaryGrid() {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("learn-glossary");
    grid.setId("glossary");
    grid.setHgap(20);
    grid.setVgap(10);
    ColumnConstraints terms = new ColumnConstraints();
    terms.setPercentWidth(24);
    ColumnConstraints definitions = new ColumnConstraints();
    definitions.setPercentWidth(76);
    definitions.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(terms, definitions);
    int row = 0;
    for (Glossary.Entry entry : Glossary.entries()) {
      Label term = new Label(entry.term());
      term.getStyleClass().add("learn-glossary-term");
      term.setWrapText(true);
      term.setMinHeight(Region.USE_PREF_SIZE);
      Label definition = new Label(entry.definition());
      definition.getStyleClass().add("learn-glossary-definition");
      definition.setWrapText(true);
      definition.setMinHeight(Region.USE_PREF_SIZE);
      GridPane.setValignment(term, VPos.TOP);
      GridPane.setValignment(definition, VPos.TOP);
      grid.addRow(row++, term, definition);
    }
    return grid;
  }

  private static Label sectionTitle(String text) {
    Label label = new Label(text);
    label.getStyleClass().addAll(TITLE_3, "learn-section-title");
    label.setWrapText(true);
    return label;
  }

  private static Label paragraph(String text) {
    Label label = new Label(text);
    label.getStyleClass().add(TEXT_MUTED);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }

  /** Turns {@code `code`} and {@code **strong**} markup into styled text nodes. */
  static List<Node> markup(String text) {
    List<Node> nodes = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean code = false;
    boolean strong = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '`' || (ch == '*' && !code && text.startsWith("**", i))) {
        addRun(nodes, run, code, strong);
        if (ch == '`') {
          code = !code;
        } else {
          strong = !strong;
          i++;
        }
      } else {
        run.append(ch);
      }
    }
    addRun(nodes, run, code, strong);
    return nodes;
  }

  private static void addRun(List<Node> nodes, StringBuilder run, boolean code, boolean strong) {
    if (run.length() == 0) {
      return;
    }
    Text text = new Text(run.toString());
    text.getStyleClass().add("learn-text");
    if (code) {
      text.getStyleClass().add("learn-code");
    }
    if (strong) {
      text.getStyleClass().add("learn-strong");
    }
    nodes.add(text);
    run.setLength(0);
  }

  /** One question: its title, the answer, an example box and the link to the stage. */
  private final class QuestionCard extends VBox {
    private final Label title = new Label();
    private final TextFlow answer = new TextFlow();
    private final Label example = new Label();
    private final Hyperlink link = new Hyperlink();
    private final int number;
    private CheckStage stage = CheckStage.DISCOVERY;

    QuestionCard(int number, String id) {
      this.number = number;
      setId("question-" + id);
      getStyleClass().add("learn-card");
      title.getStyleClass().addAll(TITLE_4, "learn-question");
      title.setWrapText(true);
      title.setMinHeight(Region.USE_PREF_SIZE);
      answer.getStyleClass().add("learn-answer");
      answer.setId("answer-" + id);
      example.getStyleClass().add("learn-example");
      example.setId("example-" + id);
      example.setWrapText(true);
      example.setMaxWidth(Double.MAX_VALUE);
      example.setMinHeight(Region.USE_PREF_SIZE);
      link.setId("link-" + id);
      link.getStyleClass().add("learn-link");
      link.setWrapText(true);
      link.setOnAction(e -> showStage.accept(stage));
      Region spacer = new Region();
      VBox.setVgrow(spacer, Priority.ALWAYS);
      getChildren().addAll(title, answer, example, spacer, link);
    }

    void show(LearnContent.Question question, boolean checked) {
      stage = question.stage();
      title.setText(number + ". " + question.question());
      answer.getChildren().setAll(markup(question.answer()));
      example.setText(question.example());
      link.setDisable(!checked);
      if (checked) {
        link.setText("See it in the last check: " + LearnContent.stageTitle(stage));
        link.setGraphic(new FontIcon(MaterialDesignA.ARROW_RIGHT));
      } else {
        link.setText(NO_CHECK_LINK);
        link.setGraphic(null);
      }
      link.setContentDisplay(ContentDisplay.RIGHT);
    }
  }

  /** A topic: its paragraphs and example in one card, the full width of the page. */
  private static final class TopicCard extends VBox {
    private final VBox paragraphs = new VBox(8);
    private final Label example = new Label();

    TopicCard(String id) {
      setId("topic-" + id);
      getStyleClass().add("learn-card");
      example.getStyleClass().add("learn-example");
      example.setId("example-topic-" + id);
      example.setWrapText(true);
      example.setMaxWidth(Double.MAX_VALUE);
      example.setMinHeight(Region.USE_PREF_SIZE);
      getChildren().addAll(paragraphs, example);
    }

    void show(LearnContent.Topic topic) {
      paragraphs
          .getChildren()
          .setAll(
              topic.paragraphs().stream()
                  .map(
                      p -> {
                        TextFlow flow = new TextFlow();
                        flow.getStyleClass().add("learn-answer");
                        flow.getChildren().setAll(markup(p));
                        return (Node) flow;
                      })
                  .toList());
      example.setText(topic.example());
    }
  }
}
