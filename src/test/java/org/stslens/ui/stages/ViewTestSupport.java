package org.stslens.ui.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.stslens.engine.check.ReportBuilder;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.FakeDialogService;

/** Shared set-up of the stage view tests: theme, window size, a recording context. */
public final class ViewTestSupport {

  public static final double WIDTH = 1100;
  public static final double HEIGHT = 750;

  /** The domain of the shared reports, and its two MX hosts. */
  public static final String DOMAIN = "example.test";

  public static final String MX1 = "mx1.example.test";
  public static final String MX2 = "mx2.example.test";

  private ViewTestSupport() {}

  /** A context that records what the views asked for and runs background work at once. */
  public static final class RecordingContext {
    public final List<ChainVerdict> openedCertificates = new ArrayList<>();
    public final List<String> openedInEditor = new ArrayList<>();
    public final Executor background = Runnable::run;
    public final FakeDialogService dialogs = new FakeDialogService();

    public StageViewContext context() {
      return new StageViewContext(
          openedCertificates::add, openedInEditor::add, background, dialogs);
    }
  }

  /** Shows {@code view} in the stage at 1100×750 with the application's theme and stylesheet. */
  public static void show(Stage stage, Parent view) {
    // AtlantaFX 2.1.0 classes are compiled for Java 21; on Java 17 only its stylesheets load.
    Application.setUserAgentStylesheet(
        Objects.requireNonNull(
                ViewTestSupport.class.getResource("/atlantafx/base/theme/primer-light.css"))
            .toExternalForm());
    Scene scene = new Scene(view, WIDTH, HEIGHT);
    scene
        .getStylesheets()
        .add(
            Objects.requireNonNull(ViewTestSupport.class.getResource("/org/stslens/ui/stslens.css"))
                .toExternalForm());
    stage.setScene(scene);
    stage.setWidth(WIDTH);
    stage.setHeight(HEIGHT);
    stage.show();
  }

  /** An enforce policy for both hosts; the second one does not offer STARTTLS. */
  public static DomainReport secondHostWithoutStartTls() {
    return ReportBuilder.forDomain(DOMAIN)
        .mx(MX1, MX2)
        .policy("enforce", MX1, MX2)
        .withoutStartTls(MX2)
        .build();
  }

  /** The first stage report that {@code which} accepts. */
  public static StageReport stage(DomainReport report, Predicate<StageReport> which) {
    return report.stages().stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no such stage in " + report.stages()));
  }

  public static StageReport stage(
      DomainReport report, org.stslens.engine.finding.CheckStage stage) {
    return stage(report, s -> s.stage() == stage);
  }

  /** Scrolls the enclosing scroll pane so that {@code node} is in view. */
  public static void reveal(Node node) {
    Node parent = node.getParent();
    while (parent != null && !(parent instanceof ScrollPane)) {
      parent = parent.getParent();
    }
    if (parent == null) {
      return;
    }
    ScrollPane scroll = (ScrollPane) parent;
    scroll.layout();
    Node content = scroll.getContent();
    Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    double contentHeight = content.getBoundsInLocal().getHeight();
    double viewHeight = scroll.getViewportBounds().getHeight();
    if (contentHeight > viewHeight) {
      scroll.setVvalue(Math.min(1, Math.max(0, (b.getMinY() - 40) / (contentHeight - viewHeight))));
    }
  }
}
