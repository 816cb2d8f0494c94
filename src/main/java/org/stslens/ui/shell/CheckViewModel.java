package org.stslens.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.check.RunningCheck;
import org.stslens.engine.check.StageRules;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.net.Step;
import org.stslens.engine.report.CheckOrigin;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.report.StageWords;

/**
 * The state of the Check and Walkthrough screens, and their commands. Holds no scene-graph types;
 * engine events arrive on worker threads and are posted through the injected dispatcher ({@code
 * Platform::runLater} in the app, {@code Runnable::run} in tests).
 */
public final class CheckViewModel {

  /** How the verdict banner is coloured. */
  public enum Tone {
    NEUTRAL,
    GOOD,
    WARN,
    BAD
  }

  private static final int HISTORY_SIZE = 20;

  private final CheckService service;
  private final Consumer<Runnable> dispatcher;
  private final Consumer<List<String>> historySaver;

  private final StringProperty domain = new SimpleStringProperty("");
  private final ObservableList<String> history = FXCollections.observableArrayList();
  private final BooleanProperty stepByStep = new SimpleBooleanProperty();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ObservableList<StageItem> stages = FXCollections.observableArrayList();
  private final ObjectProperty<StageItem> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<DomainReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper banner =
      new ReadOnlyStringWrapper("Type a domain and press Check to see how senders apply MTA-STS.");
  private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
  private final ReadOnlyObjectWrapper<StepGate.Pending> pendingStep = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper pendingTitle = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper("");
  private final ObservableList<MxReport> mxReports = FXCollections.observableArrayList();

  private final ReadOnlyObjectWrapper<CheckWorld> world = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<CheckOrigin> origin =
      new ReadOnlyObjectWrapper<>(CheckOrigin.internet());
  private final ReadOnlyStringWrapper starting = new ReadOnlyStringWrapper("");

  private RunningCheck current;

  /** A problem told while a check runs (its saving failed...): shown with the check's result. */
  private String noticeForThisCheck;

  private StepGate gate;
  private long generation;

  public CheckViewModel(
      CheckService service, Consumer<Runnable> dispatcher, Consumer<List<String>> historySaver) {
    this.service = service;
    this.dispatcher = dispatcher;
    this.historySaver = historySaver;
  }

  // ---- commands (FX thread) ----

  /**
   * Starts a check of the typed domain. While a check runs it does nothing but say so (the Check
   * button is disabled then; Cancel first). In a lab world the world's domain is checked in the
   * world; any other domain leaves the world, saying so.
   */
  public void check() {
    if (running.get() || !starting.get().isEmpty()) {
      status.set("A check is running: wait for it, or press Cancel (Esc) first.");
      return;
    }
    check(Optional.empty());
  }

  /**
   * Enters a world (a lab scenario's loopback servers) and checks its domain there, cancelling a
   * check that runs. Every later check of that domain goes to the world until {@link #leaveWorld}.
   */
  public void enterWorld(CheckWorld entered) {
    starting.set("");
    world.set(entered);
    domain.set(entered.domain());
    check(Optional.of(entered));
  }

  /** Leaves the world: checks go to the real DNS and servers again. */
  public void leaveWorld() {
    CheckWorld left = world.get();
    if (left != null) {
      world.set(null);
      status.set(
          "Left the "
              + left.origin().world().badge()
              + " world: checks go to the real DNS and servers again.");
    }
  }

  /** Says that a world's servers are starting (the lab takes a moment before the check starts). */
  public void startingWorld(String what) {
    cancel();
    generation++; // a check still reporting must not overwrite what follows
    starting.set(what);
    stages.clear();
    selected.set(null);
    report.set(null);
    mxReports.clear();
    banner.set(what);
    tone.set(Tone.NEUTRAL);
    status.set(what);
  }

  /** A world could not start: says why and stays where it was. */
  public void worldFailed(String why) {
    starting.set("");
    banner.set("The lab could not start: " + why);
    tone.set(Tone.BAD);
    status.set("Lab not started");
  }

  private void check(Optional<CheckWorld> forced) {
    String text = domain.get() == null ? "" : domain.get().strip();
    if (text.isEmpty()) {
      status.set("Type a domain first, e.g. example.com");
      return;
    }
    if (DomainNameInput.read(text) instanceof DomainNameInput.NotADomain not) {
      running.set(false);
      banner.set(
          "\""
              + text
              + "\" is not a domain name: "
              + not.reason()
              + ". Type a domain such as example.com.");
      tone.set(Tone.WARN);
      status.set("Not a domain name");
      stages.clear();
      return;
    }
    // the one normaliser: A-labels (UTS #46), lower case, no trailing dot, as the engine checks it
    String typed = DomainNameInput.normalize(text).orElseThrow();
    CheckWorld in = forced.orElse(world.get());
    if (in != null && !in.domain().equals(typed)) {
      leaveWorld(); // another domain: the user left the lab, and the status bar says so
      in = null;
    }
    CheckService using = in == null ? service : in.service();
    CheckOrigin from = in == null ? CheckOrigin.internet() : in.origin();
    origin.set(from);
    cancelQuietly();
    long run = ++generation;
    resetStages(typed);
    report.set(null);
    mxReports.clear();
    tone.set(Tone.NEUTRAL);
    banner.set("Checking " + typed + " …");
    gate = new StepGate(stepByStep.get(), p -> post(run, () -> showPending(p, typed)));
    try {
      current = using.start(typed, new Listener(run), gate);
    } catch (IllegalArgumentException e) {
      running.set(false);
      banner.set("\"" + typed + "\" is not a domain name. Type a domain such as example.com.");
      tone.set(Tone.WARN);
      status.set(e.getMessage());
      stages.clear();
      return;
    } catch (IllegalStateException e) {
      // the settings cannot be used (no DNS server found, unreadable CA file...)
      running.set(false);
      banner.set("The check cannot start: " + e.getMessage() + " Open Settings to fix it.");
      tone.set(Tone.BAD);
      status.set("Settings needed");
      stages.clear();
      return;
    }
    running.set(true);
    noticeForThisCheck = null;
    status.set("Checking " + current.domain() + " …");
    if (!from.isLab()) {
      remember(current.domain()); // lab names exist only in the lab: never in the history
    }
    current
        .report()
        .whenComplete(
            (r, error) ->
                post(
                    run,
                    () -> {
                      if (r != null) {
                        finished(from.isLab() ? r.withOrigin(from) : r);
                      } else {
                        failed(error);
                      }
                    }));
  }

  /** Stops the running check at once (sockets are closed); a new one can start right away. */
  public void cancel() {
    if (current != null && running.get()) {
      cancelQuietly();
      generation++;
      running.set(false);
      pendingStep.set(null);
      stages.forEach(
          s -> {
            if (s.status() == StageStatus.RUNNING || s.status() == StageStatus.PENDING) {
              s.setStatus(StageStatus.SKIPPED);
            }
          });
      banner.set("Check cancelled. Nothing was concluded.");
      tone.set(Tone.NEUTRAL);
      status.set("Cancelled");
    }
  }

  /** Step-by-step: lets the stage that is explained start. */
  public void next() {
    if (gate != null) {
      gate.next();
    }
  }

  /** Step-by-step: stop pausing and run the rest of the check. */
  public void runAll() {
    if (gate != null) {
      gate.runAll();
    }
  }

  /** Selects the row of a stage (used by Learn's "see it in the last check" links). */
  public void select(CheckStage stage) {
    stages.stream().filter(s -> s.stage() == stage).findFirst().ifPresent(selected::set);
  }

  // ---- engine events (worker threads) → FX thread ----

  private final class Listener implements CheckListener {
    private final long run;

    Listener(long run) {
      this.run = run;
    }

    @Override
    public void stageStarted(CheckStage stage, StageKind kind, String target) {
      post(run, () -> started(stage, kind, target));
    }

    @Override
    public void stageFinished(StageReport stageReport) {
      post(run, () -> finishedStage(stageReport));
    }

    @Override
    public void stepEvent(CheckStage stage, String target, Step step, String detail) {
      // the TLSA look-up runs beside the probe: its steps are shown on the host's row
      if (stage == CheckStage.MX && StepLine.isTlsa(step)) {
        StepLine line = new StepLine(step, detail);
        post(run, () -> itemFor(stage, target).setTlsaStep(line));
      }
    }
  }

  /**
   * Engine events waiting for the FX thread. A burst of them (stages starting and ending, TLSA
   * steps) is handed over as one task that runs them all in order, so the FX thread takes them in
   * one go instead of one task each between pulses.
   */
  private final java.util.Queue<Runnable> posted =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final java.util.concurrent.atomic.AtomicBoolean drainPosted =
      new java.util.concurrent.atomic.AtomicBoolean();

  private void post(long run, Runnable update) {
    posted.add(
        () -> {
          if (run == generation) {
            update.run();
          }
        });
    if (drainPosted.compareAndSet(false, true)) {
      dispatcher.accept(this::drainPosted);
    }
  }

  private void drainPosted() {
    // cleared first: an event added while this runs posts a new task rather than being missed
    drainPosted.set(false);
    for (Runnable update = posted.poll(); update != null; update = posted.poll()) {
      update.run();
    }
  }

  private void started(CheckStage stage, StageKind kind, String target) {
    if (kind == StageKind.MX_SUMMARY) {
      return; // the MX summary has no row of its own
    }
    StageItem item = itemFor(stage, target);
    item.setStatus(StageStatus.RUNNING);
    status.set(item.title() + " …");
  }

  private void finishedStage(StageReport stageReport) {
    if (stageReport.kind() == StageKind.MX_SUMMARY) {
      return; // shown in the summary
    }
    StageItem item = itemFor(stageReport.stage(), stageReport.target());
    item.setStatus(stageReport.status());
    item.setDurationMillis(stageReport.durationMillis());
    item.setReport(stageReport);
    stageReport
        .evidence()
        .filter(StageEvidence.Mx.class::isInstance)
        .map(e -> ((StageEvidence.Mx) e).report())
        .ifPresent(mxReports::add);
    if (selected.get() == null || selected.get() == item && item.report().isEmpty()) {
      selected.set(item);
    }
  }

  private void finished(DomainReport r) {
    running.set(false);
    pendingStep.set(null);
    report.set(r);
    stages.stream()
        .filter(s -> s.kind() == StageItem.Kind.SUMMARY)
        .findFirst()
        .ifPresent(
            s -> {
              s.setStatus(StageRules.of(r.verdict()));
              s.setDurationMillis(r.durationMillis());
            });
    stages.stream()
        .filter(s -> s.status() == StageStatus.PENDING)
        .forEach(s -> s.setStatus(StageStatus.SKIPPED));
    banner.set(r.verdictReason());
    tone.set(toneOf(r.verdict()));
    String checked =
        "Checked "
            + r.domain()
            + " in "
            + r.durationMillis()
            + " ms ("
            + r.findings().size()
            + (r.findings().size() == 1 ? " finding)" : " findings)");
    // a notice that came while the check ran would be lost under "Checked ..." otherwise
    status.set(noticeForThisCheck == null ? checked : checked + ". " + noticeForThisCheck);
    noticeForThisCheck = null;
  }

  private void failed(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    running.set(false);
    pendingStep.set(null);
    if (cause instanceof CancellationException || cause instanceof InterruptedException) {
      return; // cancel() already said so
    }
    banner.set("The check could not finish: " + cause);
    tone.set(Tone.BAD);
    status.set("Internal error");
  }

  private void showPending(Optional<StepGate.Pending> pending, String typed) {
    pendingStep.set(pending.orElse(null));
    pending.ifPresent(
        p -> {
          StageWords words = StageWords.of(p.stage());
          pendingTitle.set(words.stepTitle());
          status.set("Paused before " + words.stepTitle() + ": press Next");
          pendingText.set(words.sender(current == null ? typed : current.domain()));
        });
  }

  /** The banner's colour: the same rule as the Summary row and heading. */
  static Tone toneOf(DomainVerdict verdict) {
    return switch (StageRules.of(verdict)) {
      case PASS -> Tone.GOOD;
      case WARN -> Tone.WARN;
      case FAIL -> Tone.BAD;
      default -> Tone.NEUTRAL;
    };
  }

  private void resetStages(String typed) {
    String d = typed.toLowerCase(Locale.ROOT);
    List<StageItem> items = new ArrayList<>();
    for (StageWords words : StageWords.all()) {
      items.add(new StageItem(StageItem.Kind.STAGE, words.stage(), d, words.title()));
    }
    items.add(new StageItem(StageItem.Kind.SUMMARY, null, d, "Summary"));
    stages.setAll(items);
    selected.set(null);
  }

  /** The row of a stage; MX hosts get a row each, placed before TLS reporting. */
  private StageItem itemFor(CheckStage stage, String target) {
    if (stage == CheckStage.MX) {
      for (StageItem s : stages) {
        if (s.kind() == StageItem.Kind.MX_HOST && s.target().equals(target)) {
          return s;
        }
      }
      stages.removeIf(s -> s.kind() == StageItem.Kind.STAGE && s.stage() == CheckStage.MX);
      StageItem row =
          new StageItem(
              StageItem.Kind.MX_HOST, CheckStage.MX, target, StageWords.hostTitle(target));
      int at = 0;
      while (at < stages.size() && stages.get(at).stage() != CheckStage.TLSRPT) {
        at++;
      }
      stages.add(at, row);
      return row;
    }
    return stages.stream()
        .filter(s -> s.kind() == StageItem.Kind.STAGE && s.stage() == stage)
        .findFirst()
        .orElseGet(
            () -> {
              StageItem row =
                  new StageItem(StageItem.Kind.STAGE, stage, target, StageWords.of(stage).title());
              stages.add(row);
              return row;
            });
  }

  private void remember(String checked) {
    // the domain field shows the history: editing its items must not clear what was typed
    String typed = domain.get();
    history.remove(checked);
    history.add(0, checked);
    if (history.size() > HISTORY_SIZE) {
      history.remove(HISTORY_SIZE, history.size());
    }
    domain.set(typed);
    historySaver.accept(List.copyOf(history));
  }

  private void cancelQuietly() {
    if (current != null) {
      if (gate != null) {
        gate.runAll();
      }
      current.cancel();
    }
  }

  /** Shows what happened outside a check (an export written...) in the status bar. */
  public void showStatus(String message) {
    status.set(message);
  }

  /**
   * Shows a problem that happened outside the check's own steps (saving settings, saving the check
   * to the history...) in the status bar; while a check runs, it is shown with the check's result
   * instead, so that the result's status does not hide it.
   */
  public void reportSaveProblem(String message) {
    if (running.get()) {
      noticeForThisCheck = message;
    }
    status.set(message);
  }

  // ---- observable state ----

  public StringProperty domainProperty() {
    return domain;
  }

  public ObservableList<String> history() {
    return history;
  }

  public BooleanProperty stepByStepProperty() {
    return stepByStep;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ObservableList<StageItem> stages() {
    return stages;
  }

  public ObjectProperty<StageItem> selectedProperty() {
    return selected;
  }

  public ReadOnlyObjectProperty<DomainReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty bannerProperty() {
    return banner.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Tone> toneProperty() {
    return tone.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The stage that waits for Next in step-by-step mode, or null. */
  public ReadOnlyObjectProperty<StepGate.Pending> pendingStepProperty() {
    return pendingStep.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty pendingTitleProperty() {
    return pendingTitle.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty pendingTextProperty() {
    return pendingText.getReadOnlyProperty();
  }

  /** The world checks go to, or null for the real Internet. */
  public ReadOnlyObjectProperty<CheckWorld> worldProperty() {
    return world.getReadOnlyProperty();
  }

  /** Where the current (or last) check runs: badges and "Try it yourself" commands follow it. */
  public ReadOnlyObjectProperty<CheckOrigin> originProperty() {
    return origin.getReadOnlyProperty();
  }

  /** What is being prepared before a check can start (the lab's servers); empty otherwise. */
  public ReadOnlyStringProperty startingProperty() {
    return starting.getReadOnlyProperty();
  }

  /** The MX reports received so far, for the MX table. */
  public ObservableList<MxReport> mxReports() {
    return mxReports;
  }
}
