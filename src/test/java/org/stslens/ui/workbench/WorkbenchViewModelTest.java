package org.stslens.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.workbench.draft.Draft;
import org.stslens.workbench.draft.DraftFiles;
import org.stslens.workbench.draft.DraftStore;

/**
 * The workbench's state without a window: drafts on disk, templates, autosave, evaluation, and the
 * file commands (run on the executor given, here at once).
 */
class WorkbenchViewModelTest {

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  private WorkbenchViewModel vm(DraftStore store) {
    return new WorkbenchViewModel(store, Runnable::run, Runnable::run, clock);
  }

  private long files() throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var list = Files.list(dir)) {
      return list.filter(f -> f.toString().endsWith(".draft.json")).count();
    }
  }

  private static org.stslens.engine.history.CheckFacts stored(String domain, long maxAge) {
    return new org.stslens.engine.history.CheckFacts(
        domain,
        Instant.parse("2026-11-27T08:00:00Z"),
        "enforced",
        true,
        false,
        java.util.Optional.of("20261127"),
        true,
        java.util.Optional.of("0".repeat(64)),
        java.util.Optional.of(org.stslens.engine.policy.Mode.ENFORCE),
        java.util.Optional.of(maxAge),
        java.util.List.of("mx.example.com"),
        java.util.List.of("mx.example.com"),
        java.util.List.of());
  }

  @Test
  void theStoredCheckOfTheDraftsDomainDatesTheNoticeAndTheWithdrawal() {
    WorkbenchViewModel vm = vm(new DraftStore(dir));
    java.util.List<String> asked = new java.util.ArrayList<>();
    vm.useHistory(
        d -> {
          asked.add(d);
          return d.equals("example.com")
              ? java.util.Optional.of(stored(d, 2_592_000))
              : java.util.Optional.empty();
        });
    vm.ensureDraft();
    vm.domainProperty().set("Example.COM");

    assertThat(asked).contains("example.com");
    assertThat(vm.publishNoticeProperty().get())
        .contains("id 20261127, max_age 2592000")
        .contains("until 28 December 2026, 12:00 UTC (30 days)")
        .contains("Mode testing does not stop refusals"); // the template is testing-first
    var plan = vm.kit().orElseThrow().withdrawal();
    assertThat(plan.oldMaxAgeFrom())
        .isEqualTo(org.stslens.workbench.publish.WithdrawalPlan.Source.LAST_CHECK);
    assertThat(plan.keepServingUntil()).isEqualTo(Instant.parse("2026-12-28T12:00:00Z"));
    assertThat(vm.kit().orElseThrow().id().value()).isNotEqualTo("20261127");

    vm.domainProperty().set("other.example");
    assertThat(vm.publishNoticeProperty().get()).startsWith("No check of other.example is stored");
    vm.domainProperty().set("not a domain");
    assertThat(vm.publishNoticeProperty().get()).isEmpty();
  }

  @Test
  void aHistoryThatCannotBeReadIsSaidInTheNotice() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir));
    Path file = Files.writeString(dir.resolve("history.sqlite"), "not a database".repeat(100));
    vm.useHistory(
        d -> {
          return org.stslens.engine.history.HistoryStore.open(file)
              .latest(d)
              .map(org.stslens.engine.history.StoredCheck::facts);
        });
    vm.ensureDraft();
    vm.domainProperty().set("example.com");

    assertThat(vm.publishNoticeProperty().get())
        .startsWith("No check of example.com is stored")
        .contains("The history cannot be read")
        .contains("damaged");
  }

  @Test
  void aTemplateIsWrittenOnlyOnceItIsChanged() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir));
    vm.restore();
    vm.ensureDraft();
    assertThat(vm.currentProperty().get().text()).startsWith("version: STSv1\nmode: testing\n");
    assertThat(files()).isZero();
    vm.edited(vm.currentProperty().get().text() + "# note\n");
    assertThat(files()).isEqualTo(1);
    assertThat(vm.analysisProperty().get().parsed().valid()).isTrue();
  }

  @Test
  void savedDraftsComeBackNewestFirstAndReplaceAnUntouchedTemplate() throws Exception {
    DraftStore store = new DraftStore(dir);
    store.save(
        new Draft(
            "old", "old", "example.com", "mode: none\n", Instant.parse("2026-11-27T00:00:00Z")));
    store.save(
        new Draft(
            "new",
            "mine",
            "example.com",
            "mode: testing\n",
            Instant.parse("2026-11-28T00:00:00Z")));
    WorkbenchViewModel vm = vm(store);
    vm.ensureDraft(); // the editor was opened before the listing arrived
    vm.restore();
    assertThat(vm.currentProperty().get().id()).isEqualTo("new");
    assertThat(vm.drafts()).extracting(Draft::id).containsExactly("new", "old");
    assertThat(vm.loadProperty().get().text()).isEqualTo("mode: testing\n");
    assertThat(vm.domainProperty().get()).isEqualTo("example.com");
    assertThat(vm.statusProperty().get()).contains("Restored 2 saved drafts");
  }

  @Test
  void renameAndDeleteReachTheDisk() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir));
    vm.open("mta-sts.txt", "example.com", "version: STSv1\r\nmode: enforce\r\n");
    assertThat(vm.currentProperty().get().text()).isEqualTo("version: STSv1\nmode: enforce\n");
    vm.rename("Rollout step 1");
    assertThat(new DraftStore(dir).list().drafts())
        .extracting(Draft::name)
        .containsExactly("Rollout step 1");
    vm.deleteCurrent();
    assertThat(files()).isZero();
    assertThat(vm.currentProperty().get()).isNotNull(); // a blank draft takes its place
  }

  @Test
  void aFileWithLfEndingsIsNotedAndTheDomainMakesAKit() {
    WorkbenchViewModel vm = vm(new DraftStore(dir));
    vm.open("p", "", "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n");
    assertThat(vm.notesProperty().get()).contains("LF line endings");
    assertThat(vm.kit()).isEmpty();
    vm.domainProperty().set("Example.COM");
    assertThat(vm.kit())
        .hasValueSatisfying(k -> assertThat(k.txtName()).isEqualTo("_mta-sts.example.com"));
    assertThat(vm.evaluationProperty().get().rows()).isEmpty(); // no check of example.com yet
  }

  @Test
  void openFileAddsTheFileAsADraftAndSaysSo() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir.resolve("drafts")));
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(file, "version: STSv1\r\nmode: testing\r\n");
    vm.openFile(file);
    assertThat(vm.currentProperty().get().name()).isEqualTo("mta-sts.txt");
    assertThat(vm.loadProperty().get().text()).isEqualTo("version: STSv1\nmode: testing\n");
    assertThat(vm.statusProperty().get()).isEqualTo("Opened " + file);
  }

  @Test
  void openFileWarnsAboutAFileSendersWouldRefuse() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir.resolve("drafts")));
    Path file = dir.resolve("long.txt");
    Files.writeString(file, "# padding\n".repeat(DraftFiles.SENDER_LIMIT_BYTES / 10 + 1));
    vm.openFile(file);
    assertThat(vm.drafts()).extracting(Draft::name).containsExactly("long.txt");
    assertThat(vm.statusProperty().get()).contains("larger than 64 KiB", "fetch.too-large");
  }

  @Test
  void openFileRefusesAHugeTextFileAndAddsNoDraft() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir.resolve("drafts")));
    Path file = dir.resolve("huge.txt");
    Files.writeString(file, "# padding\n".repeat(DraftFiles.MAX_OPEN_BYTES / 10 + 1));
    vm.openFile(file);
    assertThat(vm.drafts()).isEmpty();
    assertThat(vm.statusProperty().get()).contains("larger than 1 MiB: not opened");
  }

  @Test
  void saveAsWritesTheCurrentTextAndReportsTheBytes() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir.resolve("drafts")));
    vm.open("p", "example.com", "version: STSv1\nmode: none\n");
    Path target = dir.resolve("out.txt");
    vm.saveAs(target);
    assertThat(Files.readString(target)).isEqualTo("version: STSv1\r\nmode: none\r\n");
    assertThat(vm.statusProperty().get()).startsWith("Saved 28 bytes to " + target);
    vm.saveAs(dir.resolve("missing").resolve("out.txt"));
    assertThat(vm.statusProperty().get()).contains("could not be written");
  }

  @Test
  void exportKitWritesTheKitAndTellsWhere() throws Exception {
    WorkbenchViewModel vm = vm(new DraftStore(dir.resolve("drafts")));
    vm.open(
        "p",
        "example.com",
        "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n");
    Path folder = dir.resolve("kit");
    vm.exportKit(vm.kit().orElseThrow(), folder);
    assertThat(folder.resolve("mta-sts.txt")).exists();
    assertThat(vm.kitExportStatusProperty().get()).isEqualTo("Exported to " + folder);
  }

  @Test
  void probingWithoutADomainAsksForOne() {
    WorkbenchViewModel vm = vm(new DraftStore(dir.resolve("drafts")));
    java.util.List<String> checked = new java.util.ArrayList<>();
    vm.probe(checked::add);
    assertThat(checked).isEmpty();
    assertThat(vm.statusProperty().get()).contains("Enter the policy domain");
    vm.domainProperty().set(" example.com ");
    vm.probe(checked::add);
    assertThat(checked).containsExactly("example.com");
  }

  @Test
  void theDraftIsJudgedForEverySenderWithTheDraftsMxAsColumns() {
    WorkbenchViewModel vm = vm(new DraftStore(dir));
    vm.open(
        "spaced",
        "example.com",
        "version: STSv1\nmode : enforce\nmx: mx1.example.com\nmax_age: 604800\n");

    vm.judgeSenders();

    var matrix = vm.senders().matrixProperty().get();
    assertThat(matrix.columns()).containsExactly("Policy", "mx1.example.com");
    assertThat(matrix.rows().get(0).cells().get(0).word()).isEqualTo("enforce");
    assertThat(matrix.rows().get(1).sender()).isEqualTo("Postfix with postfix-mta-sts-resolver");
    assertThat(matrix.rows().get(1).cells().get(0).word()).isEqualTo("no-policy");
    assertThat(vm.senderSentences())
        .anyMatch(
            t ->
                t.startsWith("Postfix with postfix-mta-sts-resolver")
                    && t.endsWith(
                        "would reject this draft: the key `mode ` has a space before the colon."));

    vm.edited("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n");
    vm.judgeSenders();
    assertThat(vm.senders().matrixProperty().get().rows().get(1).cells().get(0).word())
        .isEqualTo("enforce");
    assertThat(vm.senderSentences())
        .noneMatch(t -> t.contains("Postfix with postfix-mta-sts-resolver"));
  }

  @Test
  void aJudgementOvertakenByANewerEditIsDropped() {
    java.util.List<Runnable> queued = new java.util.ArrayList<>();
    WorkbenchViewModel vm =
        new WorkbenchViewModel(new DraftStore(dir), queued::add, Runnable::run, clock);
    vm.open("d", "example.com", "version: STSv1\nmode : enforce\nmx: a.example.com\nmax_age: 1\n");
    queued.clear(); // the autosave
    vm.judgeSenders();
    vm.edited("version: STSv1\nmode: testing\nmx: b.example.com\nmax_age: 1\n");
    vm.judgeSenders();
    queued.forEach(Runnable::run);

    var matrix = vm.senders().matrixProperty().get();
    assertThat(matrix.columns()).containsExactly("Policy", "b.example.com");
    assertThat(matrix.rows().get(0).cells().get(0).word()).isEqualTo("testing");
  }
}
