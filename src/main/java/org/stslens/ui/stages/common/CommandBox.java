package org.stslens.ui.stages.common;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The equivalent command(s) a person could type to see the same evidence ({@code dig ...}, {@code
 * curl -v ...}, {@code openssl s_client ...}), each selectable and with a Copy button.
 */
public final class CommandBox extends VBox {

  private final List<String> commands;

  public CommandBox(List<String> commands) {
    this.commands = List.copyOf(commands);
    setId("command");
    getStyleClass().add("command-box");
    setSpacing(6);
    Label intro =
        Texts.wrapping(
            this.commands.size() == 1
                ? "Try it yourself: this command asks the same question."
                : "Try it yourself: these commands ask the same questions.",
            "muted");
    getChildren().add(intro);
    for (String command : this.commands) {
      TextField text = new TextField(command);
      text.setEditable(false);
      text.getStyleClass().addAll("evidence", "command-text");
      text.setFocusTraversable(true);
      HBox.setHgrow(text, Priority.ALWAYS);
      Label prompt = new Label("$");
      prompt.getStyleClass().addAll("evidence", "muted");
      HBox row = new HBox(6, prompt, text, Copy.button(() -> command, "the command"));
      row.setAlignment(Pos.CENTER_LEFT);
      getChildren().add(row);
    }
  }

  public CommandBox(String... commands) {
    this(List.of(commands));
  }

  public List<String> commands() {
    return commands;
  }
}
