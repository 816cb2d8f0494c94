package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.ui.common.Reshow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14, item 6: selecting a stage again shows the view built for it the first time (building
 * and styling a new tree each time stalled the FX thread), and the stage list's rows keep their
 * tooltip instead of making a new popup per update.
 */
@ExtendWith(ApplicationExtension.class)
class WalkthroughViewsKeptTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Map<Object, Integer> builds = new IdentityHashMap<>();
  private final List<String> reshown = new java.util.concurrent.CopyOnWriteArrayList<>();
  private TestWorld world;
  private CheckViewModel vm;
  private Scene scene;

  @Start
  void start(Stage stage) {
    world = new TestWorld();
    world.standardDns("vm.test", "1", "mx1.vm.test", "mx2.vm.test");
    world.policyHost("vm.test", TestWorld.policy("enforce", "mx1.vm.test", "mx2.vm.test"));
    world.goodMx(0, "mx1.vm.test");
    world.goodMx(1, "mx2.vm.test");
    MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
    vm = new CheckViewModel(checker::start, Platform::runLater, h -> {});
    MainWindow window =
        new MainWindow(vm, new CountingViews(), () -> {}, null, Runnable::run, Platform::runLater);
    scene = new Scene(window.root(), 1024, 700);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    world.close();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private void checkAndWait(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          vm.domainProperty().set("vm.test");
          vm.check();
        });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean[] done = new boolean[1];
    while (!done[0] && System.nanoTime() < deadline) {
      robot.interact(
          () -> done[0] = vm.reportProperty().get() != null && !vm.runningProperty().get());
      Thread.sleep(20);
    }
    assertThat(done[0]).as("the check finished").isTrue();
  }

  private Node select(FxRobot robot, String title) {
    Node[] shown = new Node[1];
    robot.interact(
        () -> {
          vm.stages().stream()
              .filter(s -> s.title().equals(title))
              .findFirst()
              .ifPresent(vm.selectedProperty()::set);
          shown[0] = ((StackPane) scene.lookup("#stage-content")).getChildren().get(0);
        });
    return shown[0];
  }

  @Test
  void aStageSelectedAgainShowsTheSameViewBuiltOnce(FxRobot robot) throws Exception {
    checkAndWait(robot);
    String[] names = {"MX mx1.vm.test", "MX mx2.vm.test", "Summary"};
    Node mx1 = select(robot, names[0]);
    Node mx2 = select(robot, names[1]);
    Node summary = select(robot, names[2]);
    String discovery = stageTitle(robot, CheckStage.DISCOVERY);
    Node first = select(robot, discovery);
    // (the first MX host's view may have been built during the check, with one host so far)
    Map<Object, Integer> afterFirstRound = new IdentityHashMap<>(builds);

    assertThat(select(robot, names[0])).isSameAs(mx1);
    assertThat(select(robot, names[1])).isSameAs(mx2);
    assertThat(select(robot, names[2])).isSameAs(summary);
    assertThat(select(robot, discovery)).isSameAs(first);
    assertThat(builds).as("nothing built again").isEqualTo(afterFirstRound);
    // the MX view is told it is shown again (it selects its own host in its table again)
    assertThat(reshown).contains("mx1.vm.test", "mx2.vm.test");

    // a new check: new reports, new views
    checkAndWait(robot);
    assertThat(select(robot, names[0])).isNotSameAs(mx1);
  }

  @Test
  void theStageListRowsKeepTheirTooltip(FxRobot robot) throws Exception {
    Map<Label, Tooltip> before = new IdentityHashMap<>();
    checkAndWait(robot);
    robot.interact(() -> stageTitles().forEach(l -> before.put(l, l.getTooltip())));
    assertThat(before).isNotEmpty();
    checkAndWait(robot); // every row's status, duration and tooltip text change again
    robot.interact(
        () -> {
          for (Label l : stageTitles()) {
            if (before.containsKey(l)) {
              assertThat(l.getTooltip()).as(l.getText()).isSameAs(before.get(l));
              assertThat(l.getTooltip().getText()).startsWith(l.getText());
            }
          }
        });
  }

  private List<Label> stageTitles() {
    ListView<?> list = (ListView<?>) scene.lookup("#stages");
    return list.lookupAll(".stage-name").stream()
        .map(Label.class::cast)
        .filter(l -> !l.getText().isEmpty())
        .toList();
  }

  private String stageTitle(FxRobot robot, CheckStage stage) {
    String[] title = new String[1];
    robot.interact(
        () ->
            title[0] =
                vm.stages().stream()
                    .filter(s -> s.stage() == stage)
                    .findFirst()
                    .orElseThrow()
                    .title());
    return title[0];
  }

  /** Counts the views built per report; each view is a label. */
  private final class CountingViews implements ViewFactory {

    private Node count(Object report, String text) {
      builds.merge(report, 1, Integer::sum);
      return new Label(text);
    }

    @Override
    public Node stageView(StageReport report) {
      return count(report, report.target());
    }

    @Override
    public Node mxView(List<MxReport> all, StageReport host) {
      Node view = count(host, host.target());
      Reshow.onReshow(view, () -> reshown.add(host.target()));
      return view;
    }

    @Override
    public Node summaryView(DomainReport report) {
      return count(report, "summary");
    }

    @Override
    public Node labView(Runnable showWalkthrough) {
      return new Label();
    }

    @Override
    public Node workbenchView() {
      return new Label();
    }

    @Override
    public Node learnView(Consumer<CheckStage> showStage, Optional<String> lastDomain) {
      return new Label();
    }

    @Override
    public Node reportsView() {
      return new Label();
    }

    @Override
    public Node domainsView() {
      return new Label();
    }

    @Override
    public void openReports(List<Path> paths) {}

    @Override
    public void chooseReports() {}
  }
}
