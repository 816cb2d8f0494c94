package org.stslens.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.history.LineDiff.Change;
import org.stslens.engine.history.LineDiff.Line;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

/** Two real reports of loopback worlds, compared as they are stored: their JSON. */
class CheckDiffTest {

  private static final String DOMAIN = "diff.test";
  private static final String MX1 = "mx1.diff.test";
  private static final String MX2 = "mx2.diff.test";

  private static String json(DomainReport r) {
    return JsonReport.render(List.of(r));
  }

  private static CheckDiff diff(DomainReport older, DomainReport newer) {
    return CheckDiff.of(1, json(older), 2, json(newer));
  }

  private static DomainReport check(String id, String body, String... mx) throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, id, mx);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", body));
      for (int i = 0; i < mx.length; i++) {
        world.goodMx(i, mx[i]);
      }
      return world.check(DOMAIN);
    }
  }

  @Test
  void aScenarioAndItsFixDifferInOnePolicyLineTheIdTheVerdictsAndAFinding() throws Exception {
    CheckDiff d =
        diff(LabReports.check("mx-not-covered"), LabReports.check("mx-not-covered", true));
    String mx1 = "mx1.mx-not-covered.lab.example";
    assertThat(d.policyLines())
        .containsExactly(
            new Line(Change.SAME, "version: STSv1\r"),
            new Line(Change.SAME, "mode: enforce\r"),
            new Line(Change.REMOVED, "mx: mail.mx-not-covered.lab.example\r"),
            new Line(Change.ADDED, "mx: " + mx1 + "\r"),
            new Line(Change.SAME, "max_age: 604800\r"));
    assertThat(d.txtId().changed()).as("the lab bumps the id of a fixed world").isTrue();
    assertThat(d.txtRecords().older().get(0)).startsWith("v=STSv1; id=");
    assertThat(d.mxHosts()).containsExactly(new Line(Change.SAME, mx1));
    assertThat(d.verdict().older()).containsExactly("enforced-undeliverable");
    assertThat(d.verdict().newer()).containsExactly("enforced");
    assertThat(d.mxVerdicts())
        .containsExactly(new CheckDiff.Row(mx1, List.of("refuse"), List.of("deliver")));
    assertThat(d.findings())
        .filteredOn(f -> f.code().equals("mx.not-covered"))
        .extracting(CheckDiff.FindingChange::change, CheckDiff.FindingChange::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.REMOVED, mx1));
    assertThat(d.findings())
        .noneMatch(f -> f.change() == Change.ADDED && f.severity().equals("error"));
    assertThat(d.changed()).isTrue();
  }

  @Test
  void aNewMxAndItsCertificateAndANewPolicyLineShow() throws Exception {
    DomainReport older =
        check("20260101", "version: STSv1\nmode: enforce\nmx: " + MX1 + "\nmax_age: 86400\n", MX1);
    DomainReport newer =
        check(
            "20260102",
            "version: STSv1\nmode: enforce\nmx: " + MX1 + "\nmx: " + MX2 + "\nmax_age: 86400\n",
            MX1,
            MX2);
    CheckDiff d = diff(older, newer);
    assertThat(d.policyLines())
        .extracting(Line::change)
        .containsExactly(Change.SAME, Change.SAME, Change.SAME, Change.ADDED, Change.SAME);
    assertThat(d.policyLines().get(3).text()).isEqualTo("mx: " + MX2);
    assertThat(d.mxHosts())
        .containsExactly(new Line(Change.SAME, MX1), new Line(Change.ADDED, MX2));
    assertThat(d.txtId().older()).containsExactly("20260101");
    assertThat(d.txtId().newer()).containsExactly("20260102");

    CheckDiff.HostCertificate mx2 =
        d.certificates().stream().filter(c -> c.host().equals(MX2)).findFirst().orElseThrow();
    assertThat(mx2.policyHost()).isFalse();
    assertThat(mx2.older()).isEmpty();
    assertThat(mx2.newer().orElseThrow().names()).contains(MX2);
    assertThat(mx2.newer().orElseThrow().sha256()).matches("[0-9a-fA-F:]{64,}");
    // every world has its own CA: the same host's certificate is a different one
    CheckDiff.HostCertificate mx1 =
        d.certificates().stream().filter(c -> c.host().equals(MX1)).findFirst().orElseThrow();
    assertThat(mx1.changed()).isTrue();
    assertThat(mx1.older().orElseThrow().sha256()).isNotEqualTo(mx1.newer().orElseThrow().sha256());
    assertThat(d.certificates())
        .filteredOn(CheckDiff.HostCertificate::policyHost)
        .extracting(CheckDiff.HostCertificate::host)
        .containsExactly("mta-sts." + DOMAIN);
    assertThat(d.mxVerdicts())
        .containsExactly(
            new CheckDiff.Row(MX1, List.of("deliver"), List.of("deliver")),
            new CheckDiff.Row(MX2, List.of(), List.of("deliver")));

    JsonNode json = new ObjectMapper().readTree(CheckDiffListing.json(d));
    assertThat(json.path("mx").get(1).path("change").asText()).isEqualTo("added");
    assertThat(json.path("certificates"))
        .anySatisfy(
            c -> {
              assertThat(c.path("host").asText()).isEqualTo(MX2);
              assertThat(c.path("older").isNull()).isTrue();
              assertThat(c.path("newer").path("sha256").asText()).isNotEmpty();
            });
    assertThat(CheckDiffListing.text(d)).contains("+ mx: " + MX2).contains("+ " + MX2 + "\n");
  }

  @Test
  void serverTextIsShownWithItsControlsAsMarksInTheTextAndRawInTheJson() throws Exception {
    DomainReport older =
        check("20260101", "version: STSv1\nmode: enforce\nmx: " + MX1 + "\nmax_age: 86400\n", MX1);
    DomainReport newer =
        check(
            "20260101",
            "version: STSv1\nmode: enforce\u001b[2J\nmx: " + MX1 + "\nmax_age: 86400\n",
            MX1);
    CheckDiff d = diff(older, newer);
    String text = CheckDiffListing.text(d);
    assertThat(text).doesNotContain("\u001b").contains("+ mode: enforce<ESC>[2J");
    assertThat(CheckDiffListing.json(d)).contains("\\u001B[2J").doesNotContain("\u001b");
  }

  @Test
  void checksOfTwoDomainsAreNotCompared() throws Exception {
    String a = json(LabReports.check("good-enforce"));
    String b = json(LabReports.check("testing-mode"));
    assertThatThrownBy(() -> CheckDiff.of(1, a, 2, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different domains");
    assertThatThrownBy(() -> CheckDiff.of(1, "{}", 2, b))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
