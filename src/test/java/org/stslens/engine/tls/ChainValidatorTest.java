package org.stslens.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.tls.CertificateProblem.Kind;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.IssuedCertificate;

class ChainValidatorTest {

  private static final String HOST = "mx1.example.com";
  // Whole seconds: certificates carry second precision, so day counts come out exact.
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final CertificateAuthority ROOT = CertificateAuthority.create("Lab Root");
  private static final CertificateAuthority INTERMEDIATE = ROOT.intermediate("Lab Intermediate");

  private final ChainValidator validator =
      new ChainValidator(
          TrustAnchors.of(List.of(ROOT.certificate())), Clock.fixed(NOW, ZoneOffset.UTC));

  private static CertificateSpec spec(Instant from, Instant until, String... names) {
    return new CertificateSpec(names.length > 0 ? names[0] : null, List.of(names), from, until);
  }

  private static CertificateSpec validFor(String... names) {
    return spec(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), names);
  }

  @Test
  void validChainThroughIntermediateIsTrusted() {
    ChainVerdict verdict = validator.validate(INTERMEDIATE.issue(validFor(HOST)).chain(), HOST);

    assertThat(verdict.problems()).isEmpty();
    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.trusted()).isTrue();
    assertThat(verdict.nameMatches()).isTrue();
    assertThat(verdict.chain()).hasSize(3);
    assertThat(verdict.chain().get(0).sanDnsNames()).containsExactly(HOST);
  }

  @Test
  void chainWithoutRootAndOutOfOrderChainsAreTrusted() {
    List<X509Certificate> full = INTERMEDIATE.issue(validFor(HOST)).chain();
    List<X509Certificate> withoutRoot = full.subList(0, 2);
    List<X509Certificate> shuffled = List.of(full.get(0), full.get(2), full.get(1));

    assertThat(validator.validate(withoutRoot, HOST).problems()).isEmpty();
    assertThat(validator.validate(shuffled, HOST).problems()).isEmpty();
  }

  @Test
  void jdkDefaultAnchorsDoNotTrustTheLabButExtraAnchorDoes() {
    List<X509Certificate> chain = ROOT.issue(validFor(HOST)).chain();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    assertThat(TrustAnchors.jdkDefault().anchors()).isNotEmpty();
    assertThat(new ChainValidator(TrustAnchors.jdkDefault(), clock).validate(chain, HOST).trusted())
        .isFalse();
    ChainValidator withLab =
        new ChainValidator(TrustAnchors.jdkDefault().withExtra(List.of(ROOT.certificate())), clock);
    assertThat(withLab.validate(chain, HOST).valid()).isTrue();
  }

  @Test
  void expiredLeafIsExpiredButNotUntrusted() {
    IssuedCertificate cert =
        ROOT.issue(spec(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(12)), HOST));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.EXPIRED);
    assertThat(verdict.problems().get(0).certificateIndex()).isZero();
    assertThat(verdict.problems().get(0).detail())
        .startsWith("The certificate of mx1.example.com expired 12 days ago (")
        .contains(NOW.minus(Duration.ofDays(12)).toString().substring(0, 10));
    assertThat(verdict.trusted()).isTrue();
    assertThat(verdict.valid()).isFalse();
  }

  @Test
  void notYetValidLeaf() {
    IssuedCertificate cert =
        ROOT.issue(spec(NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(100)), HOST));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.NOT_YET_VALID);
    assertThat(verdict.problems().get(0).detail()).contains("in 10 days");
  }

  @Test
  void expiredIntermediateIsNamedByIndex() {
    CertificateAuthority oldIntermediate =
        ROOT.intermediate(
            "Old Intermediate", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(3)));
    IssuedCertificate cert =
        oldIntermediate.issue(
            spec(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)), HOST));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.EXPIRED);
    CertificateProblem problem = verdict.problems().get(0);
    assertThat(problem.certificateIndex()).isEqualTo(1);
    assertThat(problem.detail()).contains("Certificate #1").contains("Old Intermediate");
    assertThat(problem.detail()).contains("3 days ago");
  }

  @Test
  void wrongNameIsAMismatch() {
    ChainVerdict verdict =
        validator.validate(ROOT.issue(validFor("mx2.example.com")).chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.NAME_MISMATCH);
    assertThat(verdict.problems().get(0).detail()).contains("mx2.example.com");
    assertThat(verdict.trusted()).isTrue();
    assertThat(verdict.nameMatches()).isFalse();
  }

  @Test
  void commonNameOnlyCertificateFailsTheName() {
    IssuedCertificate cert =
        ROOT.issue(
            new CertificateSpec(
                HOST, List.of(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.nameMatches()).isFalse();
    assertThat(verdict.trusted()).isTrue();
    assertThat(verdict.problems().get(0).detail()).contains("no DNS names in subjectAltName");
  }

  @Test
  void wildcardCoversExactlyOneLabel() {
    List<X509Certificate> chain = ROOT.issue(validFor("*.example.com")).chain();

    assertThat(validator.validate(chain, "mx1.example.com").valid()).isTrue();
    assertThat(validator.validate(chain, "a.mx1.example.com").nameMatches()).isFalse();
    assertThat(validator.validate(chain, "example.com").nameMatches()).isFalse();
  }

  @Test
  void selfSignedLeafIsUntrusted() {
    IssuedCertificate cert = CertificateAuthority.selfSigned(validFor(HOST));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.UNTRUSTED);
    assertThat(verdict.problems().get(0).detail()).contains("self-signed");
  }

  @Test
  void unknownCaIsUntrusted() {
    CertificateAuthority other = CertificateAuthority.create("Lab Root");

    ChainVerdict verdict = validator.validate(other.issue(validFor(HOST)).chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.UNTRUSTED);
    assertThat(verdict.problems().get(0).detail()).contains("unknown CA");
    assertThat(verdict.problems().get(0).certificateIndex()).isEqualTo(1);
  }

  @Test
  void missingIntermediateIsUntrusted() {
    IssuedCertificate cert = INTERMEDIATE.issue(validFor(HOST)).leafOnly();

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.UNTRUSTED);
    assertThat(verdict.problems().get(0).detail())
        .contains("sent only its own certificate")
        .contains("intermediate certificate is missing");
  }

  @Test
  void expiringSoonIsAWarningOnly() {
    IssuedCertificate cert =
        ROOT.issue(
            spec(
                NOW.minus(Duration.ofDays(80)),
                NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)),
                HOST));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactly(Kind.EXPIRING_SOON);
    assertThat(verdict.problems().get(0).detail()).contains("expires in 5 days");
    assertThat(verdict.valid()).isTrue();
  }

  @Test
  void everyApplicableProblemIsReported() {
    CertificateAuthority other = CertificateAuthority.create("Other Root");
    IssuedCertificate cert =
        other.issue(
            spec(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(2)), "wrong.example"));

    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind)
        .containsExactlyInAnyOrder(Kind.NAME_MISMATCH, Kind.EXPIRED, Kind.UNTRUSTED);
  }

  @Test
  void emptyAndOddInputDoesNotThrow() {
    assertThat(validator.validate(List.of(), HOST).trusted()).isFalse();
    assertThat(validator.validate(null, null).valid()).isFalse();
    List<X509Certificate> withNull = new ArrayList<>(ROOT.issue(validFor(HOST)).chain());
    withNull.add(null);
    assertThat(validator.validate(withNull, HOST).valid()).isTrue();
  }

  @Test
  void findingsUseTheChosenCodeSet() {
    IssuedCertificate cert =
        ROOT.issue(spec(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(12)), HOST));
    ChainVerdict verdict = validator.validate(cert.chain(), HOST);

    List<Finding> tls = CertificateFindings.findings(verdict, CodeSet.TLS);
    List<Finding> fetch = CertificateFindings.findings(verdict, CodeSet.FETCH);

    assertThat(tls).extracting(Finding::code).containsExactly(Code.TLS_CERT_EXPIRED);
    assertThat(fetch).extracting(Finding::code).containsExactly(Code.FETCH_CERT_EXPIRED);
    assertThat(tls.get(0).message())
        .startsWith("The certificate of mx1.example.com expired 12 days");
    assertThat(tls.get(0).fix()).contains("Renew");
    assertThat(tls.get(0).target()).isEqualTo(HOST);
    assertThat(CodeSet.TLS.code(Kind.NOT_YET_VALID)).isEqualTo(Code.TLS_CERT_EXPIRED);
    assertThat(CodeSet.FETCH.code(Kind.EXPIRING_SOON)).isEqualTo(Code.FETCH_CERT_EXPIRING_SOON);
  }
}
