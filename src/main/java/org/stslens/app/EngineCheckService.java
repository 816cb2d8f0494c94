package org.stslens.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.CheckOptions;
import org.stslens.engine.check.CheckOptionsBuilder;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.RunningCheck;
import org.stslens.engine.check.StageGate;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.settings.Settings;
import org.stslens.ui.shell.CheckService;

/**
 * Runs the engine for the desktop app. The options are prepared from the settings off the FX thread
 * (they read resolv.conf and PEM files) and swapped in atomically; {@link #start} only uses them,
 * so it never does I/O on the caller's thread.
 */
final class EngineCheckService implements CheckService {

  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final AtomicReference<CheckOptions> options = new AtomicReference<>();
  private final AtomicReference<String> problem =
      new AtomicReference<>("the settings are still being read");
  private final CountDownLatch firstOptions = new CountDownLatch(1);
  private volatile HistoryRecorder history;
  private volatile Consumer<String> notices = message -> {};

  EngineCheckService(ExecutorService pool, ScheduledExecutorService timer) {
    this.pool = pool;
    this.timer = timer;
  }

  /** Uses these options from now on (the lab and tests set them directly). */
  void use(CheckOptions newOptions) {
    options.set(newOptions);
    problem.set(null);
    firstOptions.countDown();
  }

  /**
   * Saves every check from now on, with what changed since the domain's previous check; a store
   * that cannot be used is told to {@code notice} (on the engine's thread) and the check is shown
   * as it is.
   */
  void saveHistory(HistoryRecorder recorder, Consumer<String> notice) {
    this.notices = notice;
    this.history = recorder;
  }

  /** Turns settings into options; reads files, so call it off the FX thread. */
  void apply(Settings settings) {
    try {
      use(optionsFor(settings));
    } catch (CheckOptionsBuilder.UnusableSettingException e) {
      options.set(null);
      problem.set(e.getMessage());
      firstOptions.countDown();
    }
  }

  static CheckOptions optionsFor(Settings s) throws CheckOptionsBuilder.UnusableSettingException {
    // another anchor file that cannot be read stops the checks: never a silent fall-back to the
    // root, which would call a lab's or a private tree's signed TLSA bogus
    return new CheckOptionsBuilder()
        .trustAnchorFile(s.builtInTrustAnchor() ? null : Path.of(s.trustAnchorFile()))
        .dnsServer(s.dnsServer())
        .trustFiles(s.trustFiles().stream().map(Path::of).toList())
        .dnsTimeout(Duration.ofSeconds(s.dnsTimeoutSeconds()))
        .fetchTimeout(Duration.ofSeconds(s.fetchTimeoutSeconds()))
        .smtpStepTimeout(Duration.ofSeconds(s.smtpTimeoutSeconds()))
        .checkTimeout(Duration.ofSeconds(s.checkTimeoutSeconds()))
        .build();
  }

  /**
   * The app prepares the first options in the background while the window opens (reading the JDK's
   * trust store takes a tenth of a second). A check started in that moment waits for them, briefly.
   */
  private void awaitFirstOptions() {
    try {
      firstOptions.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public RunningCheck start(String domain, CheckListener listener, StageGate gate) {
    awaitFirstOptions();
    CheckOptions current = options.get();
    if (current == null) {
      throw new IllegalStateException("the settings cannot be used (" + problem.get() + ").");
    }
    RunningCheck running = new MtaStsChecker(current, pool, timer).start(domain, listener, gate);
    HistoryRecorder recorder = history;
    if (recorder == null) {
      return running;
    }
    // off the FX thread: the report reaches the view with its life.* findings
    return running.then(report -> record(recorder, report), pool);
  }

  private DomainReport record(HistoryRecorder recorder, DomainReport report) {
    HistoryRecorder.Recorded recorded = recorder.record(report);
    recorded
        .problem()
        .ifPresent(e -> notices.accept("Check not saved in the history: " + e.getMessage()));
    return recorded.report();
  }
}
