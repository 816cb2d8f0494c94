package org.stslens.engine.tlsrpt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;

/** Every result type a report can hold, and every one a finding maps to, is explained. */
class ResultTypeTest {

  /** RFC 8460 §4.3, "result-type": negotiation, DANE and MTA-STS failures. */
  private static final List<String> RFC_8460 =
      List.of(
          "starttls-not-supported",
          "certificate-host-mismatch",
          "certificate-expired",
          "certificate-not-trusted",
          "validation-failure",
          "tlsa-invalid",
          "dnssec-invalid",
          "dane-required",
          "sts-policy-fetch-error",
          "sts-policy-invalid",
          "sts-webpki-invalid");

  @Test
  void everyRfcResultTypeIsExplainedInWords() {
    for (String id : RFC_8460) {
      ResultType type = ResultType.byId(id).orElseThrow(() -> new AssertionError(id));
      assertThat(type.senderSaw()).as(id).isNotBlank();
      assertThat(type.causes()).as(id).isNotBlank();
      assertThat(type.fix()).as(id).isNotBlank();
    }
    assertThat(ResultType.values()).hasSize(RFC_8460.size());
  }

  @Test
  void everyCodesTlsRptTypeIsAnExplainedResultType() {
    List<String> codeTypes =
        Arrays.stream(Code.values()).flatMap(c -> c.tlsrptType().stream()).distinct().toList();
    assertThat(codeTypes).isNotEmpty();
    for (String id : codeTypes) {
      assertThat(ResultType.byId(id)).as("the tlsrpt type of a code: " + id).isPresent();
    }
  }

  @Test
  void producedByIsComputedFromTheCodes() {
    assertThat(ResultType.CERTIFICATE_EXPIRED.producedBy()).containsExactly(Code.TLS_CERT_EXPIRED);
    assertThat(ResultType.STS_POLICY_FETCH_ERROR.producedBy())
        .contains(Code.FETCH_HOST_UNRESOLVABLE)
        .allMatch(c -> c.tlsrptType().orElseThrow().equals("sts-policy-fetch-error"));
    // DANE is checked too (issue 18): a TLSA mismatch is reported as tlsa-invalid
    assertThat(ResultType.TLSA_INVALID.producedBy()).contains(Code.DANE_TLSA_MISMATCH);
    assertThat(ResultType.TLSA_INVALID.checked()).isTrue();
    for (ResultType type : ResultType.values()) {
      assertThat(type.checked()).as(type.id()).isEqualTo(!type.stillSeen().isEmpty());
    }
  }

  @Test
  void idsAreReadInAnyCase() {
    assertThat(ResultType.byId(" Certificate-Expired ")).contains(ResultType.CERTIFICATE_EXPIRED);
    assertThat(ResultType.byId("no-such-type")).isEmpty();
  }
}
