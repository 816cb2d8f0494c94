package org.stslens.engine.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/** Real reports of lab worlds, checked by the real engine on loopback. */
final class LabReports {

  private LabReports() {}

  /** The report of the lab scenario {@code id} (its broken world). */
  static DomainReport check(String id) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world = LabWorld.start(ScenarioCatalog.load().byId(id).orElseThrow(), false)) {
      return new MtaStsChecker(world.options(), pool, timer)
          .check(world.domain(), CheckListener.NONE);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }
}
