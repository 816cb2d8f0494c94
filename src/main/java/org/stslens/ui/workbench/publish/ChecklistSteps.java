package org.stslens.ui.workbench.publish;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.ui.stages.common.Texts;
import org.stslens.workbench.publish.RolloutStep;

/** One flow of the rollout checklist as numbered steps, each with its RFC section label. */
final class ChecklistSteps {

  private ChecklistSteps() {}

  static VBox of(List<RolloutStep> steps, String id) {
    VBox box = new VBox(12);
    box.setId(id);
    box.getStyleClass().add("kit-steps");
    for (int i = 0; i < steps.size(); i++) {
      box.getChildren().add(step(i + 1, steps.get(i)));
    }
    return box;
  }

  private static Node step(int number, RolloutStep step) {
    Label count = new Label(number + ".");
    count.getStyleClass().add("kit-step-number");
    count.setMinWidth(28);
    Label title = Texts.wrapping(step.title(), "kit-step-title");
    Label section = new Label(step.section());
    section.getStyleClass().add("kit-rfc-label");
    section.setMinWidth(Region.USE_PREF_SIZE);
    HBox heading = new HBox(10, title, section);
    heading.setAlignment(Pos.BASELINE_LEFT);
    HBox.setHgrow(title, Priority.ALWAYS);
    VBox body = new VBox(4, heading, Texts.wrapping(step.text(), "kit-step-text"));
    step.command().ifPresent(command -> body.getChildren().add(command(command)));
    HBox.setHgrow(body, Priority.ALWAYS);
    HBox row = new HBox(6, count, body);
    row.getStyleClass().add("kit-step");
    row.setAccessibleText("Step " + number + ": " + step.title() + ", " + step.section());
    return row;
  }

  private static Node command(String command) {
    Label prompt = new Label("$");
    prompt.getStyleClass().addAll("evidence", "muted");
    TextField text = new TextField(command);
    text.setEditable(false);
    text.getStyleClass().addAll("evidence", "kit-code");
    text.setAccessibleText("Command: " + command);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox row = new HBox(6, prompt, text, PublishingKitPane.copy(() -> command, "the command"));
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }
}
