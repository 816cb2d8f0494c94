package org.stslens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.tlsrpt.reports.ReportWriter;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.LabHttpResponse;
import org.stslens.ui.settings.Settings;
import org.stslens.ui.testing.Png;

/**
 * Regenerates the README screenshots from the real application in a real window: run it under Xvfb
 * with {@code scripts/screenshots.sh}. The domain is served by loopback lab servers, so the
 * pictures never depend on anyone's real servers.
 */
public final class ScreenshotTool {

  private static final String DOMAIN = "lab.example";

  private ScreenshotTool() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    // review runs: every screen at another window size (WIDTHxHEIGHT) and theme (light or dark)
    String[] size = (args.length > 1 ? args[1] : "1280x820").split("x");
    boolean dark = args.length > 2 && args[2].equals("dark");
    Files.createDirectories(out);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (TestWorld world = new TestWorld()) {
      world.smtpTimeout(Duration.ofSeconds(10));
      world.standardDns(DOMAIN, "20261128T1200", "mx1." + DOMAIN, "mx2." + DOMAIN);
      world.policyHost(
          DOMAIN,
          LabHttpResponse.ok(
              "text/plain",
              "version: STSv1\r\nmode: enforce\r\nmx: mx1.lab.example\r\nmx: mx2.lab.example\r\n"
                  + "max_age: 604800\r\n"));
      world.goodMx(0, "mx1." + DOMAIN);
      world.mx(
          1,
          world.ca.issue(CertificateSpec.expired("mx2." + DOMAIN)),
          b -> b.hostname("mx2." + DOMAIN));
      EngineCheckService service = new EngineCheckService(pool, timer);
      service.use(world.options());
      Path settings = Files.createTempDirectory("stslens-shots");

      CountDownLatch started = new CountDownLatch(1);
      Platform.startup(started::countDown);
      started.await();
      Desktop desktop =
          onFx(
              () -> {
                Desktop d =
                    new Desktop(
                        service,
                        new SettingsStore(settings),
                        new Settings("", List.of(), 5, 60, 30, dark, false, List.of(DOMAIN)),
                        background,
                        Clock.systemUTC(),
                        true,
                        new LabRunner(
                            org.stslens.lab.ScenarioCatalog.load(), pool, timer, background));
                Stage stage = new Stage();
                d.show(stage);
                stage.setWidth(Integer.parseInt(size[0]));
                stage.setHeight(Integer.parseInt(size[1]));
                return d;
              });
      pause(800);
      shoot(mainScene(), out.resolve("01-start.png"));

      onFx(
          () -> {
            desktop.viewModel().domainProperty().set(DOMAIN);
            desktop.viewModel().check();
            return null;
          });
      waitFor(() -> !desktop.viewModel().runningProperty().get());
      for (String title :
          List.of(
              "Summary", "Discovery (DNS)", "Retrieval (HTTPS)", "Policy", "MX mx2." + DOMAIN)) {
        onFx(
            () -> {
              desktop.viewModel().stages().stream()
                  .filter(s -> s.title().equals(title))
                  .findFirst()
                  .ifPresent(desktop.viewModel().selectedProperty()::set);
              return null;
            });
        pause(600);
        shoot(mainScene(), out.resolve(fileName(title)));
      }
      onFx(
          () -> {
            Scene scene = mainScene();
            Button open = (Button) scene.lookup("#open-certificate");
            if (open != null) {
              open.fire();
            }
            return null;
          });
      pause(800);
      Scene certificate = onFx(() -> sceneTitled("Certificate"));
      if (certificate != null) {
        shoot(certificate, out.resolve("07-certificate.png"));
      }
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#learn")).setSelected(true);
            return null;
          });
      pause(600);
      shoot(mainScene(), out.resolve("08-learn.png"));
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#lab")).setSelected(true);
            return null;
          });
      pause(600);
      shoot(mainScene(), out.resolve("11-lab.png"));

      // the policy workbench: the live policy opened in the editor, with typical mistakes
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#walkthrough")).setSelected(true);
            desktop.viewModel().stages().stream()
                .filter(s -> s.title().equals("Policy"))
                .findFirst()
                .ifPresent(desktop.viewModel().selectedProperty()::set);
            return null;
          });
      pause(600);
      onFx(
          () -> {
            ((Button) mainScene().lookup("#open-in-editor")).fire();
            return null;
          });
      pause(800);
      editorText(
          "version: STSv1\nMode: enforce\nmx: mx1.lab.example, mx2.lab.example\nmax_age: 1w\n");
      shoot(mainScene(), out.resolve("12-editor.png"));
      editorText(
          "version: STSv1\nmode: testing\nmx: mx1.lab.example\nmx: mx2.lab.example\n"
              + "max_age: 86400\n");
      selectTab("try-tab");
      shoot(mainScene(), out.resolve("13-editor-try.png"));
      selectTab("publish-tab");
      shoot(mainScene(), out.resolve("14-editor-publish.png"));
      // the end of the kit: the dated withdrawal plan with its mode none file and TXT record
      onFx(
          () -> {
            ((javafx.scene.control.ScrollPane) mainScene().lookup("#kit-pane")).setVvalue(1.0);
            return null;
          });
      pause(600);
      shoot(mainScene(), out.resolve("14b-editor-withdraw.png"));
      reports(desktop, out.resolve("16-reports.png"));
      domains(desktop, out.resolve("21-domains.png"));
      compare(
          desktop,
          new SettingsStore(settings).historyFile(),
          out.resolve("25-domains-compare.png"));
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#walkthrough")).setSelected(true);
            return null;
          });

      // step by step: the explanation before the retrieval stage
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#walkthrough")).setSelected(true);
            desktop.viewModel().stepByStepProperty().set(true);
            desktop.viewModel().check();
            return null;
          });
      waitFor(() -> desktop.viewModel().pendingStepProperty().get() != null);
      onFx(
          () -> {
            desktop.viewModel().next();
            return null;
          });
      waitFor(
          () ->
              desktop.viewModel().pendingStepProperty().get() != null
                  && desktop.viewModel().pendingStepProperty().get().stage()
                      != org.stslens.engine.finding.CheckStage.DISCOVERY);
      shoot(mainScene(), out.resolve("09-step-by-step.png"));

      // the dark theme, on the finished check's MX view
      onFx(
          () -> {
            desktop.viewModel().runAll();
            return null;
          });
      waitFor(() -> !desktop.viewModel().runningProperty().get());
      onFx(
          () -> {
            Desktop.applyTheme(
                new Settings("", List.of(), 5, 60, 30, true, false, List.of(DOMAIN)));
            desktop.viewModel().stages().stream()
                .filter(s -> s.title().equals("MX mx2." + DOMAIN))
                .findFirst()
                .ifPresent(desktop.viewModel().selectedProperty()::set);
            return null;
          });
      pause(800);
      shoot(mainScene(), out.resolve("10-dark.png"));
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#editor")).setSelected(true);
            return null;
          });
      editorText("version: STSv1\nMode: enforce\nmx: mx1.lab.example\nmax_age: 1w\n");
      shoot(mainScene(), out.resolve("15-editor-dark.png"));
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#reports")).setSelected(true);
            return null;
          });
      pause(800);
      shoot(mainScene(), out.resolve("17-reports-dark.png"));

      // the Senders matrix on a lab world where senders disagree, in the theme asked for
      onFx(
          () -> {
            Desktop.applyTheme(
                new Settings("", List.of(), 5, 60, 30, dark, false, List.of(DOMAIN)));
            desktop.viewModel().stepByStepProperty().set(false);
            ((ToggleButton) mainScene().lookup("#lab")).setSelected(true);
            return null;
          });
      pause(600);
      runLab(desktop, "policy-key-space");
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#walkthrough")).setSelected(true);
            desktop.viewModel().stages().stream()
                .filter(s -> s.title().equals("Summary"))
                .findFirst()
                .ifPresent(desktop.viewModel().selectedProperty()::set);
            return null;
          });
      pause(800);
      onFx(
          () -> {
            scrollTo(mainScene(), "#senders");
            selectSenderCell(mainScene());
            return null;
          });
      pause(600);
      shoot(mainScene(), out.resolve("18-senders.png"));
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#editor")).setSelected(true);
            return null;
          });
      editorText(
          "version: STSv1\nmode : enforce\nmx: mx1.policy-key-space.lab.example\n"
              + "max_age: 604800\n");
      selectTab("senders-tab");
      onFx(
          () -> {
            selectSenderCell(mainScene());
            return null;
          });
      pause(400);
      shoot(mainScene(), out.resolve("19-editor-senders.png"));

      // DANE beside MTA-STS: the MX page of a lab world whose TLSA record missed a key rollover
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#lab")).setSelected(true);
            return null;
          });
      pause(600);
      runLab(desktop, "dane-rollover-mismatch");
      onFx(
          () -> {
            ((ToggleButton) mainScene().lookup("#walkthrough")).setSelected(true);
            desktop.viewModel().stages().stream()
                .filter(s -> s.title().equals("MX mx1.dane-rollover-mismatch.lab.example"))
                .findFirst()
                .ifPresent(desktop.viewModel().selectedProperty()::set);
            return null;
          });
      pause(800);
      onFx(
          () -> {
            scrollTo(mainScene(), "#dane");
            return null;
          });
      pause(600);
      shoot(mainScene(), out.resolve("20-mx-dane.png"));
      kitTlsa(desktop, out.resolve("23-kit-tlsa.png"));
      settings(out, dark);

      // a second start on the same data folder: the Reports screen shows the stored reports again
      Desktop restarted =
          onFx(
              () -> {
                mainScene().getWindow().hide();
                Desktop d =
                    new Desktop(
                        service,
                        new SettingsStore(settings),
                        new Settings("", List.of(), 5, 60, 30, dark, false, List.of(DOMAIN)),
                        background,
                        Clock.systemUTC(),
                        true,
                        new LabRunner(
                            org.stslens.lab.ScenarioCatalog.load(), pool, timer, background));
                Stage stage = new Stage();
                d.show(stage);
                stage.setWidth(Integer.parseInt(size[0]));
                stage.setHeight(Integer.parseInt(size[1]));
                ((ToggleButton) mainScene().lookup("#reports")).setSelected(true);
                return d;
              });
      waitFor(
          () ->
              restarted.reportsModel() != null
                  && !restarted.reportsModel().importingProperty().get()
                  && !restarted.reportsModel().domains().isEmpty());
      pause(800);
      shoot(mainScene(), out.resolve("22-reports-restart.png"));
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
      background.shutdownNow();
      Platform.exit();
    }
  }

  /**
   * The publishing kit's DANE TLSA section, filled from the certificate mx1 presented in the last
   * check (the lab's DANE scenario), scrolled to the section.
   */
  private static void kitTlsa(Desktop desktop, Path file) throws Exception {
    onFx(
        () -> {
          desktop.viewModel().stages().stream()
              .filter(s -> s.title().equals("Policy"))
              .findFirst()
              .ifPresent(desktop.viewModel().selectedProperty()::set);
          return null;
        });
    pause(600);
    onFx(
        () -> {
          Button open = (Button) mainScene().lookup("#open-in-editor");
          if (open != null) {
            open.fire();
          }
          return null;
        });
    pause(800);
    selectTab("publish-tab");
    pause(600);
    onFx(
        () -> {
          javafx.scene.control.MenuButton last =
              (javafx.scene.control.MenuButton) mainScene().lookup("#tlsa-last-check");
          if (last != null && !last.getItems().isEmpty()) {
            last.getItems().get(0).fire();
          }
          return null;
        });
    pause(600);
    onFx(
        () -> {
          javafx.scene.control.ScrollPane kit =
              (javafx.scene.control.ScrollPane) mainScene().lookup("#kit-pane");
          if (kit != null) {
            kit.setVvalue(1);
          }
          return null;
        });
    pause(600);
    shoot(mainScene(), file);
  }

  /**
   * The Settings dialog: with a lab trust anchor chosen (24-settings.png), and with a saved anchor
   * file that went missing (24-settings-anchor-problem.png).
   */
  private static void settings(Path out, boolean dark) throws Exception {
    Path anchor = Files.createTempFile("stslens-shot", ".ds");
    Files.writeString(
        anchor,
        org.stslens.lab.LabDnssec.create("lab.example", org.stslens.lab.LabDnssec.Mode.SIGNED)
            .trustAnchor());
    Path gone = anchor.resolveSibling("stslens-shot-missing-root.key");
    for (Path chosen : List.of(anchor, gone)) {
      javafx.scene.control.Dialog<?> dialog =
          onFx(
              () -> {
                org.stslens.ui.settings.SettingsDialog d =
                    new org.stslens.ui.settings.SettingsDialog(
                        mainScene().getWindow(),
                        new Settings("", List.of(), 5, 60, 30, dark, false, List.of(), 180)
                            .withTrustAnchor(chosen.toString()),
                        new org.stslens.ui.common.FakeDialogService());
                d.show();
                return d;
              });
      pause(800);
      shoot(
          dialog.getDialogPane().getScene(),
          out.resolve(chosen == anchor ? "24-settings.png" : "24-settings-anchor-problem.png"));
      onFx(
          () -> {
            dialog.setResult(null);
            dialog.close();
            return null;
          });
    }
  }

  /** Runs the lab scenario {@code id} from the Lab screen, all at once, until it ends. */
  private static void runLab(Desktop desktop, String id) throws Exception {
    onFx(
        () -> {
          @SuppressWarnings("unchecked")
          ListView<org.stslens.ui.lab.LabScenarioInfo> list =
              (ListView<org.stslens.ui.lab.LabScenarioInfo>) mainScene().lookup("#lab-scenarios");
          list.getItems().stream()
              .filter(s -> s.id().equals(id))
              .findFirst()
              .ifPresent(list.getSelectionModel()::select);
          return null;
        });
    pause(400);
    onFx(
        () -> {
          ((Button) mainScene().lookup("#lab-run")).fire();
          return null;
        });
    // a lab run may start step by step: run the rest at once
    waitFor(
        () ->
            desktop.viewModel().pendingStepProperty().get() != null
                || !desktop.viewModel().runningProperty().get());
    onFx(
        () -> {
          if (desktop.viewModel().pendingStepProperty().get() != null) {
            desktop.viewModel().runAll();
          }
          return null;
        });
    waitFor(() -> !desktop.viewModel().runningProperty().get());
  }

  /**
   * The Domains screen after Check all: the screenshot domain (checked before, so it has a history
   * and mx2's expired certificate raises a notification) and a domain without a policy.
   */
  private static void domains(Desktop desktop, Path file) throws Exception {
    onFx(
        () -> {
          ((ToggleButton) mainScene().lookup("#domains")).setSelected(true);
          desktop.domains().add(DOMAIN);
          desktop.domains().add("no-policy.example");
          return null;
        });
    waitFor(() -> desktop.domains().watchedCount() == 2);
    onFx(
        () -> {
          desktop.domains().checkAll();
          return null;
        });
    waitFor(() -> !desktop.domains().runningProperty().get());
    onFx(
        () -> {
          javafx.scene.control.TableView<?> table =
              (javafx.scene.control.TableView<?>) mainScene().lookup("#domains-table");
          table.getSelectionModel().select(0);
          return null;
        });
    pause(1000);
    shoot(mainScene(), file);
  }

  /**
   * The Domains screen's Compare: the screenshot domain's last two stored checks side by side
   * (after {@link #domains}, which leaves it selected).
   */
  private static void compare(Desktop desktop, Path history, Path file) throws Exception {
    // a later check of the domain in another world (testing, mx2 gone, a new id), so that the
    // comparison has changes to highlight: both are real reports of loopback worlds
    try (TestWorld later = new TestWorld()) {
      later.standardDns(DOMAIN, "20261205T0900", "mx1." + DOMAIN);
      later.policyHost(
          DOMAIN,
          LabHttpResponse.ok(
              "text/plain",
              "version: STSv1\r\nmode: testing\r\nmx: mx1.lab.example\r\nmax_age: 86400\r\n"));
      later.goodMx(0, "mx1." + DOMAIN);
      org.stslens.engine.history.HistoryStore.open(history).save(later.check(DOMAIN));
    }
    onFx(
        () -> {
          desktop.domains().select(DOMAIN);
          return null;
        });
    onFx(
        () -> {
          ((javafx.scene.control.TabPane) mainScene().lookup("#domains-tabs"))
              .getSelectionModel()
              .select(1);
          return null;
        });
    waitFor(() -> desktop.domains().pastChecks().size() >= 2);
    pause(300);
    onFx(
        () -> {
          ((javafx.scene.control.Button) mainScene().lookup("#domains-compare")).fire();
          return null;
        });
    waitFor(() -> desktop.domains().diffProperty().get() != null);
    pause(1000);
    shoot(mainScene(), file);
  }

  /**
   * The Reports screen with a week of reports from two senders about the screenshot domain (mx2's
   * certificate expired, mx1 failing now and then), re-tested against the same loopback world.
   */
  private static void reports(Desktop desktop, Path file) throws Exception {
    Path folder = Files.createTempDirectory("stslens-shot-reports");
    java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(8);
    for (int day = 0; day < 7; day++) {
      java.time.LocalDate date = first.plusDays(day);
      List<ReportWriter.Failure> one =
          new java.util.ArrayList<>(
              List.of(
                  new ReportWriter.Failure("certificate-expired", "mx2." + DOMAIN, 40 + day * 9)));
      if (day % 3 == 1) {
        one.add(new ReportWriter.Failure("starttls-not-supported", "mx1." + DOMAIN, 6));
      }
      ReportWriter.write(
          folder,
          "google.com!" + DOMAIN + "!" + date + ".json",
          ReportWriter.json("Google LLC", "g-" + date, date, DOMAIN, 900 + day * 37, one));
      ReportWriter.write(
          folder,
          "microsoft.com!" + DOMAIN + "!" + date + ".json",
          ReportWriter.json(
              "Microsoft Corporation",
              "m-" + date,
              date,
              DOMAIN,
              420 - day * 11,
              List.of(new ReportWriter.Failure("certificate-expired", "mx2." + DOMAIN, 15 + day))));
    }
    java.nio.file.Files.writeString(folder.resolve("notes.txt"), "not a report");
    onFx(
        () -> {
          ((ToggleButton) mainScene().lookup("#reports")).setSelected(true);
          desktop.reports().open(List.of(folder));
          return null;
        });
    waitFor(
        () ->
            !desktop.reportsModel().importingProperty().get()
                && !desktop.reportsModel().domains().isEmpty());
    onFx(
        () -> {
          desktop.reportsModel().retest();
          return null;
        });
    waitFor(() -> !desktop.reportsModel().retestingProperty().get());
    onFx(
        () -> {
          ((ToggleButton) mainScene().lookup("#reports")).setSelected(true);
          desktop.reportsModel().selectedTypeProperty().set("certificate-expired");
          return null;
        });
    pause(800);
    shoot(mainScene(), file);
  }

  private static void editorText(String text) throws Exception {
    onFx(
        () -> {
          ((org.fxmisc.richtext.CodeArea) mainScene().lookup("#policy-editor")).replaceText(text);
          return null;
        });
    pause(600);
  }

  private static void selectTab(String id) throws Exception {
    onFx(
        () -> {
          javafx.scene.control.TabPane tabs =
              (javafx.scene.control.TabPane) mainScene().lookup("#workbench-tabs");
          tabs.getTabs().stream()
              .filter(t -> id.equals(t.getId()))
              .findFirst()
              .ifPresent(tabs.getSelectionModel()::select);
          return null;
        });
    pause(800);
  }

  /** Scrolls the stage view so that {@code id} is near the top. */
  private static void scrollTo(Scene scene, String id) {
    javafx.scene.control.ScrollPane sp =
        (javafx.scene.control.ScrollPane) scene.lookup(".stage-view");
    javafx.scene.Node target = scene.lookup(id);
    if (sp == null || target == null) {
      return;
    }
    javafx.scene.Node content = sp.getContent();
    double y =
        content.sceneToLocal(target.localToScene(target.getBoundsInLocal())).getMinY()
            - 110; // the section title too
    double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
    sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, y / room)));
  }

  /** Selects the second sender's policy cell, so its explanation shows. */
  private static void selectSenderCell(Scene scene) {
    for (javafx.scene.Node n : scene.getRoot().lookupAll("#senders-matrix")) {
      if (n instanceof javafx.scene.control.TableView<?> table && n.isVisible()) {
        select(table);
      }
    }
  }

  private static <T> void select(javafx.scene.control.TableView<T> table) {
    if (table.getColumns().size() > 1 && table.getItems().size() > 1) {
      table.requestFocus();
      table.getSelectionModel().select(1, table.getColumns().get(1));
    }
  }

  private static String fileName(String title) {
    return switch (title) {
      case "Summary" -> "02-summary.png";
      case "Discovery (DNS)" -> "03-discovery.png";
      case "Retrieval (HTTPS)" -> "04-retrieval.png";
      case "Policy" -> "05-policy.png";
      default -> "06-mx.png";
    };
  }

  private static Scene mainScene() {
    return sceneTitled("STS Lens");
  }

  private static Scene sceneTitled(String prefix) {
    for (Window w : Window.getWindows()) {
      if (w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(prefix)) {
        return s.getScene();
      }
    }
    return null;
  }

  private static void shoot(Scene scene, Path file) throws Exception {
    WritableImage image = onFx(() -> scene.snapshot(null));
    Png.write(image, file);
  }

  private static <T> T onFx(Callable<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(action.call());
          } catch (Exception | Error e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(20, TimeUnit.SECONDS);
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!onFx(condition)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the check did not finish");
      }
      pause(100);
    }
    pause(300);
  }

  private static void pause(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }
}
