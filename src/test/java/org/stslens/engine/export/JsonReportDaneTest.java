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
            "base_domain",
            "mx_aliases",
            "mx_aliases_secure",
            "dnssec_chain",
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
  void dnssecChainRunsFromTheLabAnchorToTheScenarioZone() throws Exception {
    DomainReport report = LabReports.check("dane-ee-valid", false);
    JsonNode dane =
        new ObjectMapper()
            .readTree(JsonReport.render(List.of(report)))
            .findValue("mx")
            .get(0)
            .get("dane");
    JsonNode chain = dane.get("dnssec_chain");
    assertThat(chain.fieldNames())
        .toIterable()
        .containsExactly("zones", "end", "end_zone", "reason", "queries", "round_trips");
    assertThat(chain.get("end").asText()).isEqualTo("secure");
    assertThat(chain.get("end_zone").asText()).isEqualTo("dane-ee-valid.lab.example.");
    assertThat(chain.get("queries").asInt()).isGreaterThanOrEqualTo(4);
    // TLSA, then DNSKEY of the anchor zone, DS and DNSKEY of the scenario zone: one after another
    assertThat(chain.get("round_trips").asInt()).isBetween(4, chain.get("queries").asInt());
    JsonNode zones = chain.get("zones");
    assertThat(zones).hasSize(2);
    JsonNode anchor = zones.get(0);
    assertThat(anchor.get("zone").asText()).isEqualTo("lab.example.");
    assertThat(anchor.get("ds_from").asText()).isEqualTo("trust-anchor");
    assertThat(anchor.get("ds").get(0).get("digest_type").asInt()).isEqualTo(2);
    assertThat(anchor.get("dnskeys").get(0).get("role").asText()).isEqualTo("ksk");
    assertThat(anchor.get("dnskeys").get(0).get("flags").asInt()).isEqualTo(257);
    assertThat(anchor.get("dnskeys").get(0).get("algorithm").asInt()).isEqualTo(13);
    assertThat(anchor.get("dnskeys_signed").asBoolean()).isTrue();
    JsonNode zone = zones.get(1);
    assertThat(zone.get("ds_from").asText()).isEqualTo("parent");
    assertThat(zone.get("ds_signed").asBoolean()).isTrue();
    assertThat(zone.get("dnskeys").get(0).get("key_tag").asInt())
        .isEqualTo(zone.get("ds").get(0).get("key_tag").asInt());
    assertThat(dane.get("base_domain").asText()).isEqualTo("mx1.dane-ee-valid.lab.example");
    assertThat(TextReport.render(List.of(report)))
        .contains("Chain of trust the validator walked:")
        .contains("lab.example.  DS tag ")
        .contains("secure to the TLSA RRset at dane-ee-valid.lab.example.");
  }

  @Test
  void aBogusChainIsNeverShownSecure() throws Exception {
    DomainReport report = LabReports.check("dane-dnssec-bogus", false);
    JsonNode chain =
        new ObjectMapper()
            .readTree(JsonReport.render(List.of(report)))
            .findValue("mx")
            .get(0)
            .get("dane")
            .get("dnssec_chain");
    assertThat(chain.get("end").asText()).isEqualTo("bogus");
    assertThat(chain.get("reason").asText()).isNotEmpty();
    assertThat(TextReport.render(List.of(report))).doesNotContain("secure to the TLSA RRset");
  }

  @Test
  void anUnsignedZoneEndsInsecureAtItsDelegation() throws Exception {
    DomainReport report = LabReports.check("dane-tlsa-unsigned", false);
    JsonNode chain =
        new ObjectMapper()
            .readTree(JsonReport.render(List.of(report)))
            .findValue("mx")
            .get(0)
            .get("dane")
            .get("dnssec_chain");
    assertThat(chain.get("end").asText()).isEqualTo("insecure");
    assertThat(chain.get("end_zone").asText()).isEqualTo("dane-tlsa-unsigned.lab.example.");
    JsonNode last = chain.get("zones").get(chain.get("zones").size() - 1);
    assertThat(last.get("ds_denied").asBoolean()).isTrue();
    assertThat(last.get("dnskeys")).isEmpty();
  }

  @Test
  void anAliasedMxHostReportsItsExpansionAndBaseDomain() throws Exception {
    DomainReport report = LabReports.check("dane-cname-mx", false);
    JsonNode dane =
        new ObjectMapper()
            .readTree(JsonReport.render(List.of(report)))
            .findValue("mx")
            .get(0)
            .get("dane");
    assertThat(dane.get("name").asText()).isEqualTo("_25._tcp.mail.dane-cname-mx.lab.example.");
    assertThat(dane.get("base_domain").asText()).isEqualTo("mail.dane-cname-mx.lab.example");
    assertThat(dane.get("mx_aliases_secure").asBoolean()).isTrue();
    assertThat(dane.get("mx_aliases")).hasSize(2);
    assertThat(dane.get("verdict").asText()).isEqualTo("pass");
    assertThat(TextReport.render(List.of(report)))
        .contains("the TLSA base domain is mail.dane-cname-mx.lab.example");
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
