package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.LabHttpResponse;
import org.stslens.lab.LabHttpsServer;
import org.stslens.ui.testing.Png;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every stage view at 1100×750 to PNG (the visible window, and the whole page), so a person
 * can look at them. Writes to {@code target/stage-screenshots}, or to {@code
 * -Dstslens.screenshots}.
 *
 * <p>Not part of the unit suite (the name does not end in Test): {@code scripts/screenshots.sh}
 * runs it.
 */
@ExtendWith(ApplicationExtension.class)
class StageViewsScreenshots {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";
  private static final String MX3 = "mx3.example.test";
  private static DomainReport mixed;
  private static DomainReport typo;
  private static DomainReport redirect;
  private static DomainReport nxdomain;
  private Stage stage;

  @BeforeAll
  static void check() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, MX2, MX3);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2, MX3, "mx9.example.test"));
      world.goodMx(0, MX1);
      world.mx(1, world.ca.issue(MX2), b -> b.hostname(MX2).advertiseStartTls(false));
      world.mx(2, world.ca.issue(CertificateSpec.expired(MX3)), b -> b.hostname(MX3));
      mixed = world.check(DOMAIN);
    }
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(
          DOMAIN,
          TestWorld.policyBody(
              "text/plain",
              "\uFEFFversion: STSv1\nMode: enforce\n\nmx: " + MX1 + "\nmax_age: 3600\n"));
      world.goodMx(0, MX1);
      typo = world.check(DOMAIN);
    }
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.goodMx(0, MX1);
      world.add(
          LabHttpsServer.builder(world.ca.issue("mta-sts." + DOMAIN))
              .bind(InetAddress.getByName(TestWorld.POLICY_ADDRESS))
              .route(
                  "/.well-known/mta-sts.txt",
                  LabHttpResponse.redirect(301, "https://www.example.test/mta-sts.txt"))
              .start());
      redirect = world.check(DOMAIN);
    }
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts.other.test", "v=STSv1; id=1");
      nxdomain = world.check(DOMAIN);
    }
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    ViewTestSupport.show(stage, new ScrollPane());
  }

  @Test
  void everyViewRenders(FxRobot robot) throws Exception {
    StageViewContext ctx = new ViewTestSupport.RecordingContext().context();
    Map<String, Supplier<Node>> views = new LinkedHashMap<>();
    views.put("discovery", () -> view(mixed, org.stslens.engine.finding.CheckStage.DISCOVERY, ctx));
    views.put("retrieval", () -> view(mixed, org.stslens.engine.finding.CheckStage.RETRIEVAL, ctx));
    views.put(
        "retrieval-redirect",
        () -> view(redirect, org.stslens.engine.finding.CheckStage.RETRIEVAL, ctx));
    views.put("policy", () -> view(mixed, org.stslens.engine.finding.CheckStage.POLICY, ctx));
    views.put("policy-typo", () -> view(typo, org.stslens.engine.finding.CheckStage.POLICY, ctx));
    views.put("mx", () -> StageViews.mx(mixed.mx(), MX2, ctx));
    views.put(
        "mx-host",
        () -> StageViews.forStage(ViewTestSupport.stage(mixed, s -> s.target().equals(MX3)), ctx));
    views.put(
        "mx-overall",
        () ->
            StageViews.forStage(
                ViewTestSupport.stage(
                    mixed,
                    s ->
                        s.stage() == org.stslens.engine.finding.CheckStage.MX
                            && s.target().isEmpty()),
                ctx));
    views.put("tlsrpt", () -> view(mixed, org.stslens.engine.finding.CheckStage.TLSRPT, ctx));
    views.put(
        "skipped",
        () ->
            StageViews.forStage(
                ViewTestSupport.stage(nxdomain, s -> s.status() == StageStatus.SKIPPED), ctx));
    views.put(
        "discovery-nxdomain",
        () -> view(nxdomain, org.stslens.engine.finding.CheckStage.DISCOVERY, ctx));
    views.put("summary", () -> StageViews.summary(mixed, ctx));

    Path dir = Path.of(System.getProperty("stslens.screenshots", "target/stage-screenshots"));
    Files.createDirectories(dir);
    for (Map.Entry<String, Supplier<Node>> view : views.entrySet()) {
      robot.interact(() -> stage.getScene().setRoot((Parent) view.getValue().get()));
      robot.interact(
          () -> {
            write(stage.getScene().snapshot(null), dir.resolve("stage-" + view.getKey() + ".png"));
            Node content = ((ScrollPane) stage.getScene().getRoot()).getContent();
            write(
                content.snapshot(null, null), dir.resolve("stage-" + view.getKey() + "-full.png"));
          });
      assertThat(dir.resolve("stage-" + view.getKey() + ".png")).exists();
    }
  }

  private static Node view(
      DomainReport report, org.stslens.engine.finding.CheckStage which, StageViewContext ctx) {
    StageReport stage = ViewTestSupport.stage(report, which);
    return StageViews.forStage(stage, ctx);
  }

  private static void write(WritableImage image, Path file) {
    Png.write(image, file);
  }
}
