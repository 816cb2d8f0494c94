package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.check.DomainNameInput;

/** The editor's domain reads as the walkthrough's: one normaliser for every entry field. */
class PolicyHostEntryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://Example.COM/.well-known/mta-sts.txt",
        "http://example.com",
        "postmaster@example.com",
        "example.com.",
        "  example.com  ",
        "straße.de",
        "https://bücher.example/",
        "ＥＸＡＭＰＬＥ。com"
      })
  void theEditorReadsADomainAsTheWalkthroughDoes(String typed) {
    assertThat(new PolicyHost(typed).domain())
        .isEqualTo(DomainNameInput.normalize(typed).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://straße.de/", "straße.de.", " straße.de "})
  void anIdnPublishesUnderItsALabels(String typed) {
    PolicyHost host = new PolicyHost(typed);
    assertThat(host.domain()).isEqualTo("xn--strae-oqa.de");
    assertThat(host.txtName()).isEqualTo("_mta-sts.xn--strae-oqa.de");
    assertThat(host.url()).isEqualTo("https://mta-sts.xn--strae-oqa.de/.well-known/mta-sts.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a..b", "192.0.2.1", "exa mple.com"})
  void notADomainIsRefusedWithTheReason(String typed) {
    String reason = ((DomainNameInput.NotADomain) DomainNameInput.read(typed)).reason();
    assertThatThrownBy(() -> new PolicyHost(typed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
