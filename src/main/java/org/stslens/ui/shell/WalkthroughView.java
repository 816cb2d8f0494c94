package org.stslens.ui.shell;

import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageWords;
import org.stslens.ui.common.Icons;

/**
 * The walkthrough of a check: the verdict banner and the step-by-step panel above, the stage list
 * on the left and the selected stage's view beside it. A thin view over {@link CheckViewModel}; the
 * shell may show another screen (Lab, Learn) in the stage's place.
 */
final class WalkthroughView {

  private final CheckViewModel vm;
  private final ViewFactory views;
  private final ListView<StageItem> stageList = new ListView<>();
  private final StackPane content = new StackPane();
  private final SplitPane body = new SplitPane();
  private final VBox header;
  private final InvalidationListener reportArrived = o -> refresh();
  private StageItem watched;
  private Node other;
  private Node shown;

  WalkthroughView(CheckViewModel vm, ViewFactory views) {
    this.vm = vm;
    this.views = views;
    header = new VBox(banner(), stepPanel());
    body.getItems().setAll(stageList(), content);
    body.setDividerPositions(0.22);
    SplitPane.setResizableWithParent(body.getItems().get(0), false);
    content.setPadding(new Insets(0));
    vm.selectedProperty().addListener((o, was, now) -> refresh());
    vm.reportProperty().addListener((o, was, now) -> refresh());
    vm.startingProperty().addListener((o, was, now) -> refresh());
    vm.runningProperty().addListener((o, was, now) -> refresh());
    refresh();
  }

  /** The verdict banner and the step-by-step panel, shown above every screen. */
  Node header() {
    return header;
  }

  /** The stage list and the content beside it. */
  Node body() {
    return body;
  }

  /** Shows {@code screen} beside the stage list; null shows the selected stage again. */
  void showInstead(Node screen) {
    other = screen;
    refresh();
  }

  private void refresh() {
    Node next = other != null ? other : viewOf(vm.selectedProperty().get());
    if (next instanceof ProgressPane
        && shown instanceof ProgressPane
        && content.getChildren().equals(java.util.List.of(shown))) {
      return; // the progress pane already shown keeps ticking
    }
    shown = next;
    content.getChildren().setAll(next);
  }

  private Node banner() {
    Label text = new Label();
    text.setId("verdict-banner");
    text.textProperty().bind(vm.bannerProperty());
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    Label badge = OriginBadge.label(vm, "origin-badge");
    Button leave = new Button("Leave the lab");
    leave.setId("leave-lab");
    leave.setOnAction(e -> vm.leaveWorld());
    leave.visibleProperty().bind(vm.worldProperty().isNotNull());
    leave.managedProperty().bind(leave.visibleProperty());
    HBox box = new HBox(8, badge, text, leave);
    box.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(text, Priority.ALWAYS);
    box.getStyleClass().addAll("verdict-banner", "verdict-neutral");
    vm.toneProperty()
        .addListener(
            (o, was, now) -> {
              box.getStyleClass()
                  .removeAll("verdict-good", "verdict-warn", "verdict-bad", "verdict-neutral");
              box.getStyleClass().add("verdict-" + now.name().toLowerCase(java.util.Locale.ROOT));
            });
    VBox.setMargin(box, new Insets(6, 8, 6, 8));
    return box;
  }

  private Node stepPanel() {
    Label title = new Label();
    title.getStyleClass().add("section-title");
    title.textProperty().bind(vm.pendingTitleProperty());
    Label text = new Label();
    text.setWrapText(true);
    text.textProperty().bind(vm.pendingTextProperty());
    Button next = new Button("Next", Icons.next());
    next.setId("next");
    next.setDefaultButton(false);
    next.setOnAction(e -> vm.next());
    Button all = new Button("Run the rest");
    all.setOnAction(e -> vm.runAll());
    HBox buttons = new HBox(8, next, all);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox panel = new VBox(6, title, text, buttons);
    panel.setId("step-panel");
    panel.getStyleClass().addAll("verdict-banner", "verdict-neutral");
    VBox.setMargin(panel, new Insets(0, 8, 6, 8));
    panel.visibleProperty().bind(vm.pendingStepProperty().isNotNull());
    panel.managedProperty().bind(panel.visibleProperty());
    vm.pendingStepProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.select(now.stage());
                next.requestFocus();
              }
            });
    return panel;
  }

  private Node stageList() {
    stageList.setId("stages");
    stageList.setItems(vm.stages());
    stageList.setCellFactory(l -> new StageListCell());
    stageList.setMinWidth(220);
    Label badge = OriginBadge.label(vm, "stages-badge");
    VBox.setVgrow(stageList, Priority.ALWAYS);
    VBox side = new VBox(4, badge, stageList);
    stageList
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && now != stageList.getSelectionModel().getSelectedItem()) {
                stageList.getSelectionModel().select(now);
              }
            });
    return side;
  }

  private Node viewOf(StageItem item) {
    boolean inProgress = vm.runningProperty().get() || !vm.startingProperty().get().isEmpty();
    if (inProgress
        && (item == null
            || item.kind() != StageItem.Kind.SUMMARY
                && item.report().isEmpty()
                && (item.status() == org.stslens.engine.report.StageStatus.RUNNING
                    || item.status() == org.stslens.engine.report.StageStatus.PENDING))) {
      if (item != null) {
        watch(item);
      }
      return new ProgressPane(vm);
    }
    if (item == null) {
      return placeholder(
          "Type a domain and press Check.",
          "STS Lens walks through the five stages a sending mail server goes through to"
              + " apply MTA-STS: DNS discovery, fetching the policy over HTTPS, reading the"
              + " policy, connecting to each MX host with STARTTLS, and finding where TLS"
              + " failures are reported. Turn on Step by step to pause before each stage. Open"
              + " Learn for the basics.");
    }
    if (item.kind() == StageItem.Kind.SUMMARY) {
      return vm.reportProperty().get() == null
          ? placeholder("Summary", "The verdict appears when every stage has finished.")
          : views.summaryView(vm.reportProperty().get());
    }
    Optional<StageReport> report = item.report();
    watch(item);
    if (report.isEmpty()) {
      String why = item.stage() == null ? "" : StageWords.of(item.stage()).sender(item.target());
      return placeholder(item.title() + " — " + item.status().word(), why);
    }
    if (item.kind() == StageItem.Kind.MX_HOST) {
      return views.mxView(vm.mxReports(), report.get());
    }
    return views.stageView(report.get());
  }

  /** Re-shows the selected row when its report arrives (one watched row at a time). */
  private void watch(StageItem item) {
    if (watched != null) {
      watched.reportProperty().removeListener(reportArrived);
    }
    watched = item;
    item.reportProperty().addListener(reportArrived);
  }

  private static Node placeholder(String title, String text) {
    Label heading = new Label(title);
    heading.getStyleClass().add("section-title");
    Label body = new Label(text);
    body.setWrapText(true);
    body.getStyleClass().add("explanation");
    VBox box = new VBox(10, heading, body);
    box.setPadding(new Insets(24));
    box.setMaxWidth(720);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }
}
