package org.stslens.ui.stages.common;

import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;
import org.stslens.ui.common.Icons;

/** A small "Copy" button that puts a text on the system clipboard and says so. */
public final class Copy {

  private Copy() {}

  public static Button button(Supplier<String> text, String what) {
    Button button = new Button("Copy", Icons.copy());
    button.getStyleClass().addAll("small", "copy-button");
    button.setTooltip(new Tooltip("Copy " + what + " to the clipboard"));
    button.setFocusTraversable(true);
    button.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(text.get());
          Clipboard.getSystemClipboard().setContent(content);
          button.setText("Copied");
          PauseTransition back = new PauseTransition(Duration.seconds(1.5));
          back.setOnFinished(done -> button.setText("Copy"));
          back.play();
        });
    return button;
  }
}
