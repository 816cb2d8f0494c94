package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.report.DomainVerdict;

/** The walkthrough's domain field goes through the one normaliser (UTS #46, with reasons). */
class CheckViewModelDomainEntryTest {

  private static final String ALABEL = "xn--strae-oqa.test";

  private final CheckRig rig = new CheckRig();

  @AfterEach
  void stop() {
    rig.close();
  }

  private CheckViewModel viewModel(TestWorld world) {
    return rig.viewModel(world);
  }

  private void onUi(Runnable action) throws Exception {
    rig.onUi(action);
  }

  private void await(BooleanSupplier condition) throws Exception {
    rig.await(condition);
  }

  @Test
  void anInternationalisedDomainIsCheckedAsItsNonTransitionalALabel() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(ALABEL, "1", "mx1." + ALABEL);
      world.policyHost(ALABEL, TestWorld.policy("enforce", "mx1." + ALABEL));
      world.goodMx(0, "mx1." + ALABEL);
      CheckViewModel vm = viewModel(world);

      onUi(
          () -> {
            vm.domainProperty().set("Straße.test");
            vm.check();
          });
      await(() -> vm.reportProperty().get() != null);

      assertThat(vm.reportProperty().get().domain()).isEqualTo(ALABEL);
      assertThat(vm.reportProperty().get().verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void aNameThatIsNotADomainSaysWhatIsWrong() throws Exception {
    try (TestWorld world = new TestWorld()) {
      CheckViewModel vm = viewModel(world);

      onUi(
          () -> {
            vm.domainProperty().set("mail_server.example.com");
            vm.check();
          });

      onUi(
          () -> {
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.bannerProperty().get())
                .contains("not a domain name")
                .contains("`_`")
                .contains("U+005F");
          });
    }
  }
}
