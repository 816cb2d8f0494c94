package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A scenario's domain is data that must already be what the normaliser makes of it. */
class ScenarioDomainTest {

  private static Scenario withDomain(String domain) {
    return new Scenario(
        "x",
        "t",
        new Scenario.Story("a", "b", "c"),
        domain,
        null,
        null,
        null,
        null,
        new Scenario.Expect("enforced", null, null),
        null);
  }

  @Test
  void aNormalisedDomainIsAccepted() {
    assertThat(withDomain("xn--strae-oqa.lab.example").domain())
        .isEqualTo("xn--strae-oqa.lab.example");
  }

  @Test
  void aULabelUpperCaseOrInvalidDomainIsRefused() {
    for (String domain : new String[] {"straße.lab.example", "X.lab.example", "a_b.lab.example"}) {
      assertThatThrownBy(() -> withDomain(domain))
          .as(domain)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a normalised domain name");
    }
  }
}
