package org.stslens.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds the labels the skin cut short: a {@link Labeled} draws its text through a {@link Text}
 * child (the skin's LabeledText), which holds the shortened text ("Run the wal…") when the label is
 * too narrow. Comparing the two is what a reader sees, whatever the cause.
 */
public final class Truncation {

  private Truncation() {}

  /** The visible labels under {@code root} whose drawn text differs from their text. */
  public static List<String> truncated(Node root) {
    return truncated(root, l -> false);
  }

  /**
   * As {@link #truncated(Node)}, leaving out the labels that may be shortened ({@code allowed}).
   */
  public static List<String> truncated(Node root, Predicate<Labeled> allowed) {
    List<String> found = new ArrayList<>();
    walk(root, allowed, found);
    return found;
  }

  private static void walk(Node node, Predicate<Labeled> allowed, List<String> found) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled l
        && l.getText() != null
        && !l.getText().isEmpty()
        && !allowed.test(l)) {
      String drawn = drawn(l);
      // a mnemonic's underscore is not drawn: "_Lab" reads "Lab"
      String whole = l.isMnemonicParsing() ? l.getText().replaceFirst("_(.)", "$1") : l.getText();
      if (drawn != null && !drawn.equals(whole)) {
        found.add(
            l.getClass().getSimpleName()
                + (l.getId() == null ? "" : "#" + l.getId())
                + " \""
                + l.getText()
                + "\" drawn as \""
                + drawn
                + "\" (width "
                + Math.round(l.getWidth())
                + ")");
      }
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, allowed, found);
      }
    }
  }

  /** The text the skin drew, or null when it drew none (no skin yet, graphic only). */
  private static String drawn(Labeled l) {
    for (Node child : l.getChildrenUnmodifiable()) {
      if (child instanceof Text t && child.getStyleClass().contains("text")) {
        return t.getText();
      }
    }
    return null;
  }
}
