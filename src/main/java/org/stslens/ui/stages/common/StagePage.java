package org.stslens.ui.stages.common;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.engine.finding.Finding;
import org.stslens.ui.common.Icons;

/**
 * The layout every stage view shares, top to bottom: the title with the status icon and duration,
 * the explanation, the evidence sections, the findings, the equivalent command; all in a vertical
 * scroll pane.
 */
public final class StagePage {

  /** The stylesheet of the stage views, added on top of the application's. */
  public static final String STYLESHEET =
      Objects.requireNonNull(StagePage.class.getResource("/org/stslens/ui/stages/stages.css"))
          .toExternalForm();

  private final VBox content = new VBox(18);
  private final ScrollPane scroll = new ScrollPane(content);

  /** Where the findings' glance goes: right under the title and its not-applied note. */
  private final int glanceAt;

  public StagePage(StageHeader header) {
    content.getStyleClass().add("stage-page");
    content.setPadding(new Insets(20, 24, 28, 24));
    content.getChildren().add(title(header));
    header.notApplied().ifPresent(why -> content.getChildren().add(notApplied(why)));
    glanceAt = content.getChildren().size();
  }

  /** Why what this stage shows is not in force, right under the title. */
  private static Node notApplied(String why) {
    Label head = new Label("Not applied by senders");
    head.getStyleClass().add("not-applied-title");
    head.setGraphic(Icons.status(org.stslens.engine.report.StageStatus.NOT_APPLIED));
    head.setMinHeight(Region.USE_PREF_SIZE);
    VBox box = new VBox(4, head, Texts.code(capitalized(why) + "."));
    box.setId("not-applied");
    box.getStyleClass().add("not-applied-note");
    return box;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Node title(StageHeader header) {
    Label title = new Label(header.title());
    title.getStyleClass().addAll("title-3", "stage-title");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    Node icon = Icons.status(header.status());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label status = new Label(header.caption());
    status.getStyleClass().addAll("muted", "stage-duration");
    status.setMinWidth(Region.USE_PREF_SIZE);
    status.setId("stage-duration");
    HBox box = new HBox(10, icon, title, spacer, status);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setId("stage-title");
    box.getStyleClass().add("stage-title-bar");
    return box;
  }

  public StagePage explanation(Explanation explanation) {
    content.getChildren().add(explanation);
    return this;
  }

  /** A titled block of evidence. */
  public StagePage section(String title, Node... nodes) {
    VBox box = new VBox(8);
    box.getStyleClass().add("stage-section");
    box.getChildren().add(Texts.sectionTitle(title));
    box.getChildren().addAll(nodes);
    content.getChildren().add(box);
    return this;
  }

  /**
   * The findings section, announced right under the title ("1 error: fetch.redirect — Show") so
   * that the verdict of the step is visible before the evidence.
   */
  public StagePage findings(FindingsPane findings) {
    if (!findings.findings().isEmpty()) {
      content.getChildren().add(glanceAt, glance(findings));
    }
    return section("Findings", findings);
  }

  private Node glance(FindingsPane findings) {
    Finding worst = findings.findings().get(0);
    String codes =
        findings.findings().stream()
            .filter(f -> f.severity() == worst.severity())
            .map(f -> f.code().id())
            .distinct()
            .limit(3)
            .collect(java.util.stream.Collectors.joining(", "));
    Label text = new Label(findings.summary() + ": " + codes);
    text.setGraphic(Icons.severity(worst.severity()));
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    Hyperlink show = new Hyperlink("Show the findings");
    show.setId("go-to-findings");
    show.setOnAction(e -> reveal(findings));
    HBox box = new HBox(8, text, show);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setId("findings-glance");
    return box;
  }

  /** Scrolls so that {@code node} is at the top of the view. */
  private void reveal(Node node) {
    double contentHeight = content.getBoundsInLocal().getHeight();
    double viewHeight = scroll.getViewportBounds().getHeight();
    if (contentHeight <= viewHeight) {
      return;
    }
    double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY() - 40;
    scroll.setVvalue(Math.max(0, Math.min(1, y / (contentHeight - viewHeight))));
    node.requestFocus();
  }

  public StagePage findings(List<Finding> findings) {
    return findings(new FindingsPane(findings));
  }

  public StagePage command(CommandBox command) {
    return section("Equivalent command", command);
  }

  /** Anything else, without a title. */
  public StagePage add(Node node) {
    content.getChildren().add(node);
    return this;
  }

  public ScrollPane build() {
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.getStyleClass().addAll("stage-view", "edge-to-edge");
    scroll.getStylesheets().add(STYLESHEET);
    return scroll;
  }
}
