package org.stslens.ui.stages.common;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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

  public StagePage(StageHeader header) {
    content.getStyleClass().add("stage-page");
    content.setPadding(new Insets(20, 24, 28, 24));
    content.getChildren().add(title(header));
  }

  private static Node title(StageHeader header) {
    Label title = new Label(header.title());
    title.getStyleClass().addAll("title-3", "stage-title");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    Node icon = Icons.status(header.status());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label status = new Label(statusText(header));
    status.getStyleClass().addAll("muted", "stage-duration");
    status.setMinWidth(Region.USE_PREF_SIZE);
    status.setId("stage-duration");
    HBox box = new HBox(10, icon, title, spacer, status);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setId("stage-title");
    box.getStyleClass().add("stage-title-bar");
    return box;
  }

  private static String statusText(StageHeader header) {
    String word =
        switch (header.status()) {
          case PASS -> "passed";
          case WARN -> "passed with warnings";
          case FAIL -> "failed";
          case SKIPPED -> "skipped";
          case RUNNING -> "running";
          case PENDING -> "not started";
        };
    return header.durationMillis() < 0 ? word : word + " · " + header.durationMillis() + " ms";
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

  public StagePage findings(FindingsPane findings) {
    return section("Findings", findings);
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
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.getStyleClass().addAll("stage-view", "edge-to-edge");
    scroll.getStylesheets().add(STYLESHEET);
    return scroll;
  }
}
