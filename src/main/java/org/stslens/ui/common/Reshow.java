package org.stslens.ui.common;

import javafx.scene.Node;

/**
 * A view that is built once and shown again (the walkthrough keeps each stage's view) may need to
 * put itself back as it was first shown: the MX view selects its own host again after the user
 * chose another row in it. The view registers that here; whoever shows it again calls {@link
 * #shownAgain}.
 */
public final class Reshow {

  private static final Object KEY = new Object();

  private Reshow() {}

  /** Runs {@code action} each time {@code view} is shown again. */
  public static void onReshow(Node view, Runnable action) {
    view.getProperties().put(KEY, action);
  }

  /** Tells {@code view} it is shown again. */
  public static void shownAgain(Node view) {
    if (view.getProperties().get(KEY) instanceof Runnable action) {
      action.run();
    }
  }
}
