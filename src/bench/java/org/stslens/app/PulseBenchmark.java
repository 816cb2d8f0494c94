package org.stslens.app;

import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.stslens.lab.ScenarioCatalog;
import org.stslens.ui.settings.Settings;
import org.stslens.ui.shell.StageItem;

/**
 * Issue 14, items 5 and 6: does the desktop app ever stall its UI, and how much memory does it hold
 * after a check? A benchmark harness (it asserts nothing), not part of the app.
 *
 * <p>{@code pulse} (the default): the real main window ({@link Desktop}, as the app and the GUI
 * tests build it), with an {@link AnimationTimer} that keeps JavaFX pulsing every frame and records
 * when each pulse starts. A gap between two pulses is time the FX thread could not draw. In one
 * window, each repetition, activity by activity: checks the 2-MX lab scenario
 * {@code good-enforce} (as the Lab screen's Run does, through {@link LabRunner}), selects each
 * stage, opens the certificate viewer, opens each screen (editor, lab, learn, settings, reports,
 * domains) and types into a 64 KiB draft in the editor. The first repetition is the cold one (the
 * first open of every screen, a cold JIT); the later ones show screens already built. Keystroke latency is from the key event to the end of
 * the first pulse after it whose scene shows the new underline (post-scene pulse listener: CSS,
 * layout and the sync to the render thread are done).
 *
 * <p>{@code typing}: only the typing, for a profile of the keystrokes. {@code editor-open}: a
 * check, then the editor screen opened and left again; the first open builds the workbench, and the
 * time of the event that builds it is printed apart from the pulses after it. With {@code
 * -Dbench.sample=true}, {@code -Dbench.sample.lines=N} prints N lines per activity (16 unless told).
 * <p>{@code walkthrough}: only the check, the stages and the certificate viewer, repeated.
 *
 * <p>{@code memory}: a new window checks {@code good-enforce}, then, after a full GC, prints the
 * process's resident memory ({@code VmRSS}) and the heap used.
 *
 * <p>Run: {@code scripts/bench-pulse.sh [repetitions]} (Xvfb, the installer's JVM options).
 */
public final class PulseBenchmark {

  private static final String SCENARIO = "good-enforce";
  private static final long GAP_GOAL_MS = 100;
  private static final long KEY_GOAL_MS = 50;

  private final ExecutorService pool =
      Executors.newFixedThreadPool(32, StsLensApp.daemon("stslens-io"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(StsLensApp.daemon("stslens-timer"));
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(StsLensApp.daemon("stslens-background"));
  private final EngineCheckService service = new EngineCheckService(pool, timer);
  private final LabRunner lab = new LabRunner(ScenarioCatalog.load(), pool, timer, background);
  private final PulseRecorder pulses = new PulseRecorder();
  private final StallSampler sampler = new StallSampler(pulses);
  /** Activity name → the longest gap of each repetition. */
  private final Map<String, List<Long>> gaps = new LinkedHashMap<>();

  private final List<Long> keystrokes = new ArrayList<>();
  private Desktop desktop;
  private Stage stage;

  private PulseBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "pulse";
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    PulseBenchmark bench = new PulseBenchmark();
    System.out.printf(
        "toolkit %s, glass %s, prism %s; %s%n",
        Toolkit.getToolkit().getClass().getSimpleName(),
        onFx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()),
        com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(),
        load());
    try {
      if (mode.equals("memory")) {
        bench.memory();
      } else if (mode.equals("typing")) {
        bench.typingOnly(repetitions);
      } else if (mode.equals("editor-open")) {
        bench.editorOpen(repetitions);
      } else if (mode.equals("walkthrough")) {
        bench.walkthroughOnly(repetitions);
      } else {
        bench.pulse(repetitions);
      }
    } catch (Exception | Error e) {
      e.printStackTrace(); // System.exit below would hide it
    } finally {
      bench.lab.close();
      Platform.exit();
      System.exit(0);
    }
  }

  private void memory() throws Exception {
    openWindow();
    checkLab();
    Thread.sleep(1000); // the last pulses and the lab's servers settle
    printMemory("after checking " + SCENARIO);
    // and once the app has sat idle a little: the JVM gives freed C heap back periodically
    // (-XX:TrimNativeHeapInterval), not at once
    Thread.sleep(5000);
    System.out.printf("memory 5 s later: %s; %s%n", residentMemory(), load());
    hold();
  }

  /**
   * With {@code -Dbench.hold=SECONDS}: keeps the process alive after the figures, so that its
   * /proc/PID/smaps, {@code jcmd PID VM.native_memory} or a heap dump can be read from outside.
   */
  private static void hold() throws InterruptedException {
    int seconds = Integer.getInteger("bench.hold", 0);
    if (seconds > 0) {
      System.out.printf("holding %d s, pid %d%n", seconds, ProcessHandle.current().pid());
      Thread.sleep(seconds * 1000L);
    }
  }

  /** Only the editor: for a profile of the keystrokes. */
  private void typingOnly(int repetitions) throws Exception {
    pulses.start();
    sampler.start();
    openWindow();
    for (int rep = 1; rep <= repetitions; rep++) {
      activity("type into a 64 KiB draft (" + TYPED + " keys)", this::typing);
    }
    stopAndReport(repetitions);
    printMemory("after typing");
  }

  /**
   * Only the editor screen opened, after a check as in {@code pulse}: the first open builds it, the
   * later ones show it again. For a profile of the first open.
   */
  private void editorOpen(int repetitions) throws Exception {
    pulses.start();
    sampler.start();
    activity("open the window (not under the goal)", this::openWindow);
    activity("check " + SCENARIO + " (2 MX) through the lab", this::checkLab);
    for (int rep = 1; rep <= repetitions; rep++) {
      activity(
          "open screen editor",
          () -> {
            // the event that builds (or shows) the screen, apart from the pulses after it
            long[] built =
                onFx(
                    () -> {
                      var classes = ManagementFactory.getClassLoadingMXBean();
                      long loaded = classes.getTotalLoadedClassCount();
                      long t0 = System.nanoTime();
                      ((ToggleButton) stage.getScene().lookup("#editor")).setSelected(true);
                      return new long[] {
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                        classes.getTotalLoadedClassCount() - loaded
                      };
                    });
            System.out.printf(
                "editor screen: %d ms in the event that opens it, %d classes loaded in it; %s%n",
                built[0], built[1], load());
          });
      activity("open screen walkthrough", () -> screen("walkthrough"));
    }
    stopAndReport(repetitions);
  }

  /** Only the walkthrough: a check, each stage and the certificate viewer, for a profile of them. */
  private void walkthroughOnly(int repetitions) throws Exception {
    pulses.start();
    sampler.start();
    activity("open the window (not under the goal)", this::openWindow);
    for (int rep = 1; rep <= repetitions; rep++) {
      walkthroughRound();
      System.out.printf("repetition %d done; %s%n", rep, load());
    }
    stopAndReport(repetitions);
  }

  /** A check through the lab, each stage selected, the certificate viewer opened. */
  private void walkthroughRound() throws Exception {
    activity("check " + SCENARIO + " (2 MX) through the lab", this::checkLab);
    activity("select each stage", this::eachStage);
    activity("open the certificate viewer", this::certificate);
  }

  private void stopAndReport(int repetitions) {
    pulses.stop();
    report(repetitions);
    sampler.print();
  }

  private void pulse(int repetitions) throws Exception {
    pulses.start();
    sampler.start();
    // one window, as in the app: the first repetition opens each screen for the first time
    activity("open the window (not under the goal)", this::openWindow);
    for (int rep = 1; rep <= repetitions; rep++) {
      walkthroughRound();
      for (String screen : List.of("editor", "lab", "learn", "reports", "domains", "walkthrough")) {
        activity("open screen " + screen, () -> screen(screen));
      }
      activity("open settings", this::settings);
      activity("type into a 64 KiB draft (" + TYPED + " keys)", this::typing);
      screen("walkthrough");
      System.out.printf("repetition %d done; %s%n", rep, load());
    }
    stopAndReport(repetitions);
    printMemory("after the whole run");
    hold();
  }

  private void report(int repetitions) {
    System.out.printf(
        "%nlongest gap between pulses per activity over %d repetitions (goal: none > %d ms after"
            + " the first window)%n",
        repetitions, GAP_GOAL_MS);
    System.out.printf("%-52s %8s %8s %8s  %s%n", "activity", "first", "median", "max", "all (ms)");
    for (Map.Entry<String, List<Long>> e : gaps.entrySet()) {
      List<Long> all = e.getValue();
      long max = all.stream().mapToLong(Long::longValue).max().orElse(0);
      boolean goal = !e.getKey().contains("not under the goal");
      System.out.printf(
          "%-52s %8d %8d %8d  %s%s%n",
          e.getKey(),
          all.get(0),
          median(all),
          max,
          all,
          goal && max > GAP_GOAL_MS ? "  ABOVE GOAL" : "");
    }
    // when each stall began (epoch ms): to cut a flight recording's samples to it
    System.out.printf("%nstalls over %d ms (epoch ms of the last pulse before, gap):%n", GAP_GOAL_MS);
    pulses.stalls.forEach(System.out::println);
    List<Long> later = keystrokes.subList(Math.min(TYPED, keystrokes.size()), keystrokes.size());
    System.out.printf(
        "%nkeystroke -> updated underline, 64 KiB draft (goal <= %d ms): median %d ms, max %d ms"
            + " over %d keys; first repetition median %d max %d; later ones median %d max %d%n",
        KEY_GOAL_MS,
        median(keystrokes),
        keystrokes.stream().mapToLong(Long::longValue).max().orElse(0),
        keystrokes.size(),
        median(keystrokes.subList(0, Math.min(TYPED, keystrokes.size()))),
        keystrokes.subList(0, Math.min(TYPED, keystrokes.size())).stream()
            .mapToLong(Long::longValue)
            .max()
            .orElse(0),
        median(later),
        later.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  private interface Action {
    void run() throws Exception;
  }

  /** Runs one activity and files the longest pulse gap seen during it. */
  private void activity(String name, Action action) throws Exception {
    onFx(
        () -> {
          pulses.reset(name);
          return null;
        });
    action.run();
    settle();
    long longest = onFx(pulses::longestMs);
    gaps.computeIfAbsent(name, k -> new ArrayList<>()).add(longest);
  }

  private void openWindow() throws Exception {
    Path folder = Files.createTempDirectory("stslens-pulse");
    desktop =
        onFx(
            () -> {
              Desktop d =
                  new Desktop(
                      service,
                      new SettingsStore(folder),
                      Settings.defaults(),
                      background,
                      Clock.systemUTC(),
                      true,
                      lab);
              stage = new Stage();
              d.show(stage);
              return d;
            });
    settle();
  }

  private void checkLab() throws Exception {
    Object before = onFx(() -> desktop.viewModel().reportProperty().get());
    onFx(
        () -> {
          lab.run(SCENARIO, false, desktop.viewModel());
          return null;
        });
    waitFor(
        () ->
            desktop.viewModel().reportProperty().get() != before
                && desktop.viewModel().reportProperty().get() != null
                && !desktop.viewModel().runningProperty().get());
  }

  private void eachStage() throws Exception {
    List<StageItem> items = onFx(() -> List.copyOf(desktop.viewModel().stages()));
    for (StageItem item : items) {
      onFx(
          () -> {
            desktop.viewModel().selectedProperty().set(item);
            return null;
          });
      settle();
    }
  }

  private void certificate() throws Exception {
    onFx(
        () -> {
          desktop.viewModel().stages().stream()
              .filter(s -> s.title().startsWith("MX "))
              .findFirst()
              .ifPresent(desktop.viewModel().selectedProperty()::set);
          return null;
        });
    settle();
    onFx(
        () -> {
          ((Button) stage.getScene().lookup("#open-certificate")).fire();
          return null;
        });
    waitFor(() -> otherWindow().isPresent());
    settle();
    onFx(
        () -> {
          otherWindow().ifPresent(Window::hide);
          return null;
        });
  }

  private void screen(String id) throws Exception {
    onFx(
        () -> {
          ((ToggleButton) stage.getScene().lookup("#" + id)).setSelected(true);
          return null;
        });
  }

  /** Settings opens a modal dialog (a nested event loop): fired without waiting, then cancelled. */
  private void settings() throws Exception {
    Platform.runLater(() -> ((Button) stage.getScene().lookup("#settings")).fire());
    waitFor(() -> otherWindow().isPresent());
    settle();
    onFx(
        () -> {
          Window dialog = otherWindow().orElseThrow();
          ((Button) ((DialogPane) dialog.getScene().getRoot()).lookupButton(ButtonType.CANCEL))
              .fire();
          return null;
        });
  }

  private java.util.Optional<Window> otherWindow() {
    return Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst();
  }

  private static final int TYPED = 40;

  /**
   * A 64 KiB draft: the four keys and many valid {@code mx} lines. Each keystroke types an
   * {@code x} after {@code enforce} (an invalid mode: an error underline) or takes it back.
   */
  private void typing() throws Exception {
    StringBuilder text = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    for (int i = 0; text.length() < 64 * 1024; i++) {
      text.append(String.format(Locale.ROOT, "mx: mx%05d.good-enforce.lab.example\n", i));
    }
    String draft = text.substring(0, text.lastIndexOf("\n", 64 * 1024) + 1);
    onFx(
        () -> {
          desktop.workbench().open("64 KiB", "good-enforce.lab.example", draft);
          ((ToggleButton) stage.getScene().lookup("#editor")).setSelected(true);
          return null;
        });
    settle();
    CodeArea area = onFx(() -> (CodeArea) stage.getScene().lookup("#policy-editor"));
    int at = draft.indexOf("enforce") + "enforce".length();
    onFx(
        () -> {
          area.requestFocus();
          area.moveTo(at);
          return null;
        });
    settle();
    for (int k = 0; k < TYPED; k++) {
      boolean type = k % 2 == 0;
      long ms = keystroke(area, type, at);
      keystrokes.add(ms);
      Thread.sleep(60); // a fast typist: about 15 keys a second
    }
  }

  /** Sends one key, then waits for the first pulse after it whose scene shows the underline. */
  private long keystroke(CodeArea area, boolean type, int at) throws Exception {
    CompletableFuture<Long> shown = new CompletableFuture<>();
    long[] sent = new long[1];
    TKPulseListener[] listener = new TKPulseListener[1];
    listener[0] =
        () -> {
          if (underlined(area, at) == type) {
            shown.complete(System.nanoTime() - sent[0]);
            Toolkit.getToolkit().removePostSceneTkPulseListener(listener[0]);
          }
        };
    Platform.runLater(
        () -> {
          sent[0] = System.nanoTime();
          Toolkit.getToolkit().addPostSceneTkPulseListener(listener[0]);
          area.moveTo(type ? at : at + 1);
          KeyEvent event =
              type
                  ? new KeyEvent(
                      KeyEvent.KEY_TYPED, "x", "", KeyCode.UNDEFINED, false, false, false, false)
                  : new KeyEvent(
                      KeyEvent.KEY_PRESSED,
                      "",
                      "",
                      KeyCode.BACK_SPACE,
                      false,
                      false,
                      false,
                      false);
          Event.fireEvent(area, event);
        });
    return TimeUnit.NANOSECONDS.toMillis(shown.get(20, TimeUnit.SECONDS));
  }

  /** Whether the character before {@code at} (the typed x or the e of enforce) is underlined. */
  private static boolean underlined(CodeArea area, int at) {
    if (area.getLength() <= at) {
      return false;
    }
    Collection<String> style = area.getStyleOfChar(at);
    return style.contains("pk-error") && area.getText(at, at + 1).equals("x");
  }

  private static void printMemory(String when) throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Thread.sleep(200);
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    String rss = residentMemory();
    System.out.printf(
        "memory %s (goal: resident <= 250 MB): %s; heap used after GC %d MB (committed %d MB);"
            + " JVM options %s; %s%n",
        when,
        rss,
        heap >> 20,
        committed >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        load());
    if (Boolean.getBoolean("bench.histogram")) {
      // what the live heap holds, by class (jcmd GC.class_histogram), the 25 largest
      String histogram =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "gcClassHistogram",
                      new Object[] {new String[0]},
                      new String[] {String[].class.getName()});
      histogram.lines().limit(28).forEach(System.out::println);
    }
    if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking="))) {
      // where the resident memory goes, by the JVM's own account (run with NMT on)
      System.out.println(
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "vmNativeMemory",
                  new Object[] {new String[] {"summary", "scale=MB"}},
                  new String[] {String[].class.getName()}));
    }
  }

  private static String residentMemory() throws java.io.IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.matches("(VmRSS|VmHWM|RssAnon|RssFile):.*"))
        .map(l -> l.replaceAll("\\s+", " "))
        .reduce((a, b) -> a + ", " + b)
        .orElse("no /proc/self/status");
  }

  /** Lets queued work and the pulses after it run (where late layout stalls would show). */
  private static void settle() throws Exception {
    Thread.sleep(300);
    onFx(() -> null);
  }

  private static String load() {
    try {
      return "load "
          + Files.readString(Path.of("/proc/loadavg")).split(" ")[0]
          + " (1 min), "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (java.io.IOException e) {
      return "load unknown";
    }
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
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
    return result.get(60, TimeUnit.SECONDS);
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!onFx(condition)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out");
      }
      Thread.sleep(20);
    }
  }

  /**
   * With {@code -Dbench.sample=true}: every 2 ms while a pulse is overdue (over 30 ms since the
   * last), samples the FX thread's stack and counts, per activity, the first frame of the app or of
   * RichTextFX and the top frame. Flight recordings walk only a few frames of the GTK glass's FX
   * thread (it runs inside the native main loop), so they name the hot JavaFX methods but not who
   * called them: this names the caller.
   */
  private static final class StallSampler {
    private final PulseRecorder pulses;
    private final Map<String, Map<String, Integer>> counts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Thread fx;

    StallSampler(PulseRecorder pulses) {
      this.pulses = pulses;
    }

    void start() throws Exception {
      if (!Boolean.getBoolean("bench.sample")) {
        return;
      }
      fx = onFx(Thread::currentThread);
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                  if (System.nanoTime() - pulses.lastNanos < 30_000_000L) {
                    continue;
                  }
                  StackTraceElement[] stack = fx.getStackTrace();
                  if (stack.length == 0) {
                    continue;
                  }
                  String caller =
                      java.util.Arrays.stream(stack)
                          .map(f -> f.getClassName() + "." + f.getMethodName())
                          .filter(
                              f ->
                                  (f.startsWith("org.stslens") || f.startsWith("org.fxmisc"))
                                      && !f.startsWith("org.stslens.app.PulseBenchmark"))
                          .findFirst()
                          .orElse("(JavaFX only)");
                  String top = stack[0].getClassName() + "." + stack[0].getMethodName();
                  Map<String, Integer> m =
                      counts.computeIfAbsent(
                          pulses.activity, k -> new java.util.concurrent.ConcurrentHashMap<>());
                  m.merge("caller " + caller, 1, Integer::sum);
                  m.merge("top    " + top, 1, Integer::sum);
                  if (!top.endsWith("_runLoop")) {
                    // the chain below the pulse: which node's layout or CSS does the work
                    m.merge(
                        "stack  "
                            + java.util.Arrays.stream(stack)
                                .map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
                                .filter(f -> !f.startsWith("Parent.") && !f.startsWith("Node."))
                                .limit(60)
                                .collect(java.util.stream.Collectors.joining(" < ")),
                        1,
                        Integer::sum);
                  }
                }
              },
              "stall-sampler");
      t.setDaemon(true);
      t.start();
    }

    void print() {
      counts.forEach(
          (activity, m) -> {
            System.out.printf("%nFX thread samples during overdue pulses: %s%n", activity);
            m.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(Integer.getInteger("bench.sample.lines", 16))
                .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
          });
    }
  }

  /**
   * Keeps JavaFX pulsing every frame (an animation is running) and records the longest time
   * between the starts of two pulses since the last reset. Only touched on the FX thread.
   */
  private static final class PulseRecorder extends AnimationTimer {
    private final List<String> stalls = new ArrayList<>();
    private volatile String activity = "";
    private volatile long lastNanos = System.nanoTime();
    private long last;
    private long longest;

    @Override
    public void handle(long now) {
      long t = System.nanoTime();
      if (last != 0) {
        longest = Math.max(longest, t - last);
        long gap = TimeUnit.NANOSECONDS.toMillis(t - last);
        if (gap > GAP_GOAL_MS) {
          stalls.add(
              String.format(
                  Locale.ROOT, "%d %5d ms  %s", System.currentTimeMillis() - gap, gap, activity));
        }
      }
      last = t;
      lastNanos = t;
    }

    void reset(String name) {
      activity = name;
      longest = 0;
    }

    long longestMs() {
      // the gap still open counts too: a stall that has not ended yet
      long open = last == 0 ? 0 : System.nanoTime() - last;
      return TimeUnit.NANOSECONDS.toMillis(Math.max(longest, open));
    }
  }
}
