package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.StageGate;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.finding.Code;
import org.stslens.engine.history.DataFolder;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.report.ChangeSet;
import org.stslens.engine.report.DomainReport;

/** The desktop's check service saves every check and adds what changed; a bad store is a notice. */
class HistoryServiceTest {

  private static final String DOMAIN = "saved.test";
  private static final String MX1 = "mx1.saved.test";

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final EngineCheckService service = new EngineCheckService(pool, timer);
  private final List<String> notices = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private DomainReport check(String mode) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policy(mode, MX1));
      world.goodMx(0, MX1);
      service.use(world.options());
      return service.start(DOMAIN, CheckListener.NONE, StageGate.OPEN).await();
    }
  }

  @Test
  void everyCheckIsSavedAndComparedWithThePreviousOne() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    service.saveHistory(new HistoryRecorder(file), notices::add);
    DomainReport first = check("testing");
    assertThat(first.changes().compared()).isTrue();
    assertThat(first.changes().previousCheck()).isEmpty();

    DomainReport second = check("enforce");
    assertThat(second.findings()).anyMatch(f -> f.code() == Code.LIFE_ID_NOT_BUMPED);
    assertThat(HistoryStore.open(file).checks(DOMAIN)).hasSize(2);
    assertThat(notices).isEmpty();
  }

  @Test
  void aDamagedStoreIsANoticeAndTheReportIsShownAsItIs() throws Exception {
    Path file = dir.resolve(HistoryStore.FILE_NAME);
    Files.writeString(file, "not a database".repeat(300));
    service.saveHistory(new HistoryRecorder(file), notices::add);
    DomainReport report = check("enforce");
    assertThat(report.verdict().word()).isEqualTo("enforced");
    assertThat(report.changes()).isEqualTo(ChangeSet.NONE);
    assertThat(notices).singleElement().asString().contains("not saved").contains("damaged");
  }

  @Test
  void withoutAHistoryNothingIsSaved() throws Exception {
    DomainReport report = check("enforce");
    assertThat(report.changes().compared()).isFalse();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void theCliAndTheAppShareOneDataFolder() {
    assertThat(SettingsStore.forUser().draftsFolder().getParent())
        .isEqualTo(DataFolder.forUser())
        .isEqualTo(SettingsStore.userDataFolder());
  }
}
