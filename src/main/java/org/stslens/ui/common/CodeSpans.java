package org.stslens.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Engine texts mark names and values as Markdown code spans ({@code `max_age`}): on screen each
 * span is code-styled text, never a pair of literal backticks. A lone backtick (no closing one) is
 * kept as written, since it is part of the text rather than a mark.
 */
public final class CodeSpans {

  /** The style class of the text node of a code span. */
  public static final String CODE = "code-span";

  /** The style class of the flow, whose plain text nodes follow the theme's text colour. */
  public static final String FLOW = "code-flow";

  /** A run of text, either plain or a code span (without its backticks). */
  public record Span(String text, boolean code) {}

  private CodeSpans() {}

  /** The runs of {@code text}, in order; empty runs are left out. */
  public static List<Span> split(String text) {
    List<Span> spans = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf('`', at);
      int close = open < 0 ? -1 : text.indexOf('`', open + 1);
      if (close < 0) {
        add(spans, text.substring(at), false);
        break;
      }
      add(spans, text.substring(at, open), false);
      add(spans, text.substring(open + 1, close), true);
      at = close + 1;
    }
    return spans;
  }

  /** The text as read aloud or copied: the spans without their backticks. */
  public static String plain(String text) {
    StringBuilder b = new StringBuilder();
    split(text).forEach(s -> b.append(s.text()));
    return b.toString();
  }

  /** A wrapping flow of the text, each code span a code-styled text node. */
  public static TextFlow flow(String text, String... styleClasses) {
    TextFlow flow = new TextFlow();
    flow.getStyleClass().add(FLOW);
    flow.getStyleClass().addAll(styleClasses);
    for (Span s : split(text)) {
      Text node = new Text(s.text());
      if (s.code()) {
        node.getStyleClass().add(CODE);
      }
      flow.getChildren().add(node);
    }
    flow.setAccessibleText(plain(text));
    return flow;
  }

  /** The text a flow made by {@link #flow} shows, without marks. */
  public static String plainOf(TextFlow flow) {
    StringBuilder b = new StringBuilder();
    flow.getChildren().stream()
        .filter(Text.class::isInstance)
        .forEach(t -> b.append(((Text) t).getText()));
    return b.toString();
  }

  private static void add(List<Span> spans, String text, boolean code) {
    if (!text.isEmpty()) {
      spans.add(new Span(text, code));
    }
  }
}
