package org.stslens.ui.workbench;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stslens.ui.common.CodeSpans;
import org.stslens.ui.common.Icons;
import org.stslens.workbench.edit.Diagnostic;
import org.stslens.workbench.edit.DraftAnalysis;
import org.stslens.workbench.edit.QuickFix;
import org.stslens.workbench.edit.QuickFixes;

/**
 * The draft's findings, in sync with the text: selecting one moves the editor to it; below, its
 * full message, the RFC section and a button per quick fix.
 */
final class ProblemsPane {

  private final ListView<Diagnostic> list = new ListView<>();
  private final Label summary = new Label();
  private final Label detail = new Label();
  private final FlowPane fixes = new FlowPane(6, 6);
  private final VBox root;
  private DraftAnalysis analysis = DraftAnalysis.of("");

  ProblemsPane(
      Consumer<Diagnostic> reveal, Consumer<QuickFix> apply, Supplier<List<String>> mxHosts) {
    list.setId("problems");
    list.setPlaceholder(new Label("No findings: the draft is a valid policy without warnings."));
    list.setCellFactory(
        l ->
            new ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
              }

              @Override
              protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                  setText(null);
                  setGraphic(null);
                } else {
                  setGraphic(Icons.severity(d.finding().severity()));
                  setText(
                      (d.aboutWholeDraft() ? "Whole draft: " : "Line " + d.line() + ": ")
                          + d.finding().code().id()
                          + " — "
                          + CodeSpans.plain(firstSentence(d.finding().message())));
                }
              }
            });
    detail.setWrapText(true);
    detail.setId("problem-detail");
    detail.getStyleClass().add("explanation");
    summary.setId("problems-summary");
    summary.getStyleClass().add("section-title");
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              fixes.getChildren().clear();
              if (now == null) {
                detail.setText("");
                return;
              }
              reveal.accept(now);
              detail.setText(
                  CodeSpans.plain(
                      now.finding().message()
                          + (now.finding().fix().isEmpty() ? "" : "\n\nFix: " + now.finding().fix())
                          + "\n\n"
                          + now.finding().rfc()));
              for (QuickFix fix : QuickFixes.forDiagnostic(analysis, now, mxHosts.get())) {
                if (fix.changesText()) {
                  Button b = new Button(CodeSpans.plain(fix.title()), Icons.fix());
                  b.setMnemonicParsing(false); // built from data: "max_age" keeps its underscore
                  b.getStyleClass().add("quick-fix");
                  b.setOnAction(e -> apply.accept(fix));
                  fixes.getChildren().add(b);
                } else {
                  Label why = new Label(fix.explanation());
                  why.setWrapText(true);
                  fixes.getChildren().add(why);
                }
              }
            });
    VBox.setVgrow(list, Priority.ALWAYS);
    root = new VBox(8, summary, list, detail, fixes);
    root.setPadding(new Insets(8));
  }

  VBox node() {
    return root;
  }

  ListView<Diagnostic> list() {
    return list;
  }

  void show(DraftAnalysis newAnalysis) {
    this.analysis = newAnalysis;
    list.getItems().setAll(newAnalysis.diagnostics());
    long errors = newAnalysis.diagnostics().stream().filter(d -> d.finding().isError()).count();
    long others = newAnalysis.diagnostics().size() - errors;
    summary.setText(
        newAnalysis.valid()
            ? "Valid policy"
                + (others == 0 ? "" : " — " + others + " note" + (others == 1 ? "" : "s"))
            : "Not a valid policy — "
                + errors
                + " error"
                + (errors == 1 ? "" : "s")
                + (others == 0 ? "" : ", " + others + " other"));
    summary.getStyleClass().removeAll("problems-valid", "problems-invalid");
    summary.getStyleClass().add(newAnalysis.valid() ? "problems-valid" : "problems-invalid");
  }

  private static String firstSentence(String message) {
    int dot = message.indexOf(". ");
    return dot > 0 && dot < 140 ? message.substring(0, dot + 1) : message;
  }
}
