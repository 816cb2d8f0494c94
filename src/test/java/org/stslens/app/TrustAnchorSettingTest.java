package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.StageGate;
import org.stslens.engine.dane.DaneTrustAnchors;
import org.stslens.lab.LabDnssec;
import org.stslens.ui.settings.Settings;

/** The desktop's DNSSEC trust anchor: kept between runs, used by its checks, never dropped. */
class TrustAnchorSettingTest {

  private static Settings withAnchor(String file) {
    return new Settings("127.0.0.1:5353", List.of(), 5, 60, 30, false, false, List.of(), 180)
        .withTrustAnchor(file);
  }

  @Test
  void theChosenAnchorIsSavedAndReplacesTheRootInTheChecksOptions(@TempDir Path dir)
      throws Exception {
    String anchorText = LabDnssec.create("lab.example", LabDnssec.Mode.SIGNED).trustAnchor();
    Path anchor = Files.writeString(dir.resolve("lab.ds"), anchorText);
    SettingsStore store = new SettingsStore(dir);
    store.save(withAnchor(anchor.toString()));

    Settings loaded = store.load();

    assertThat(loaded.trustAnchorFile()).isEqualTo(anchor.toString());
    assertThat(EngineCheckService.optionsFor(loaded).dane().anchors())
        .isEqualTo(DaneTrustAnchors.parse(anchorText))
        .isNotEqualTo(DaneTrustAnchors.root());
  }

  @Test
  void withoutAChoiceTheBuiltInRootIsUsed(@TempDir Path dir) throws Exception {
    SettingsStore store = new SettingsStore(dir);
    Files.writeString(store.file(), "dns.server=127.0.0.1:5353\n"); // a file from before
    Settings loaded = store.load();
    assertThat(loaded.builtInTrustAnchor()).isTrue();
    assertThat(EngineCheckService.optionsFor(loaded).dane().anchors())
        .isEqualTo(DaneTrustAnchors.root());
  }

  @Test
  void aMissingAnchorFileStopsTheCheckWithAClearMessageInsteadOfFallingBackToTheRoot(
      @TempDir Path dir) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      EngineCheckService service = new EngineCheckService(pool, timer);
      Path gone = dir.resolve("gone.key");
      service.apply(withAnchor(gone.toString()));
      assertThatThrownBy(() -> service.start("example.test", CheckListener.NONE, StageGate.OPEN))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("trust-anchor file " + gone);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  @Test
  void aDamagedAnchorFileStopsTheCheckToo(@TempDir Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      EngineCheckService service = new EngineCheckService(pool, timer);
      Path damaged = Files.writeString(dir.resolve("root.key"), "this is not a zone file {\n");
      service.apply(withAnchor(damaged.toString()));
      assertThatThrownBy(() -> service.start("example.test", CheckListener.NONE, StageGate.OPEN))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("trust-anchor file " + damaged);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }
}
