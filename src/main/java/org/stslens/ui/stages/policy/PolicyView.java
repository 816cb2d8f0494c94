package org.stslens.ui.stages.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.StageWords;
import org.stslens.ui.common.CodeSpans;
import org.stslens.ui.common.Icons;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.Facts;
import org.stslens.ui.stages.common.FindingsPane;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Texts;

/**
 * Stage 3: the policy as written, line by line with its diagnostics (select a finding to see its
 * line), the fields a sender reads from it, and a way to open it in the editor.
 */
public final class PolicyView {

  private static final double LINE_HEIGHT = 26;
  private static final int MAX_VISIBLE_LINES = 14;

  private PolicyView() {}

  public static Node create(
      StageHeader header,
      String domain,
      ParsedPolicy parsed,
      FetchResult source,
      List<Finding> findings,
      Consumer<String> openInEditor) {
    String body = source.bodyText();
    ListView<PolicyText.Line> lines = lines(PolicyText.lines(body, findings));
    FindingsPane findingsPane = new FindingsPane(findings);
    findingsPane.setOnFindingSelected(
        f -> {
          if (f.line() > 0 && f.line() <= lines.getItems().size()) {
            lines.getSelectionModel().select(f.line() - 1);
            lines.scrollTo(Math.max(0, f.line() - 3));
          }
        });

    Button edit = new Button("Open in editor", new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
    edit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    edit.setId("open-in-editor");
    edit.setOnAction(e -> openInEditor.accept(body));
    Label hint =
        Texts.wrapping(
            "Lines with a finding are marked; select a finding below to see its line. <CR><LF> or"
                + " <LF> shows how each line ends.",
            "muted");
    HBox bar = new HBox(12, edit, hint);
    bar.setAlignment(Pos.CENTER_LEFT);

    return new StagePage(header)
        .explanation(
            new Explanation(
                StageWords.of(CheckStage.POLICY).sender(domain), Explanation.direction()))
        .section("What the sender reads", fields(parsed, header.notApplied()))
        .section("The policy as served", lines, bar)
        .findings(findingsPane)
        .build();
  }

  private static Node fields(ParsedPolicy parsed, Optional<String> notApplied) {
    Facts facts = new Facts();
    facts.setId("policy-fields");
    Optional<Policy> policy = parsed.policy();
    if (policy.isPresent()) {
      Policy p = policy.get();
      facts.add("version", p.version(), "evidence");
      facts.add("mode", p.mode().word() + " — " + meaning(p.mode()));
      facts.add(
          "mx",
          p.mx().isEmpty()
              ? "(none)"
              : p.mx().stream().map(MxPattern::written).collect(Collectors.joining("\n")),
          "evidence");
      facts.add("max_age", Texts.seconds(p.maxAge()));
      facts.add(
          "Verdict",
          notApplied
              .map(why -> "valid as written, but not applied by senders: " + CodeSpans.plain(why))
              .orElse("valid: senders apply this policy"));
      return facts;
    }
    Label invalid =
        Texts.wrapping(
            "This policy is invalid, so senders ignore it and deliver as if the domain had no"
                + " MTA-STS. As written:");
    Map<String, String> first = parsed.firstValues();
    facts.add("version", first.getOrDefault("version", "(missing)"), "evidence");
    facts.add("mode", first.getOrDefault("mode", "(missing)"), "evidence");
    facts.add(
        "mx",
        parsed.lines().stream()
            .filter(l -> l.key().equals("mx"))
            .map(l -> l.value())
            .collect(
                Collectors.collectingAndThen(
                    Collectors.joining("\n"), s -> s.isEmpty() ? "(missing)" : s)),
        "evidence");
    facts.add("max_age", first.getOrDefault("max_age", "(missing)"), "evidence");
    return new VBox(8, invalid, facts);
  }

  private static String meaning(Mode mode) {
    return switch (mode) {
      case ENFORCE -> "senders refuse to deliver to an MX that fails the checks";
      case TESTING -> "senders deliver anyway and report failures (TLS-RPT)";
      case NONE -> "the policy is withdrawn: senders act as if there were none";
    };
  }

  private static ListView<PolicyText.Line> lines(List<PolicyText.Line> lines) {
    ListView<PolicyText.Line> view = new ListView<>();
    view.setId("policy-lines");
    view.getStyleClass().addAll("policy-lines", "bordered", "dense");
    view.getItems().setAll(lines);
    view.setFixedCellSize(LINE_HEIGHT);
    double height = LINE_HEIGHT * Math.max(1, Math.min(MAX_VISIBLE_LINES, lines.size())) + 4;
    view.setPrefHeight(height);
    view.setMinHeight(height);
    view.setMaxHeight(height);
    view.setCellFactory(v -> new LineCell());
    return view;
  }

  /** A line: number, a severity mark, the visible content and its terminator. */
  private static final class LineCell extends ListCell<PolicyText.Line> {

    @Override
    protected void updateItem(PolicyText.Line line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().removeAll("line-error", "line-warning", "line-info");
      setText(null);
      setTooltip(null);
      if (empty || line == null) {
        setGraphic(null);
        return;
      }
      Label number = new Label(String.valueOf(line.number()));
      number.getStyleClass().addAll("evidence", "line-number");
      number.setMinWidth(28);
      number.setAlignment(Pos.CENTER_RIGHT);
      Region mark = new Region();
      mark.setMinWidth(18);
      Node markNode = mark;
      Severity worst = line.worst();
      if (worst != null) {
        markNode = Icons.severity(worst);
        getStyleClass().add("line-" + worst.word());
        setTooltip(
            new Tooltip(
                line.findings().stream()
                    .map(f -> f.code().id() + ": " + f.message())
                    .collect(Collectors.joining("\n"))));
      }
      Label content = new Label(line.content());
      content.getStyleClass().add("evidence");
      Label terminator = new Label(line.terminator());
      terminator.getStyleClass().addAll("evidence", "line-terminator");
      HBox row = new HBox(8, number, markNode, content, terminator);
      row.setAlignment(Pos.CENTER_LEFT);
      setGraphic(row);
    }
  }
}
