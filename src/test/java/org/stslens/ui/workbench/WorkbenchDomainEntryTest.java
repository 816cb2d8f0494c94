package org.stslens.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.workbench.draft.DraftStore;
import org.stslens.workbench.draft.Templates;
import org.stslens.workbench.publish.PublishingKit;

/** The workbench's policy domain goes through the one normaliser, as the walkthrough's does. */
class WorkbenchDomainEntryTest {

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  private WorkbenchViewModel vm() {
    WorkbenchViewModel vm =
        new WorkbenchViewModel(new DraftStore(dir), Runnable::run, Runnable::run, clock);
    vm.restore();
    vm.ensureDraft();
    return vm;
  }

  @Test
  void theKitOfAnInternationalisedDomainUsesItsNonTransitionalALabel() {
    WorkbenchViewModel vm = vm();
    vm.domainProperty().set("Straße.de");

    PublishingKit kit = vm.kit().orElseThrow();

    assertThat(kit.domain()).isEqualTo("xn--strae-oqa.de");
    assertThat(vm.domainProblem()).isEmpty();
  }

  @Test
  void aDomainThatIsNotOneSaysWhy() {
    WorkbenchViewModel vm = vm();
    vm.domainProperty().set("bad_name.example");

    assertThat(vm.kit()).isEmpty();
    assertThat(vm.domainProblem().orElseThrow()).contains("not a domain name").contains("`_`");
  }

  @Test
  void nothingTypedIsNoProblemYet() {
    WorkbenchViewModel vm = vm();
    vm.domainProperty().set("  ");

    assertThat(vm.domainProblem()).isEmpty();
  }

  @Test
  void templatesFillInTheALabel() {
    assertThat(Templates.ENFORCE.text("bücher.example", List.of()))
        .contains("mx: mail.xn--bcher-kva.example\n");
  }
}
