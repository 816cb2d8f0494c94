package org.stslens.ui.domains;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.stslens.engine.batch.BatchLine;
import org.stslens.engine.batch.BatchOutcome;
import org.stslens.engine.batch.BatchRunner;
import org.stslens.engine.batch.BatchSummary;
import org.stslens.engine.batch.DomainCheck;
import org.stslens.engine.batch.DomainList;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.history.ChangeDetector;
import org.stslens.engine.history.CheckDiff;
import org.stslens.engine.history.CheckFacts;
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.history.PolicyTimeline;
import org.stslens.engine.history.PolicyVersion;
import org.stslens.engine.history.Refresh;
import org.stslens.engine.history.StoredCheck;
import org.stslens.engine.history.WatchlistFile;
import org.stslens.engine.report.ChangeSet;
import org.stslens.engine.report.DomainReport;

/**
 * The Domains screen's state: the watchlist (kept in the history store, so it lasts across
 * restarts), each domain's last check as stored, and "Check all", which runs the list through the
 * {@link BatchRunner} at most {@link #PARALLEL} at once on its own thread. A change or a near
 * certificate expiry becomes a {@link Notice}. All file and database work runs off the FX thread.
 */
public final class DomainsViewModel {

  /** At most this many checks run at once. */
  public static final int PARALLEL = BatchRunner.DEFAULT_PARALLEL;

  /** "Check all every N hours": the spinner's range and its first value. */
  public static final int MIN_AUTO_HOURS = 1;

  public static final int MAX_AUTO_HOURS = 168;
  public static final int DEFAULT_AUTO_HOURS = 24;

  /**
   * Runs a task once after a delay, on any thread; the returned action cancels it. The timer of
   * "Check all every N hours" goes through it, so that a test fires it without waiting.
   */
  @FunctionalInterface
  public interface Scheduler {
    Runnable schedule(java.time.Duration delay, Runnable task);

    /** One daemon thread: a pending check never keeps the app from exiting. */
    static Scheduler daemon() {
      java.util.concurrent.ScheduledExecutorService timer =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "stslens-check-all-timer");
                t.setDaemon(true);
                return t;
              });
      return (delay, task) -> {
        var f = timer.schedule(task, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      };
    }
  }

  /** A certificate expiring within this many days raises a notice. */
  public static final long NEAR_EXPIRY_DAYS = 14;

  /** Something the user should see at once: a change, or a certificate about to expire. */
  public record Notice(String domain, String text) {}

  /**
   * One stored policy version of the selected domain.
   *
   * @param dailySeesNewest a sender that fetched it when last seen and refreshes daily applies the
   *     newest version now
   * @param atExpirySeesNewest the same sender refreshing only when its copy expires
   */
  public record TimelineEntry(
      PolicyVersion version, boolean dailySeesNewest, boolean atExpirySeesNewest) {}

  private final Path historyFile;
  private final DomainCheck check;
  private final Executor background;
  private final Consumer<Runnable> dispatcher;
  private final Clock clock;

  private final ObservableList<DomainRow> rows = FXCollections.observableArrayList();
  private final FilteredList<DomainRow> shown = new FilteredList<>(rows);
  private final StringProperty filter = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty status = new SimpleStringProperty("");
  private final ObservableList<Notice> notices = FXCollections.observableArrayList();
  private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
  private final ObservableList<StoredCheck> pastChecks = FXCollections.observableArrayList();
  private final ObjectProperty<CheckDiff> diff = new SimpleObjectProperty<>();
  private final BooleanProperty autoCheck = new SimpleBooleanProperty(false);
  private final IntegerProperty autoCheckHours = new SimpleIntegerProperty(DEFAULT_AUTO_HOURS);
  private final ObjectProperty<Instant> nextCheck = new SimpleObjectProperty<>();
  private final StringProperty nextCheckText = new SimpleStringProperty("");
  private final Scheduler scheduler;
  private Runnable cancelTimer = () -> {};
  private volatile BatchRunner runner;

  /** The domain whose past checks are shown: a late answer for another one is dropped. */
  private String selected;

  /**
   * @param historyFile the history store, which also keeps the watchlist
   * @param check checks one domain and saves it to the history (the desktop's check service)
   * @param background reads and writes files and the store (never the FX thread)
   * @param dispatcher runs on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in
   *     tests)
   */
  public DomainsViewModel(
      Path historyFile,
      DomainCheck check,
      Executor background,
      Consumer<Runnable> dispatcher,
      Clock clock) {
    this(historyFile, check, background, dispatcher, clock, Scheduler.daemon());
  }

  /**
   * @param scheduler the timer of "Check all every N hours"
   */
  public DomainsViewModel(
      Path historyFile,
      DomainCheck check,
      Executor background,
      Consumer<Runnable> dispatcher,
      Clock clock,
      Scheduler scheduler) {
    this.scheduler = scheduler;
    this.historyFile = historyFile;
    this.check = check;
    this.background = background;
    this.dispatcher = dispatcher;
    this.clock = clock;
    filter.addListener((o, was, now) -> applyFilter());
    autoCheck.addListener((o, was, now) -> reschedule());
    autoCheckHours.addListener((o, was, now) -> reschedule());
  }

  // ---- commands (FX thread) ----

  /** Reads the watchlist and each domain's last stored check. */
  public void load() {
    inBackground(
        store -> {
          List<DomainRow> read = new ArrayList<>();
          for (String domain : store.watchlist()) {
            read.add(stored(store, domain));
          }
          dispatcher.accept(
              () -> {
                rows.setAll(read);
                status.set(read.size() + " domains watched.");
              });
        });
  }

  /** Adds a domain typed by the user; false (with the reason in the status) when it is not one. */
  public boolean add(String text) {
    Optional<BatchLine> line = DomainList.parse(1, text == null ? "" : text);
    if (line.isEmpty() || line.get() instanceof BatchLine.Bad) {
      status.set(
          line.map(l -> "Not a domain name: " + ((BatchLine.Bad) l).reason())
              .orElse("Type a domain name first."));
      return false;
    }
    watch(List.of(((BatchLine.Domain) line.get()).domain()), "Added");
    return true;
  }

  /** Removes a domain from the watchlist; its stored checks stay in the history. */
  public void remove(String domain) {
    rows.removeIf(r -> r.domain().equals(domain));
    inBackground(
        store -> {
          store.unwatch(domain);
          dispatcher.accept(() -> status.set("Removed " + domain + "."));
        });
  }

  /** Adds the domains of a text or CSV file. */
  public void importFile(Path file) {
    background.execute(
        () -> {
          try {
            WatchlistFile.Read read = WatchlistFile.read(file);
            String skipped =
                read.bad().isEmpty()
                    ? ""
                    : "; "
                        + read.bad().size()
                        + " lines skipped (line "
                        + read.bad().get(0).line()
                        + ": "
                        + read.bad().get(0).reason()
                        + ")";
            watch(read.domains(), "Imported " + read.domains().size() + " domains" + skipped);
          } catch (IOException e) {
            dispatcher.accept(() -> status.set("Cannot read " + file + ": " + e.getMessage()));
          }
        });
  }

  /** Writes the watchlist, one domain per line. */
  public void exportFile(Path file) {
    List<String> domains = rows.stream().map(DomainRow::domain).toList();
    background.execute(
        () -> {
          try {
            WatchlistFile.write(file, domains);
            dispatcher.accept(
                () -> status.set("Exported " + domains.size() + " domains to " + file + "."));
          } catch (IOException e) {
            dispatcher.accept(() -> status.set("Cannot write " + file + ": " + e.getMessage()));
          }
        });
  }

  /** Checks every watched domain, at most {@link #PARALLEL} at once; each result is saved. */
  public void checkAll() {
    if (running.get() || rows.isEmpty()) {
      return;
    }
    List<String> domains = rows.stream().map(DomainRow::domain).toList();
    BatchRunner batch = new BatchRunner(check, PARALLEL);
    runner = batch;
    running.set(true);
    progress.set(0);
    status.set("Checking " + domains.size() + " domains …");
    int[] done = {0};
    Thread thread =
        new Thread(
            () -> {
              Iterator<BatchLine> lines = lines(domains);
              try {
                BatchSummary summary =
                    batch.run(
                        lines,
                        outcome -> {
                          Optional<DomainRow> row = row(outcome);
                          dispatcher.accept(
                              () -> {
                                row.ifPresent(this::finished);
                                progress.set(++done[0] / (double) domains.size());
                              });
                        });
                dispatcher.accept(
                    () -> stopped(summary.cancelled() ? "Cancelled" : "Checked", done[0]));
              } catch (IOException | InterruptedException | RuntimeException e) {
                dispatcher.accept(() -> stopped("Stopped (" + e.getMessage() + ")", done[0]));
              }
            },
            "stslens-check-all");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops Check all: no further domain starts, running checks are interrupted. */
  public void cancel() {
    BatchRunner batch = runner;
    if (batch != null) {
      batch.cancel();
    }
  }

  /** Shows the stored policy versions of {@code domain} (none when null). */
  public void select(String domain) {
    timeline.clear();
    pastChecks.clear();
    diff.set(null);
    selected = domain;
    if (domain == null) {
      return;
    }
    readSelected(domain);
  }

  /** Reads the stored checks and policy versions of {@code domain}, the selected one. */
  private void readSelected(String domain) {
    inBackground(
        store -> {
          List<StoredCheck> checks = store.checks(domain);
          dispatcher.accept(
              () -> {
                if (domain.equals(selected)) {
                  pastChecks.setAll(checks);
                }
              });
          PolicyTimeline t = PolicyTimeline.of(checks.stream().map(StoredCheck::facts).toList());
          Instant now = clock.instant();
          List<TimelineEntry> entries =
              t.versions().stream()
                  .map(
                      v ->
                          new TimelineEntry(
                              v,
                              t.seesNewest(Refresh.DAILY, v.lastSeen(), now),
                              t.seesNewest(Refresh.AT_EXPIRY, v.lastSeen(), now)))
                  .toList();
          dispatcher.accept(
              () -> {
                if (domain.equals(selected)) {
                  timeline.setAll(entries);
                }
              });
        });
  }

  /**
   * Compares two stored checks of the selected domain, the older on the left whatever the order
   * given; the result arrives in {@link #diffProperty()}.
   */
  public void compare(StoredCheck a, StoredCheck b) {
    boolean inOrder = !a.facts().checkedAt().isAfter(b.facts().checkedAt());
    StoredCheck older = inOrder ? a : b;
    StoredCheck newer = inOrder ? b : a;
    status.set("Comparing …");
    inBackground(
        store -> {
          Optional<String> olderJson = store.reportJson(older.id());
          Optional<String> newerJson = store.reportJson(newer.id());
          if (olderJson.isEmpty() || newerJson.isEmpty()) {
            dispatcher.accept(() -> status.set("A stored check is gone from the history."));
            return;
          }
          try {
            CheckDiff d = CheckDiff.of(older.id(), olderJson.get(), newer.id(), newerJson.get());
            dispatcher.accept(
                () -> {
                  diff.set(d);
                  status.set(
                      d.changed()
                          ? "Compared: the changed rows are highlighted."
                          : "Compared: nothing differs.");
                });
          } catch (IllegalArgumentException e) {
            dispatcher.accept(
                () -> status.set("A stored report cannot be read: " + e.getMessage()));
          }
        });
  }

  // ---- state ----

  /** The selected domain's stored checks, newest first. */
  public ObservableList<StoredCheck> pastChecks() {
    return pastChecks;
  }

  /** The last comparison of the selected domain's checks; null before one. */
  public ReadOnlyObjectProperty<CheckDiff> diffProperty() {
    return diff;
  }

  /** "Check all every N hours" while the app is open. */
  public BooleanProperty autoCheckProperty() {
    return autoCheck;
  }

  /** The N of {@link #autoCheckProperty()}, from 1 to 168. */
  public IntegerProperty autoCheckHoursProperty() {
    return autoCheckHours;
  }

  /** When the timer runs Check all next; null when it is off. */
  public ReadOnlyObjectProperty<Instant> nextCheckProperty() {
    return nextCheck;
  }

  /** "Next check at 14:30" (in the clock's zone), or empty when the timer is off. */
  public ReadOnlyStringProperty nextCheckTextProperty() {
    return nextCheckText;
  }

  /** The rows the filter lets through, in watchlist order (the table sorts its own view). */
  public ObservableList<DomainRow> rows() {
    return shown;
  }

  public int watchedCount() {
    return rows.size();
  }

  public StringProperty filterProperty() {
    return filter;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  /** Every notice raised, oldest first; the view shows each as it arrives. */
  public ObservableList<Notice> notices() {
    return notices;
  }

  /** The selected domain's policy versions, oldest first. */
  public ObservableList<TimelineEntry> timeline() {
    return timeline;
  }

  // ---- internals ----

  private void watch(List<String> domains, String done) {
    Instant at = clock.instant();
    inBackground(
        store -> {
          store.watch(domains, at);
          List<DomainRow> read = new ArrayList<>();
          for (String domain : domains) {
            read.add(stored(store, domain));
          }
          dispatcher.accept(
              () -> {
                for (DomainRow r : read) {
                  if (rows.stream().noneMatch(x -> x.domain().equals(r.domain()))) {
                    rows.add(r);
                  }
                }
                status.set(done + (domains.size() == 1 ? " " + domains.get(0) : "") + ".");
              });
        });
  }

  private interface StoreWork {
    void run(HistoryStore store) throws HistoryException;
  }

  private void inBackground(StoreWork work) {
    background.execute(
        () -> {
          try {
            work.run(HistoryStore.open(historyFile));
          } catch (HistoryException e) {
            dispatcher.accept(() -> status.set(e.getMessage()));
          }
        });
  }

  /** The row of {@code domain}'s newest stored check, with what changed since the one before. */
  private DomainRow stored(HistoryStore store, String domain) throws HistoryException {
    List<StoredCheck> checks = store.checks(domain);
    if (checks.isEmpty()) {
      return DomainRow.unchecked(domain);
    }
    CheckFacts latest = checks.get(0).facts();
    Optional<CheckFacts> before =
        checks.size() > 1 ? Optional.of(checks.get(1).facts()) : Optional.empty();
    return row(
        domain,
        latest,
        before.isPresent() ? DomainRow.Comparison.COMPARED : DomainRow.Comparison.FIRST,
        ChangeDetector.compare(before, latest).findings());
  }

  private DomainRow row(
      String domain, CheckFacts facts, DomainRow.Comparison comparison, List<Finding> changes) {
    OptionalLong days =
        facts
            .nearestExpiry()
            .map(c -> OptionalLong.of(Duration.between(clock.instant(), c.notAfter()).toDays()))
            .orElse(OptionalLong.empty());
    return new DomainRow(
        domain,
        Optional.of(facts.verdict()),
        Optional.of(facts.checkedAt()),
        comparison,
        changes.stream().map(Finding::message).toList(),
        days,
        Optional.empty());
  }

  private Optional<DomainRow> row(BatchOutcome outcome) {
    if (outcome instanceof BatchOutcome.Checked c) {
      DomainReport report = c.report();
      return Optional.of(
          row(
              report.domain(),
              CheckFacts.of(report),
              comparison(report.changes()),
              report.changes().findings()));
    }
    if (outcome instanceof BatchOutcome.Failed f) {
      return Optional.of(
          new DomainRow(
              f.domain(),
              Optional.empty(),
              Optional.of(clock.instant()),
              DomainRow.Comparison.NOT_SAVED,
              List.of(),
              OptionalLong.empty(),
              Optional.of(f.reason())));
    }
    return Optional.empty(); // the list holds only valid names: nothing is skipped
  }

  private static DomainRow.Comparison comparison(ChangeSet changes) {
    if (!changes.compared()) {
      return DomainRow.Comparison.NOT_SAVED;
    }
    return changes.previousCheck().isPresent()
        ? DomainRow.Comparison.COMPARED
        : DomainRow.Comparison.FIRST;
  }

  /** "expires in 3 days", "expires today", "expired 10 days ago": never a negative count. */
  static String expiryNotice(long days) {
    if (days < 0) {
      return "A certificate expired " + -days + (days == -1 ? " day" : " days") + " ago.";
    }
    if (days == 0) {
      return "A certificate expires today.";
    }
    return "A certificate expires in " + days + (days == 1 ? " day." : " days.");
  }

  private void finished(DomainRow row) {
    rows.replaceAll(r -> r.domain().equals(row.domain()) ? row : r);
    if (row.domain().equals(selected)) {
      readSelected(selected); // its new check joins the list to compare and the timeline
    }
    if (!row.changes().isEmpty()) {
      notices.add(new Notice(row.domain(), "Changed: " + row.changesText()));
    }
    if (row.expiryDays().isPresent() && row.expiryDays().getAsLong() <= NEAR_EXPIRY_DAYS) {
      notices.add(new Notice(row.domain(), expiryNotice(row.expiryDays().getAsLong())));
    }
  }

  private void stopped(String how, int done) {
    status.set(how + " " + done + " of " + rows.size() + " domains.");
    runner = null;
    running.set(false); // last: whoever waits for the end sees the rest already done
  }

  /** Cancels the pending timer and, when on, starts it again for N hours from now. */
  private void reschedule() {
    cancelTimer.run();
    cancelTimer = () -> {};
    if (!autoCheck.get()) {
      nextCheck.set(null);
      nextCheckText.set("");
      return;
    }
    int hours = Math.max(MIN_AUTO_HOURS, Math.min(MAX_AUTO_HOURS, autoCheckHours.get()));
    java.time.Duration every = java.time.Duration.ofHours(hours);
    Instant at = clock.instant().plus(every);
    nextCheck.set(at);
    nextCheckText.set("Next check at " + NEXT_AT.withZone(clock.getZone()).format(at));
    Runnable[] cancel = new Runnable[1];
    cancel[0] =
        scheduler.schedule(
            every,
            () ->
                dispatcher.accept(
                    () -> {
                      if (cancelTimer != cancel[0]) {
                        return; // rescheduled or switched off in the meantime
                      }
                      timerFired();
                    }));
    cancelTimer = cancel[0];
  }

  private void timerFired() {
    if (running.get()) {
      status.set("The scheduled check was skipped: Check all is still running.");
    } else if (!rows.isEmpty()) {
      checkAll();
    }
    reschedule();
  }

  private static final java.time.format.DateTimeFormatter NEXT_AT =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT);

  private void applyFilter() {
    String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(java.util.Locale.ROOT);
    shown.setPredicate(
        f.isEmpty()
            ? null
            : r ->
                r.domain().contains(f)
                    || r.verdict().orElse("").contains(f)
                    || r.changesText().toLowerCase(java.util.Locale.ROOT).contains(f));
  }

  private static Iterator<BatchLine> lines(List<String> domains) {
    List<BatchLine> out = new ArrayList<>();
    for (int i = 0; i < domains.size(); i++) {
      out.add(new BatchLine.Domain(i + 1, domains.get(i)));
    }
    return out.iterator();
  }
}
