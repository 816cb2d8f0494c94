package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The shipped profiles load at build time: a missing or malformed one fails here. */
class SenderProfilesTest {

  @Test
  void everyProfileLoadsWithEveryBehaviourAndASource() {
    assertThat(SenderProfiles.all()).extracting(SenderProfile::id).isEqualTo(SenderProfiles.IDS);
    for (SenderProfile p : SenderProfiles.all()) {
      assertThat(p.name()).isNotBlank();
      assertThat(p.basis()).isNotBlank();
      for (Behaviour b : Behaviour.values()) {
        assertThat(p.fact(b).source()).as(p.id() + " " + b.id()).isNotBlank();
      }
    }
  }

  @Test
  void theRfcProfileHoldsTheRfcValueOfEveryBehaviour() {
    SenderProfile rfc = SenderProfiles.all().get(0);
    for (Behaviour b : Behaviour.values()) {
      assertThat(rfc.value(b)).as(b.id()).isEqualTo(b.rfc());
    }
  }

  @Test
  void anUnknownValueAMissingBehaviourOrAnUnknownBehaviourIsRejected() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode good =
        (ObjectNode)
            json.readTree(
                SenderProfilesTest.class.getResourceAsStream("/org/stslens/senders/mox.json"));
    assertThat(SenderProfiles.parse(good, "mox").id()).isEqualTo("mox");

    ObjectNode badValue = good.deepCopy();
    ((ObjectNode) badValue.path("behaviours").path("mx-wildcard-depth")).put("value", "two-labels");
    assertThatThrownBy(() -> SenderProfiles.parse(badValue, "mox"))
        .hasMessageContaining("mx-wildcard-depth");

    ObjectNode missing = good.deepCopy();
    ((ObjectNode) missing.path("behaviours")).remove("fetch-status");
    assertThatThrownBy(() -> SenderProfiles.parse(missing, "mox"))
        .hasMessageContaining("fetch-status");

    ObjectNode extra = good.deepCopy();
    ((ObjectNode) extra.path("behaviours"))
        .putObject("fetch-colour")
        .put("value", "blue")
        .put("source", "x");
    assertThatThrownBy(() -> SenderProfiles.parse(extra, "mox"))
        .hasMessageContaining("fetch-colour");

    ObjectNode noSource = good.deepCopy();
    ((ObjectNode) noSource.path("behaviours").path("fetch-status")).remove("source");
    assertThatThrownBy(() -> SenderProfiles.parse(noSource, "mox")).hasMessageContaining("source");

    assertThatThrownBy(() -> SenderProfiles.load("no-such-sender")).hasMessageContaining("missing");
  }
}
