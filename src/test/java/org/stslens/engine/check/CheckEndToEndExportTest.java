package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.CertificateSpec;

/** The JSON export of a real check has every field product.md promises. */
class CheckEndToEndExportTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";
  private static final String MX3 = "mx3.example.test";

  @Test
  void jsonReportHasEveryDocumentedField() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, MX2, MX3);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1, MX2, MX3));
      world.goodMx(0, MX1);
      world.mx(1, world.ca.issue(CertificateSpec.expired(MX2)), b -> b.hostname(MX2));
      world.mx(2, world.ca.issue(MX3), b -> b.hostname(MX3).advertiseStartTls(false));
      DomainReport report = world.check(DOMAIN);

      JsonNode json = new ObjectMapper().readTree(JsonReport.render(List.of(report)));

      assertThat(json.get("domain").asText()).isEqualTo(DOMAIN);
      assertThat(json.get("verdict").asText()).isEqualTo("enforced-with-failures");

      JsonNode policy = json.get("policy");
      assertHasFields(policy, "id", "mode", "mx", "max_age", "raw");
      assertThat(policy.get("id").asText()).isEqualTo("20260101");
      assertThat(policy.get("mode").asText()).isEqualTo("enforce");
      assertThat(texts(policy.get("mx"))).containsExactly(MX1, MX2, MX3);
      assertThat(policy.get("max_age").asLong()).isEqualTo(604800);
      assertThat(policy.get("raw").asText()).startsWith("version: STSv1\r\n");

      JsonNode stages = json.get("stages");
      assertThat(stages.size()).isEqualTo(report.stages().size());
      for (JsonNode stage : stages) {
        assertHasFields(stage, "name", "kind", "status", "duration_ms", "findings");
        assertThat(stage.get("findings").isArray()).isTrue();
        // the kind says what the name spells: one MX host, or a stage about the domain
        assertThat(stage.get("kind").asText())
            .isEqualTo(stage.get("name").asText().startsWith("mx:") ? "mx-host" : "stage");
      }
      assertThat(texts(stages, "name"))
          .contains("discovery", "retrieval", "policy", "tlsrpt", "mx:" + MX1, "mx:" + MX2);

      JsonNode mx = json.get("mx");
      assertThat(mx.size()).isEqualTo(3);
      for (JsonNode host : mx) {
        assertHasFields(
            host,
            "host",
            "preference",
            "addresses",
            "matched_pattern",
            "starttls",
            "tls_version",
            "cipher",
            "certificate",
            "verdict",
            "findings");
      }
      JsonNode good = mx.get(0);
      assertThat(good.get("host").asText()).isEqualTo(MX1);
      assertThat(good.get("preference").asInt()).isEqualTo(10);
      assertThat(texts(good.get("addresses"))).containsExactly(TestWorld.mxAddress(0));
      assertThat(good.get("matched_pattern").asText()).isEqualTo(MX1);
      assertThat(good.get("starttls").asBoolean()).isTrue();
      assertThat(good.get("tls_version").asText()).startsWith("TLSv1.");
      assertThat(good.get("cipher").asText()).startsWith("TLS_");
      assertThat(good.get("certificate").get("valid").asBoolean()).isTrue();
      assertThat(good.get("verdict").asText()).isEqualTo("deliver");
      assertThat(mx.get(1).get("verdict").asText()).isEqualTo("refuse");
      assertThat(mx.get(1).get("certificate").get("valid").asBoolean()).isFalse();
      assertThat(mx.get(2).get("starttls").asBoolean()).isFalse();
      assertThat(mx.get(2).get("certificate").isNull()).isTrue();

      JsonNode findings = json.get("findings");
      assertThat(findings.size()).isEqualTo(report.findings().size());
      for (JsonNode finding : findings) {
        assertHasFields(
            finding, "code", "severity", "stage", "target", "message", "rfc", "tlsrpt_type");
      }
      JsonNode expired = only(findings, "tls.cert-expired");
      assertThat(expired.get("severity").asText()).isEqualTo("error");
      assertThat(expired.get("stage").asText()).isEqualTo("mx");
      assertThat(expired.get("target").asText()).contains(MX2);
      assertThat(expired.get("rfc").asText()).isEqualTo("8461 §4.2");
      assertThat(expired.get("tlsrpt_type").asText()).isEqualTo("certificate-expired");
      assertThat(only(findings, "smtp.starttls-missing").get("tlsrpt_type").asText())
          .isEqualTo("starttls-not-supported");
      assertThat(only(findings, "dns.dnssec-unsigned").get("tlsrpt_type").isNull()).isTrue();
    }
  }

  @Test
  void certificatePurposeFactsAndProblemsAreInTheJson() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", MX1));
      world.mx(
          0,
          world
              .ca
              .intermediate("STS Lens test intermediate")
              .issue(
                  CertificateSpec.valid(MX1).withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY)),
          b -> b.hostname(MX1));

      JsonNode json = new ObjectMapper().readTree(JsonReport.render(List.of(world.check(DOMAIN))));

      JsonNode certificate = json.get("mx").get(0).get("certificate");
      assertThat(certificate.get("valid").asBoolean()).isFalse();
      assertThat(certificate.get("trusted").asBoolean()).isTrue();
      JsonNode problem = certificate.get("problems").get(0);
      assertThat(problem.get("kind").asText()).isEqualTo("wrong-purpose");
      assertThat(problem.get("certificate_index").asInt()).isZero();
      JsonNode chain = certificate.get("chain");
      assertThat(texts(chain.get(0).get("extended_key_usage"))).containsExactly("clientAuth");
      assertThat(chain.get(0).get("basic_constraints").get("ca").asBoolean()).isFalse();
      assertThat(chain.get(0).get("basic_constraints").get("path_length").isNull()).isTrue();
      assertThat(chain.get(1).get("basic_constraints").get("ca").asBoolean()).isTrue();
      assertThat(chain.get(1).get("basic_constraints").get("path_length").asInt()).isZero();
      JsonNode finding = only(json.get("findings"), "tls.cert-wrong-purpose");
      assertThat(finding.get("tlsrpt_type").asText()).isEqualTo("certificate-not-trusted");
      assertThat(finding.get("rfc").asText()).startsWith("8461 §4.2, 5280");
    }
  }

  private static void assertHasFields(JsonNode node, String... names) {
    for (String name : names) {
      assertThat(node.has(name)).as("field %s in %s", name, node).isTrue();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  private static JsonNode only(JsonNode findings, String code) {
    List<JsonNode> matching = new ArrayList<>();
    findings.forEach(
        f -> {
          if (f.get("code").asText().equals(code)) {
            matching.add(f);
          }
        });
    assertThat(matching).as(code).hasSize(1);
    return matching.get(0);
  }
}
