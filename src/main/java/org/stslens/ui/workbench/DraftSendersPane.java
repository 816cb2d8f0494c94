package org.stslens.ui.workbench;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stslens.engine.report.StageStatus;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.summary.SendersMatrixView;
import org.stslens.ui.stages.summary.SendersViewModel;

/**
 * The draft as each sender would read it: where senders read it otherwise than RFC 8461 in
 * sentences, then the Senders matrix (the same as the Summary's) for the draft alone.
 */
final class DraftSendersPane {

  private final Label sentences = new Label();
  private final ScrollPane root;

  DraftSendersPane(SendersViewModel senders, ObservableList<String> said) {
    Label intro =
        new Label(
            "What each sender would do with this draft as published: the policy text alone (no TXT"
                + " record, no fetch); each MX host judged by the draft's patterns only, as if its"
                + " TLS passed. The MX hosts are those of the last check of the policy domain, or"
                + " else the draft's own mx lines.");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    intro.getStyleClass().add("explanation");
    sentences.setId("draft-senders-sentences");
    sentences.setWrapText(true);
    sentences.setMaxWidth(Double.MAX_VALUE);
    sentences.setMinHeight(Region.USE_PREF_SIZE);
    sentences.setGraphic(Icons.status(StageStatus.WARN));
    sentences.getStyleClass().addAll("verdict-banner", "verdict-warn");
    sentences.managedProperty().bind(sentences.visibleProperty());
    said.addListener((ListChangeListener<String>) c -> show(said));
    show(said);
    VBox box = new VBox(10, intro, sentences, new SendersMatrixView(senders, false).node());
    box.setPadding(new Insets(10));
    root = new ScrollPane(box);
    root.setFitToWidth(true);
    root.setId("draft-senders");
  }

  Node node() {
    return root;
  }

  private void show(ObservableList<String> said) {
    sentences.setText(String.join("\n", said));
    sentences.setVisible(!said.isEmpty());
  }
}
