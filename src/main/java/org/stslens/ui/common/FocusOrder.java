package org.stslens.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Moves the keyboard focus to the next (or previous) focusable control in the scene, in the order
 * the scene graph lists them: JavaFX 21 has no public call for the Tab traversal, and a control
 * that takes the Tab key for itself (the policy editor) has to hand it on by hand. Hand-written
 * because the public traversal API ({@code Node.requestFocusTraversal}) only arrives in JavaFX 24.
 */
public final class FocusOrder {

  private FocusOrder() {}

  /** Focuses the control after {@code from} ({@code forward}) or before it, wrapping around. */
  public static void move(Node from, boolean forward) {
    if (from.getScene() == null || from.getScene().getRoot() == null) {
      return;
    }
    List<Node> order = new ArrayList<>();
    collect(from.getScene().getRoot(), order);
    int at = order.indexOf(from);
    if (order.isEmpty() || (order.size() == 1 && at == 0)) {
      return;
    }
    int next = at < 0 ? 0 : Math.floorMod(at + (forward ? 1 : -1), order.size());
    order.get(next).requestFocus();
  }

  private static void collect(Node node, List<Node> into) {
    if (!node.isVisible() || node.isDisabled()) {
      return;
    }
    if (node.isFocusTraversable()) {
      into.add(node);
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, into);
      }
    }
  }
}
