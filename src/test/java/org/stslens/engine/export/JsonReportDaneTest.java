package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/** The {@code dane} object of docs/report-format.md and the DANE section of the documents. */
class JsonReportDaneTest {

  @Test
  void daneObjectPerMxFollowsTheContract() throws Exception {
    DomainReport report = LabReports.check("dane-rollover-mismatch", true);
    JsonNode mx = new ObjectMapper().readTree(JsonReport.render(List.of(report)));
    JsonNode dane = mx.findValue("mx").get(0).get("dane");
    assertThat(dane.fieldNames())
        .toIterable()
        .containsExactly(
            "name",
            "cname_chain",
            "dnssec",
            "dnssec_reason",
            "resolver_strips_dnssec",
            "tlsa",
            "verdict",
            "applied_by_sender_with_both",
            "findings");
    assertThat(dane.get("dnssec").asText()).isEqualTo("secure");
    assertThat(dane.get("verdict").asText()).isEqualTo("pass");
    assertThat(dane.get("applied_by_sender_with_both").asText()).isEqualTo("dane");
    JsonNode tlsa = dane.get("tlsa");
    assertThat(tlsa).hasSize(2);
    // the retired key's record does not match, the new key's does
    assertThat(tlsa.get(0).get("usage").asInt()).isEqualTo(3);
    assertThat(tlsa.get(0).get("data").asText()).hasSize(64);
    List<String> results = new java.util.ArrayList<>();
    tlsa.forEach(r -> results.add(r.get("matches").get(0).get("result").asText()));
    assertThat(results).containsExactlyInAnyOrder("matched", "not-matched");

    String text = TextReport.render(List.of(report));
    assertThat(text).contains("DANE for mx1.dane-rollover-mismatch.lab.example: pass");
    assertThat(MarkdownReport.render(List.of(report))).contains("DANE for mx1.");
  }

  @Test
  void noDaneLeavesTheObjectOut() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world =
        LabWorld.start(ScenarioCatalog.load().byId("dane-ee-valid").orElseThrow(), false)) {
      DomainReport report =
          new MtaStsChecker(
                  world.options().withDane(world.options().dane().withEnabled(false)), pool, timer)
              .check(world.domain(), CheckListener.NONE);
      JsonNode json = new ObjectMapper().readTree(JsonReport.render(List.of(report)));
      assertThat(json.findValue("mx").get(0).has("dane")).isFalse();
      assertThat(TextReport.render(List.of(report))).doesNotContain("DANE for");
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }
}
