package org.stslens.app;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.StageGate;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.history.StoredCheck;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.FxDialogService;
import org.stslens.ui.domains.DomainsView;
import org.stslens.ui.domains.DomainsViewModel;
import org.stslens.ui.reports.ReportsView;
import org.stslens.ui.reports.ReportsViewModel;
import org.stslens.ui.settings.Settings;
import org.stslens.ui.settings.SettingsDialog;
import org.stslens.ui.shell.CheckViewModel;
import org.stslens.ui.shell.MainWindow;
import org.stslens.ui.workbench.WorkbenchView;
import org.stslens.ui.workbench.WorkbenchViewModel;
import org.stslens.workbench.draft.DraftStore;

/**
 * The main window wired to the engine and the settings: what {@link StsLensApp} shows, and what the
 * screenshot tool and GUI tests show against loopback servers.
 */
final class Desktop {

  static final String STYLESHEET = "/org/stslens/ui/stslens.css";

  private final EngineCheckService service;
  private final SettingsStore store;
  private final Executor background;
  private final Clock clock;
  private final boolean fixedOptions;
  private final LabRunner lab;
  private final AtomicReference<Settings> settings;
  private CheckViewModel vm;
  private WorkbenchViewModel workbench;
  private MainWindow window;
  private ReportsViewModel reportsModel;
  private ReportsView reportsView;
  private DomainsViewModel domainsModel;
  private Stage stage;
  private final DialogService dialogs = new FxDialogService(() -> stage);

  /**
   * @param fixedOptions true when the service's options were given (lab, tests) and must not be
   *     replaced by the user's settings
   */
  Desktop(
      EngineCheckService service,
      SettingsStore store,
      Settings initial,
      Executor background,
      Clock clock,
      boolean fixedOptions,
      LabRunner lab) {
    this.lab = lab;
    this.service = service;
    this.store = store;
    this.background = background;
    this.clock = clock;
    this.fixedOptions = fixedOptions;
    this.settings = new AtomicReference<>(initial);
  }

  /** Builds the window's scene on the FX thread and shows it in {@code primary}. */
  void show(Stage primary) {
    this.stage = primary;
    applyTheme(settings.get());
    vm =
        new CheckViewModel(
            service,
            Platform::runLater,
            history -> save(settings.updateAndGet(s -> s.withHistory(history))));
    vm.history().setAll(settings.get().history());
    // every check of the real Internet goes to the history beside the drafts; lab worlds run
    // through their own service and are never saved
    service.saveHistory(
        new HistoryRecorder(store.historyFile()),
        // told while the check still runs: the view model shows it with the check's result
        message -> Platform.runLater(() -> vm.reportSaveProblem(message)));
    // a damaged settings file was kept aside (or left alone): say so instead of silently resetting
    store.loadProblem().ifPresent(vm::reportSaveProblem);
    vm.stepByStepProperty().set(settings.get().stepByStep());
    workbench =
        new WorkbenchViewModel(
            new DraftStore(store.draftsFolder()), background, Platform::runLater, clock);
    // the editor says until when senders keep the current policy, from the latest stored check
    // (a look-up creates no file: before the first saved check there is no history)
    workbench.useHistory(
        d ->
            java.nio.file.Files.exists(store.historyFile())
                ? HistoryStore.open(store.historyFile()).latest(d).map(StoredCheck::facts)
                : java.util.Optional.empty());
    vm.reportProperty().addListener((o, was, now) -> workbench.setLastCheck(now));
    window =
        new MainWindow(
            vm,
            new AppViews(
                () -> stage,
                dialogs,
                background,
                clock,
                lab::scenarios,
                (id, fixed) -> lab.run(id, fixed, vm),
                this::openInEditor,
                () -> new WorkbenchView(workbench, dialogs, this::probe).root(),
                () -> vm.originProperty().get().commands(),
                this::reports,
                () -> new DomainsView(domains(), dialogs).root()),
            this::openSettings,
            dialogs,
            background,
            Platform::runLater);
    // 1280x820 where it fits; on a small screen (a 1024x768 laptop) the whole window stays visible.
    // Everything fits down to 1024x700 (WindowLayoutTest): that is the smallest size offered.
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(
            window.root(),
            Math.min(1280, Math.max(1024, screen.getWidth())),
            Math.min(820, Math.max(700, screen.getHeight())));
    scene.getStylesheets().add(Desktop.class.getResource(STYLESHEET).toExternalForm());
    window.installShortcuts(scene);
    primary.setTitle("STS Lens — MTA-STS, step by step");
    primary.setMinWidth(Math.min(1024, screen.getWidth()));
    primary.setMinHeight(Math.min(700, screen.getHeight()));
    primary.getIcons().addAll(windowIcons());
    primary.setScene(scene);
    primary.show();
    window.focusDomain();
    if (settings.get().autoCheck()) {
      domains(); // "Check all every N hours" runs while the app is open, seen or not
    }
  }

  /**
   * The application icon at the sizes window managers pick from (made by scripts/make-icons.sh).
   */
  static List<Image> windowIcons() {
    return List.of(16, 32, 48, 64, 128, 256).stream()
        .map(n -> Desktop.class.getResource("icons/stslens-" + n + ".png"))
        .filter(Objects::nonNull)
        .map(url -> new Image(url.toExternalForm()))
        .toList();
  }

  CheckViewModel viewModel() {
    return vm;
  }

  WorkbenchViewModel workbench() {
    return workbench;
  }

  /**
   * The Reports screen, built when first needed. Its re-test is the walkthrough's own check (in a
   * lab world when the domain is the world's), so the user sees it run and can cancel it there.
   */
  ReportsView reports() {
    if (reportsView == null) {
      // every import is stored beside the checks; the stored reports are shown again below
      reportsModel =
          new ReportsViewModel(
              store.historyFile(),
              clock,
              background,
              Platform::runLater,
              new ReportsViewModel.Retester() {
                @Override
                public boolean start(String domain) {
                  vm.domainProperty().set(domain);
                  vm.check();
                  return vm.runningProperty().get();
                }

                @Override
                public void cancel() {
                  vm.cancel();
                }
              });
      vm.reportProperty()
          .addListener(
              (o, was, now) -> {
                if (now != null) {
                  reportsModel.checkFinished(now);
                }
              });
      // the report of a finished check is set just after running turns false: look afterwards
      vm.runningProperty()
          .addListener(
              (o, was, now) -> {
                if (!now) {
                  Platform.runLater(reportsModel::checkStopped);
                }
              });
      reportsView = new ReportsView(reportsModel, dialogs);
      reportsModel.loadStored();
    }
    return reportsView;
  }

  /**
   * The Domains screen's model, built when first needed. Check all runs through the same check
   * service as the walkthrough, so every check is saved to the history with what changed.
   */
  DomainsViewModel domains() {
    if (domainsModel == null) {
      domainsModel =
          new DomainsViewModel(
              store.historyFile(),
              domain -> service.start(domain, CheckListener.NONE, StageGate.OPEN).await(),
              background,
              Platform::runLater,
              clock);
      // the timer's state is a setting: restored here, saved on every change
      domainsModel.autoCheckHoursProperty().set(settings.get().autoCheckHours());
      domainsModel.autoCheckProperty().set(settings.get().autoCheck());
      javafx.beans.InvalidationListener keep =
          o ->
              save(
                  settings.updateAndGet(
                      s ->
                          s.withAutoCheck(
                              domainsModel.autoCheckProperty().get(),
                              domainsModel.autoCheckHoursProperty().get())));
      domainsModel.autoCheckProperty().addListener(keep);
      domainsModel.autoCheckHoursProperty().addListener(keep);
      domainsModel.load();
    }
    return domainsModel;
  }

  ReportsViewModel reportsModel() {
    return reportsModel;
  }

  /** "Open in editor": the live policy of the last check becomes a draft in the workbench. */
  private void openInEditor(String policyText) {
    if (vm.reportProperty().get() != null) {
      workbench.openLive(vm.reportProperty().get(), policyText);
    } else {
      workbench.open("Policy", "", policyText);
    }
    window.showEditor();
  }

  /** "Probe MX hosts" in the workbench: checks the draft's domain again, staying in the editor. */
  private void probe(String domain) {
    vm.domainProperty().set(domain);
    vm.check();
  }

  private void openSettings() {
    new SettingsDialog(stage, settings.get(), dialogs)
        .showAndWait()
        .ifPresent(
            chosen -> {
              Settings merged = chosen.withHistory(settings.get().history());
              settings.set(merged);
              applyTheme(merged);
              vm.stepByStepProperty().set(merged.stepByStep());
              save(merged);
              if (!fixedOptions) {
                background.execute(() -> service.apply(merged));
              }
            });
  }

  /**
   * AtlantaFX's Primer theme, by its stylesheet: the AtlantaFX 2.1 classes are compiled for Java
   * 21, but its CSS works on any JavaFX.
   */
  static void applyTheme(Settings s) {
    String css =
        s.darkTheme()
            ? "/atlantafx/base/theme/primer-dark.css"
            : "/atlantafx/base/theme/primer-light.css";
    Application.setUserAgentStylesheet(Desktop.class.getResource(css).toExternalForm());
  }

  /** Saves in the background: the FX thread never touches the disk. */
  private void save(Settings s) {
    background.execute(
        () -> {
          try {
            store.save(s);
          } catch (IOException e) {
            Platform.runLater(
                () -> vm.reportSaveProblem("Settings could not be saved: " + e.getMessage()));
          }
        });
  }
}
