package org.stslens.ui.stages.mx;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.stslens.engine.smtp.TranscriptLine;
import org.stslens.ui.stages.common.Copy;
import org.stslens.ui.stages.common.VisibleText;

/**
 * The SMTP conversation: what STS Lens sent ({@code C:}), what the server answered ({@code S:}),
 * and remarks ({@code --}), told apart by prefix and colour.
 */
final class TranscriptView {

  private TranscriptView() {}

  static String prefix(TranscriptLine.Direction direction) {
    return switch (direction) {
      case CLIENT -> "C: ";
      case SERVER -> "S: ";
      case NOTE -> "-- ";
    };
  }

  static String plain(List<TranscriptLine> lines) {
    return lines.stream()
        .map(l -> prefix(l.direction()) + l.text())
        .collect(Collectors.joining("\n"));
  }

  static Node of(List<TranscriptLine> lines) {
    TextFlow flow = new TextFlow();
    flow.setId("transcript");
    flow.getStyleClass().add("transcript");
    flow.setLineSpacing(2);
    for (int i = 0; i < lines.size(); i++) {
      TranscriptLine line = lines.get(i);
      String style =
          switch (line.direction()) {
            case CLIENT -> "transcript-client";
            case SERVER -> "transcript-server";
            case NOTE -> "transcript-note";
          };
      Text prefix = new Text(prefix(line.direction()));
      prefix.getStyleClass().addAll("evidence", style, style + "-prefix");
      Text text = new Text(VisibleText.line(line.text()) + (i < lines.size() - 1 ? "\n" : ""));
      text.getStyleClass().addAll("evidence", style);
      flow.getChildren().addAll(prefix, text);
    }
    if (lines.isEmpty()) {
      Text none = new Text("(no conversation)");
      none.getStyleClass().addAll("evidence", "transcript-note");
      flow.getChildren().add(none);
    }
    Button copy = Copy.button(() -> plain(lines), "the transcript");
    HBox bar = new HBox(copy);
    bar.setAlignment(Pos.CENTER_RIGHT);
    VBox box = new VBox(4, flow, bar);
    box.getStyleClass().add("transcript-box");
    return box;
  }
}
