package org.stslens.ui.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.history.HistoryStore;
import org.testfx.util.WaitForAsyncUtils;

/** The selected domain's stored checks follow Check all, and Compare puts the older left. */
class DomainsCompareModelTest {

  @TempDir Path dir;
  private final TestWorld world = new TestWorld();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aCheckOfTheSelectedDomainJoinsItsListAndTwoCompareOlderFirst() throws Exception {
    world.standardDns("one.test", "1", "mx1.one.test");
    world.policyHost("one.test", TestWorld.policy("enforce", "mx1.one.test"));
    world.goodMx(0, "mx1.one.test");
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    HistoryRecorder recorder = new HistoryRecorder(file);
    DomainsViewModel vm =
        new DomainsViewModel(
            file,
            domain -> recorder.record(world.check(domain)).report(),
            Runnable::run,
            Runnable::run,
            Clock.systemUTC());
    vm.add("one.test");
    vm.select("one.test");
    assertThat(vm.pastChecks()).isEmpty();
    runAll(vm);
    assertThat(vm.pastChecks()).hasSize(1);
    runAll(vm);
    assertThat(vm.pastChecks()).hasSize(2);

    // newest first in the list; given newest first, the comparison still puts the older left
    vm.compare(vm.pastChecks().get(0), vm.pastChecks().get(1));
    assertThat(vm.diffProperty().get()).isNotNull();
    assertThat(vm.diffProperty().get().older().id()).isEqualTo(vm.pastChecks().get(1).id());
    assertThat(vm.diffProperty().get().newer().id()).isEqualTo(vm.pastChecks().get(0).id());
    assertThat(vm.statusProperty().get()).startsWith("Compared");

    vm.select(null);
    assertThat(vm.pastChecks()).isEmpty();
    assertThat(vm.diffProperty().get()).isNull();
  }

  private static void runAll(DomainsViewModel vm) throws Exception {
    vm.checkAll();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
  }
}
