package org.stslens.ui.shell;

import java.util.IdentityHashMap;
import java.util.Map;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.report.StageWords;
import org.stslens.ui.common.Icons;
import org.stslens.ui.common.Reshow;

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
  private final Runnable showWalkthrough;
  private StageItem watched;
  private Node other;
  private Node shown;

  /**
   * The views of this check's finished stages, built once each: selecting a stage again shows the
   * same nodes instead of building (and styling) a new tree on the FX thread. Keyed by the report
   * instance (an MX view also by how many hosts it lists); emptied when the stage list is replaced.
   */
  private final Map<StageReport, Built> built = new IdentityHashMap<>();

  private DomainReport summaryOf;
  private Node summary;

  /** A view and how many MX hosts it was built with (an MX view lists those finished so far). */
  private record Built(int hosts, Node view) {}

  /**
   * @param showWalkthrough brings the walkthrough back when a stage is chosen in the list while
   *     another screen (Lab, Learn) is shown
   */
  WalkthroughView(CheckViewModel vm, ViewFactory views, Runnable showWalkthrough) {
    this.vm = vm;
    this.views = views;
    this.showWalkthrough = showWalkthrough;
    // the step panel first: Next stays put below the toolbar whatever the banner says
    header = new VBox(stepPanel(), banner());
    body.getItems().setAll(stageList(), content);
    body.setDividerPositions(0.22);
    SplitPane.setResizableWithParent(body.getItems().get(0), false);
    content.setPadding(new Insets(0));
    content.setId("stage-content");
    vm.selectedProperty().addListener((o, was, now) -> refresh());
    vm.reportProperty().addListener((o, was, now) -> refresh());
    vm.startingProperty().addListener((o, was, now) -> refresh());
    vm.runningProperty().addListener((o, was, now) -> refresh());
    vm.stages()
        .addListener(
            (javafx.collections.ListChangeListener<StageItem>)
                change -> {
                  while (change.next()) {
                    if (change.wasRemoved()) {
                      forgetViews(); // a new check (or the MX row replaced by a row per host)
                    }
                  }
                });
    followResultsStepByStep();
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
    if (next == shown && content.getChildren().equals(java.util.List.of(next))) {
      return; // already there: re-adding it would style and lay out the whole tree again
    }
    shown = next;
    content.getChildren().setAll(next);
  }

  private void forgetViews() {
    built.clear();
    summaryOf = null;
    summary = null;
  }

  /** The view of a finished stage, built the first time it is shown. */
  private Node stageViewOf(StageReport report, boolean mx) {
    int hosts = mx ? vm.mxReports().size() : 0;
    Built view = built.get(report);
    if (view != null && view.hosts() == hosts) {
      Reshow.shownAgain(view.view());
      return view.view();
    }
    Node fresh = mx ? views.mxView(vm.mxReports(), report) : views.stageView(report);
    built.put(report, new Built(hosts, fresh));
    return fresh;
  }

  private Node summaryViewOf(DomainReport report) {
    if (summaryOf != report) {
      summaryOf = report;
      summary = views.summaryView(report);
    }
    return summary;
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
    leave.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
    title.setId("step-title");
    title.getStyleClass().add("section-title");
    title.setWrapText(true);
    title.textProperty().bind(vm.pendingTitleProperty());
    Label text = new Label();
    text.setId("step-text");
    text.setWrapText(true);
    text.textProperty().bind(vm.pendingTextProperty());
    Button next = new Button("Next", Icons.next());
    next.setId("next");
    next.setDefaultButton(false);
    next.setOnAction(e -> vm.next());
    next.setMinWidth(Region.USE_PREF_SIZE);
    Button all = new Button("Run the rest");
    all.setId("run-the-rest");
    all.setOnAction(e -> vm.runAll());
    all.setMinWidth(Region.USE_PREF_SIZE);
    // the buttons at the top right, beside the words: a longer explanation does not move them
    VBox words = new VBox(6, title, text);
    HBox.setHgrow(words, Priority.ALWAYS);
    HBox buttons = new HBox(8, next, all);
    buttons.setAlignment(Pos.TOP_RIGHT);
    HBox panel = new HBox(12, words, buttons);
    panel.setId("step-panel");
    panel.getStyleClass().addAll("verdict-banner", "verdict-neutral");
    VBox.setMargin(panel, new Insets(6, 8, 0, 8));
    panel.visibleProperty().bind(vm.pendingStepProperty().isNotNull());
    panel.managedProperty().bind(panel.visibleProperty());
    vm.pendingStepProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                // the stage that just finished stays in view with its result; the panel above
                // explains the next one. Before the first stage there is no result yet.
                if (!showingResult()) {
                  vm.select(now.stage());
                }
                next.requestFocus();
              }
            });
    return panel;
  }

  private boolean showingResult() {
    StageItem shown = vm.selectedProperty().get();
    return shown != null && vm.stages().contains(shown) && shown.report().isPresent();
  }

  /**
   * Step by step, each stage's result is shown as it arrives (of the MX hosts, the worst one), and
   * the walkthrough ends on the Summary.
   */
  private void followResultsStepByStep() {
    javafx.beans.value.ChangeListener<StageReport> arrived =
        (o, was, now) -> {
          if (now == null || !vm.stepByStepProperty().get()) {
            return;
          }
          vm.stages().stream()
              .filter(s -> s.report().orElse(null) == now)
              .findFirst()
              .filter(this::worthShowing)
              .ifPresent(vm.selectedProperty()::set);
        };
    vm.stages()
        .addListener(
            (javafx.collections.ListChangeListener<StageItem>)
                change -> {
                  while (change.next()) {
                    change.getAddedSubList().forEach(s -> s.reportProperty().addListener(arrived));
                    change.getRemoved().forEach(s -> s.reportProperty().removeListener(arrived));
                  }
                });
    vm.reportProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && vm.stepByStepProperty().get()) {
                vm.stages().stream()
                    .filter(s -> s.kind() == StageItem.Kind.SUMMARY)
                    .findFirst()
                    .ifPresent(vm.selectedProperty()::set);
              }
            });
  }

  /** A host that did better than the MX host shown does not take its place. */
  private boolean worthShowing(StageItem arrived) {
    StageItem shown = vm.selectedProperty().get();
    return shown == null
        || arrived.kind() != StageItem.Kind.MX_HOST
        || shown.kind() != StageItem.Kind.MX_HOST
        || shown.report().isEmpty()
        || badness(arrived.status()) > badness(shown.status());
  }

  private static int badness(StageStatus status) {
    return switch (status) {
      case FAIL -> 3;
      case WARN -> 2;
      case PASS -> 1;
      default -> 0;
    };
  }

  private Node stageList() {
    stageList.setId("stages");
    stageList.setItems(vm.stages());
    stageList.setCellFactory(l -> new StageListCell());
    stageList.setMinWidth(250);
    Label badge = OriginBadge.label(vm, "stages-badge");
    VBox.setVgrow(stageList, Priority.ALWAYS);
    VBox side = new VBox(4, badge, stageList);
    // a stage chosen by hand (click, or Enter/Space) is shown, whichever screen was in its place;
    // a selection made by the check itself leaves Lab or Learn where they are
    stageList.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && chosenRow(e.getTarget()) != null) {
            showChosen();
          }
        });
    stageList.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            showChosen();
          }
        });
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

  /** The non-empty row a click landed in, or null (a click below the last row). */
  private static StageListCell chosenRow(Object target) {
    for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
      if (n instanceof StageListCell cell) {
        return cell.isEmpty() ? null : cell;
      }
    }
    return null;
  }

  private void showChosen() {
    if (other != null && stageList.getSelectionModel().getSelectedItem() != null) {
      showWalkthrough.run();
    }
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
          : summaryViewOf(vm.reportProperty().get());
    }
    Optional<StageReport> report = item.report();
    watch(item);
    if (report.isEmpty()) {
      StepGate.Pending next = vm.pendingStepProperty().get();
      String why =
          item.stage() == null
              ? ""
              : next != null && next.stage() == item.stage()
                  // the panel above explains it: say only what to do
                  ? "Press Next above to let the sender go through this stage."
                  : StageWords.of(item.stage()).sender(item.target());
      return placeholder(item.title() + " — " + item.status().word(), why);
    }
    return stageViewOf(report.get(), item.kind() == StageItem.Kind.MX_HOST);
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
