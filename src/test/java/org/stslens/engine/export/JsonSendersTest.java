package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/** The {@code senders} array of docs/report-format.md, on a real lab report. */
class JsonSendersTest {

  @Test
  void sendersArrayFollowsTheContract() throws Exception {
    DomainReport report = LabReports.check("invalid-id");
    JsonNode senders =
        new ObjectMapper().readTree(JsonReport.render(List.of(report))).get("senders");
    List<String> ids = new ArrayList<>();
    senders.forEach(s -> ids.add(s.get("sender").asText()));
    assertThat(ids)
        .containsExactly(
            "rfc8461",
            "postfix-mta-sts-resolver",
            "postfix-tlspol",
            "mailauth",
            "go-mtasts",
            "mox",
            "exchange-online",
            "gmail");
    for (JsonNode s : senders) {
      assertThat(s.fieldNames())
          .toIterable()
          .containsExactly("sender", "name", "basis", "applies", "delivers", "mx", "differs");
      assertThat(s.get("applies").asText())
          .isIn("enforce", "testing", "none", "no-policy", "unknown");
      assertThat(s.get("delivers").isBoolean() || s.get("delivers").isNull()).isTrue();
      assertThat(s.get("mx")).hasSize(report.mx().size());
      for (JsonNode m : s.get("mx")) {
        assertThat(m.get("host").asText()).isEqualTo(report.mx().get(0).host());
        assertThat(m.get("outcome").asText())
            .isIn("deliver", "refuse", "report", "unreachable", "unknown");
      }
      for (JsonNode d : s.get("differs")) {
        assertThat(Set.of("behaviour", "this_sender", "rfc", "source"))
            .containsExactlyInAnyOrderElementsOf(() -> d.fieldNames());
      }
    }
    JsonNode rfc = senders.get(0);
    assertThat(rfc.get("applies").asText()).isEqualTo("no-policy");
    assertThat(rfc.get("differs")).isEmpty();
    JsonNode resolver = senders.get(1);
    assertThat(resolver.get("applies").asText()).isEqualTo("enforce");
    assertThat(resolver.get("delivers").asBoolean()).isTrue();
    assertThat(resolver.get("mx").get(0).get("outcome").asText()).isEqualTo("deliver");
    JsonNode why = resolver.get("differs").get(0);
    assertThat(why.get("behaviour").asText()).isEqualTo("txt-invalid-id");
    assertThat(why.get("this_sender").asText()).isEqualTo("accept");
    assertThat(why.get("rfc").asText()).isEqualTo("reject");
    assertThat(why.get("source").asText()).contains("lab");
    JsonNode gmail = senders.get(7);
    assertThat(gmail.get("applies").asText()).isEqualTo("unknown");
    assertThat(gmail.get("delivers").isNull()).isTrue();
  }
}
