package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.StageRules;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stage views of lab worlds say what the stage list and the summary say: a policy that senders
 * do not apply shows the not-applied icon and note in the Policy and MX views, the summary heading
 * has the status of the summary row, and no text on screen shows a literal backtick.
 */
@ExtendWith(ApplicationExtension.class)
class StagesAgreeOnScreenTest {

  private static ExecutorService pool;
  private static ScheduledExecutorService timer;
  private Stage stage;

  @BeforeAll
  static void pools() {
    pool = Executors.newFixedThreadPool(8);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stopPools() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void policyAndMxViewsOfAWorldWithoutAppliedPolicyAgreeWithTheSidebarAndSummary(FxRobot robot)
      throws Exception {
    for (String id : List.of("policy-text-html", "policy-cert-missing-intermediate")) {
      DomainReport report = check(id);
      StageReport policy = stage(report, s -> s.stage() == CheckStage.POLICY);
      StageReport host = stage(report, s -> s.kind() == StageKind.MX_HOST);
      // the sidebar row shows report.status() (CheckViewModel.finishedStage)
      assertThat(policy.status()).as(id).isEqualTo(StageStatus.NOT_APPLIED);
      assertThat(host.status()).as(id).isEqualTo(StageStatus.NOT_APPLIED);

      Parent policyView = show(robot, StageViews.forStage(policy, ctx()));
      assertThat(titleIcon(robot)).as(id).isEqualTo("status-not-applied");
      assertThat(caption(robot)).as(id).startsWith("not applied by senders");
      assertThat(noteText(robot)).as(id).contains("The policy was not fetched");
      assertThat(allText(policyView))
          .as(id)
          .noneMatch(t -> t.contains("senders apply this policy"));

      show(robot, StageViews.mx(report.mx(), host, ctx()));
      assertThat(titleIcon(robot)).as(id).isEqualTo("status-not-applied");
      assertThat(noteText(robot)).as(id).contains("The policy was not fetched");

      show(robot, StageViews.summary(report, ctx()));
      // the summary row of the stage list gets StageRules.of(verdict): so does the heading
      assertThat(titleIcon(robot))
          .as(id)
          .isEqualTo("status-" + StageRules.of(report.verdict()).word());
    }
  }

  @Test
  void noTextOnScreenShowsALiteralBacktick(FxRobot robot) throws Exception {
    for (String id :
        List.of(
            "policy-typo",
            "tlsrpt-malformed",
            "invalid-id",
            "policy-text-html",
            "mx-cert-expired")) {
      DomainReport report = check(id);
      List<Node> views = new ArrayList<>();
      for (StageReport s : report.stages()) {
        if (s.kind() == StageKind.MX_HOST) {
          views.add(show(robot, StageViews.mx(report.mx(), s, ctx())));
        } else {
          views.add(show(robot, StageViews.forStage(s, ctx())));
        }
        assertThat(allText((Parent) views.get(views.size() - 1)))
            .as(id + " " + s.name())
            .noneMatch(t -> t.contains("`"));
      }
      Parent summary = show(robot, StageViews.summary(report, ctx()));
      assertThat(allText(summary)).as(id + " summary").noneMatch(t -> t.contains("`"));
    }
  }

  private static DomainReport check(String id) throws InterruptedException {
    try (LabWorld world = LabWorld.start(ScenarioCatalog.load().byId(id).orElseThrow(), false)) {
      return new MtaStsChecker(world.options(), pool, timer)
          .check(world.domain(), CheckListener.NONE);
    }
  }

  private Parent show(FxRobot robot, Node view) {
    robot.interact(() -> ViewTestSupport.show(stage, (Parent) view));
    WaitForAsyncUtils.waitForFxEvents();
    return (Parent) view;
  }

  private static String titleIcon(FxRobot robot) {
    return robot.lookup("#stage-title").queryAs(Parent.class).getChildrenUnmodifiable().stream()
        .filter(FontIcon.class::isInstance)
        .flatMap(n -> n.getStyleClass().stream())
        .filter(c -> c.startsWith("status-") && !c.equals("status-icon"))
        .findFirst()
        .orElse("");
  }

  private static String caption(FxRobot robot) {
    return robot.lookup("#stage-duration").queryLabeled().getText();
  }

  private static String noteText(FxRobot robot) {
    return String.join(" ", allText(robot.lookup("#not-applied").queryAs(VBox.class)));
  }

  /** Every text a person can read in {@code root}: labels, buttons and text nodes. */
  private static List<String> allText(Parent root) {
    List<String> texts = new ArrayList<>();
    collect(root, texts);
    return texts;
  }

  private static void collect(Node node, List<String> texts) {
    if (node instanceof Labeled l && l.getText() != null) {
      texts.add(l.getText());
    }
    if (node instanceof Text t && t.getText() != null) {
      texts.add(t.getText());
    }
    if (node instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
    }
  }

  private static StageReport stage(
      DomainReport report, java.util.function.Predicate<StageReport> which) {
    return ViewTestSupport.stage(report, which);
  }

  private static StageViewContext ctx() {
    return new ViewTestSupport.RecordingContext().context();
  }
}
