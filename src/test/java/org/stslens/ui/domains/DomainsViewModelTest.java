package org.stslens.ui.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.history.WatchlistFile;
import org.stslens.lab.LabHttpsServer;
import org.testfx.util.WaitForAsyncUtils;

/** The watchlist against a real history file, and Check all against loopback domains. */
class DomainsViewModelTest {

  @TempDir Path dir;
  private final TestWorld world = new TestWorld();

  @AfterEach
  void close() {
    world.close();
  }

  private Path file() {
    return dir.resolve(HistoryStore.FILE_NAME);
  }

  /** Everything runs on the calling thread except Check all's own thread. */
  private DomainsViewModel model() {
    HistoryRecorder recorder = new HistoryRecorder(file());
    return new DomainsViewModel(
        file(),
        domain -> recorder.record(world.check(domain)).report(),
        Runnable::run,
        Runnable::run,
        Clock.systemUTC());
  }

  @Test
  void addedRemovedAndImportedDomainsLastAcrossANewModelOnTheSameStore() throws Exception {
    DomainsViewModel vm = model();
    assertThat(vm.add("Example.COM")).isTrue();
    assertThat(vm.add("not a domain")).isFalse();
    assertThat(vm.statusProperty().get()).startsWith("Not a domain name");
    Path list = dir.resolve("list.csv");
    Files.writeString(list, "domain,owner\nb.example,ann\n# a comment\nc.example\nbad name,x\n");
    vm.importFile(list);
    assertThat(vm.statusProperty().get())
        .contains("Imported 2 domains")
        .contains("1 lines skipped");
    vm.remove("b.example");
    assertThat(vm.rows()).extracting(DomainRow::domain).containsExactly("example.com", "c.example");

    DomainsViewModel again = model();
    again.load();
    assertThat(again.rows())
        .extracting(DomainRow::domain)
        .containsExactly("example.com", "c.example");
    Path out = dir.resolve("out.txt");
    again.exportFile(out);
    assertThat(WatchlistFile.parse(Files.readAllLines(out)).domains())
        .containsExactly("example.com", "c.example");

    again.filterProperty().set("com");
    assertThat(again.rows()).extracting(DomainRow::domain).containsExactly("example.com");
  }

  @Test
  void checkAllShowsVerdictsSavesThemAndNotifiesAChange() throws Exception {
    world.standardDns("one.test", "1", "mx1.one.test");
    world.policyHost("one.test", TestWorld.policy("enforce", "mx1.one.test"));
    world.goodMx(0, "mx1.one.test");
    // two.test's policy host has an address of its own: one server per address and port
    world.dns.txt("_mta-sts.two.test", "v=STSv1; id=1");
    world.dns.a("mta-sts.two.test", "127.0.0.9");
    world.dns.mx("two.test", 10, "mx1.two.test");
    world.dns.a("mx1.two.test", TestWorld.mxAddress(1));
    world.add(
        LabHttpsServer.builder(world.ca.issue("mta-sts.two.test"))
            .bind(java.net.InetAddress.getByName("127.0.0.9"))
            .route("/.well-known/mta-sts.txt", TestWorld.policy("testing", "mx1.two.test"))
            .start());
    world.goodMx(1, "mx1.two.test");

    DomainsViewModel vm = model();
    vm.add("one.test");
    vm.add("two.test");
    vm.add("three.test"); // no such domain in the world: a verdict all the same
    runAll(vm);
    assertThat(vm.rows())
        .extracting(r -> r.domain() + "=" + r.verdict().orElse("?" + r.problem()))
        .containsExactly("one.test=enforced", "two.test=testing", "three.test=no-policy");
    assertThat(vm.rows().get(0).checkedAt()).isPresent();
    assertThat(vm.rows().get(0).expiryDays()).isPresent();
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    assertThat(HistoryStore.open(file()).checks("one.test")).hasSize(1);
    assertThat(vm.notices()).isEmpty(); // a first check changes nothing, certificates are young
    assertThat(vm.rows().get(0).changesText()).isEqualTo("First check");

    // the second run sees the same policies: no change, and a restart shows the stored rows
    runAll(vm);
    assertThat(vm.notices()).isEmpty();
    DomainsViewModel restarted = model();
    restarted.load();
    assertThat(restarted.rows().get(1).verdict()).contains("testing");
    assertThat(restarted.rows().get(1).changesText()).isEqualTo("No change");

    // two.test's MX moves to a host its cached policy does not cover: a change, and a notice
    TestWorld moved = new TestWorld();
    try {
      moved.standardDns("two.test", "1", "mx9.two.test");
      moved.policyHost("two.test", TestWorld.policy("testing", "mx1.two.test"));
      moved.goodMx(0, "mx9.two.test");
      HistoryRecorder recorder = new HistoryRecorder(file());
      DomainsViewModel after =
          new DomainsViewModel(
              file(),
              d -> recorder.record(moved.check(d)).report(),
              Runnable::run,
              Runnable::run,
              Clock.systemUTC());
      after.load();
      after.remove("one.test");
      after.remove("three.test");
      runAll(after);
      assertThat(after.rows().get(0).changes()).isNotEmpty();
      assertThat(after.notices()).extracting(DomainsViewModel.Notice::domain).contains("two.test");
      after.select("two.test");
      assertThat(after.timeline()).hasSize(1); // same policy, same id: one version
      assertThat(after.timeline().get(0).dailySeesNewest()).isTrue();
    } finally {
      moved.close();
    }
  }

  @Test
  void checkAllRunsAtMostEightAtOnceAndCancelStopsIt() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    DomainsViewModel vm =
        new DomainsViewModel(
            file(),
            domain -> {
              most.accumulateAndGet(now.incrementAndGet(), Math::max);
              try {
                Thread.sleep(60_000); // until cancelled
              } finally {
                now.decrementAndGet();
              }
              throw new AssertionError("not cancelled");
            },
            Runnable::run,
            Runnable::run,
            Clock.systemUTC());
    for (int i = 0; i < 20; i++) {
      vm.add("d" + i + ".example");
    }
    vm.checkAll();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> now.get() == 8);
    Thread.sleep(200);
    assertThat(most.get()).isEqualTo(8);
    vm.cancel();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
    assertThat(vm.statusProperty().get()).startsWith("Cancelled");
    assertThat(vm.rows()).allMatch(r -> r.verdict().isEmpty());
  }

  private static void runAll(DomainsViewModel vm) throws Exception {
    vm.checkAll();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
  }

  @Test
  void anExpiryNoticeNeverCountsNegativeDays() {
    assertThat(DomainsViewModel.expiryNotice(-10)).isEqualTo("A certificate expired 10 days ago.");
    assertThat(DomainsViewModel.expiryNotice(0)).isEqualTo("A certificate expires today.");
    assertThat(DomainsViewModel.expiryNotice(1)).isEqualTo("A certificate expires in 1 day.");
    assertThat(DomainsViewModel.expiryNotice(7)).isEqualTo("A certificate expires in 7 days.");
  }
}
