package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.export.Block;
import org.stslens.engine.export.Narrative;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.learn.LearnContent;

/**
 * One stage, one set of words: the stage list, the step-by-step pause, Learn's links and the
 * exported narrative name and explain every stage alike. Compares what each place shows, so a place
 * that goes back to words of its own fails here.
 */
class StageWordsAcrossTheAppTest {

  private static final String DOMAIN = "words.test";

  private final ExecutorService ui = Executors.newSingleThreadExecutor();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    ui.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private record Pause(String title, String text) {}

  @Test
  void theStageListTheStepByStepPausesLearnAndTheNarrativeSayTheSame() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "1", "mx1." + DOMAIN);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", "mx1." + DOMAIN));
      world.goodMx(0, "mx1." + DOMAIN);
      MtaStsChecker checker = new MtaStsChecker(world.options(), pool, timer);
      CheckViewModel vm = new CheckViewModel(checker::start, ui::execute, h -> {});
      List<String> listTitles = new ArrayList<>();
      onUi(
          () -> {
            vm.domainProperty().set(DOMAIN);
            vm.stepByStepProperty().set(true);
            vm.check();
            vm.stages().stream()
                .filter(s -> s.kind() == StageItem.Kind.STAGE)
                .forEach(s -> listTitles.add(s.title()));
          });

      // every pause of step-by-step mode, in order
      Map<CheckStage, Pause> pauses = new LinkedHashMap<>();
      StepGate.Pending[] last = {null};
      while (true) {
        await(
            () ->
                !vm.runningProperty().get()
                    || vm.pendingStepProperty().get() != null
                        && vm.pendingStepProperty().get() != last[0]);
        boolean[] more = {false};
        onUi(
            () -> {
              StepGate.Pending p = vm.pendingStepProperty().get();
              if (vm.runningProperty().get() && p != null) {
                pauses.put(
                    p.stage(),
                    new Pause(vm.pendingTitleProperty().get(), vm.pendingTextProperty().get()));
                last[0] = p;
                more[0] = true;
                vm.next();
              }
            });
        if (!more[0]) {
          break;
        }
      }
      DomainReport[] report = {null};
      onUi(() -> report[0] = vm.reportProperty().get());
      assertThat(report[0]).isNotNull();
      assertThat(pauses.keySet()).containsExactly(CheckStage.values());

      // the narrative: each stage's heading and the paragraph right after it
      List<Block> blocks = Narrative.of(report[0]);
      List<String> headings = new ArrayList<>();
      List<String> firstParagraphs = new ArrayList<>();
      for (int i = 0; i < blocks.size(); i++) {
        if (blocks.get(i) instanceof Block.Heading h && h.level() == 3) {
          headings.add(h.text());
          firstParagraphs.add(((Block.Paragraph) blocks.get(i + 1)).text());
        }
      }

      CheckStage[] stages = CheckStage.values();
      assertThat(listTitles).hasSize(stages.length);
      assertThat(headings).hasSize(stages.length);
      for (int i = 0; i < stages.length; i++) {
        CheckStage stage = stages[i];
        String number = String.valueOf(i + 1);
        String listTitle = listTitles.get(i);
        assertThat(headings.get(i))
            .as("narrative heading of %s", stage)
            .startsWith(number + " · " + listTitle);
        assertThat(pauses.get(stage).title())
            .as("step-by-step title of %s", stage)
            .startsWith("Step " + number + " — ")
            .contains(listTitle.replaceAll(" \\(.*", ""));
        assertThat(pauses.get(stage).text())
            .as("what the sender does in %s, paused and exported", stage)
            .isEqualTo(firstParagraphs.get(i));
        assertThat(LearnContent.stageTitle(stage))
            .as("Learn's link to %s", stage)
            .isEqualTo(listTitle);
      }
    }
  }

  private void onUi(Runnable action) throws Exception {
    ui.submit(action).get(5, TimeUnit.SECONDS);
  }

  private void await(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      boolean[] done = new boolean[1];
      onUi(() -> done[0] = condition.getAsBoolean());
      if (done[0]) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("condition not reached in 15 s");
  }
}
