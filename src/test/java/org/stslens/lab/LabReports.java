package org.stslens.lab;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.report.DomainReport;

/** Real reports of lab worlds, checked by the real engine on loopback: one helper for all tests. */
public final class LabReports {

  private static final ScenarioCatalog CATALOG = ScenarioCatalog.load();

  private LabReports() {}

  /** The report of the lab scenario {@code id} (its broken world). */
  public static DomainReport check(String id) throws InterruptedException {
    return check(id, false);
  }

  /** The report of the lab scenario {@code id}, broken or {@code fixed}. */
  public static DomainReport check(String id, boolean fixed) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world = LabWorld.start(CATALOG.byId(id).orElseThrow(), fixed)) {
      return new MtaStsChecker(world.options(), pool, timer)
          .check(world.domain(), CheckListener.NONE);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }
}
