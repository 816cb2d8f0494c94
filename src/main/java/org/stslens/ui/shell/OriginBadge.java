package org.stslens.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/** The LAB / FIXED badge of a lab world's results; hidden for the real Internet. */
final class OriginBadge {

  private OriginBadge() {}

  static Label label(CheckViewModel vm, String id) {
    Label badge = new Label();
    badge.setId(id);
    badge.setMnemonicParsing(false);
    badge.getStyleClass().add("origin-badge");
    // beside a long wrapped text in an HBox it would be squeezed into one letter per line
    badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    badge.setStyle(
        "-fx-background-color: -color-accent-emphasis; -fx-text-fill: -color-fg-emphasis;"
            + " -fx-padding: 2 8 2 8; -fx-background-radius: 4; -fx-font-weight: bold;");
    badge
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> vm.originProperty().get().badgeText(), vm.originProperty()));
    badge
        .visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> vm.originProperty().get().isLab(), vm.originProperty()));
    badge.managedProperty().bind(badge.visibleProperty());
    // beside a long wrapped banner the badge keeps its one line instead of standing on end
    badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return badge;
  }
}
