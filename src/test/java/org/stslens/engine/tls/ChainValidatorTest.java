package org.stslens.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
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

  // --- purpose: what a TLS server certificate may be (ServerPurpose) ----------------------------

  private static final TestCertificates.Ca EC_ROOT = TestCertificates.root("EC Root", "EC");
  private static final TestCertificates.Ca RSA_ROOT = TestCertificates.root("RSA Root", "RSA");

  private final ChainValidator purposeValidator =
      new ChainValidator(
          TrustAnchors.of(List.of(EC_ROOT.certificate(), RSA_ROOT.certificate())),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private ChainVerdict judge(TestCertificates.Ca issuer, TestCertificates.Spec spec) {
    return purposeValidator.validate(TestCertificates.leaf(issuer, HOST, spec), HOST);
  }

  /**
   * What the JDK's own TLS client decides (X509TrustManagerImpl, TLS server variant, authType
   * UNKNOWN as in TLS 1.3): it checks the purposes that plain PKIX ignores.
   */
  private static boolean jdkTls13Accepts(List<X509Certificate> chain) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ec", EC_ROOT.certificate());
      store.setCertificateEntry("rsa", RSA_ROOT.certificate());
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
      manager.checkServerTrusted(chain.toArray(new X509Certificate[0]), "UNKNOWN");
      return true;
    } catch (CertificateException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Kind> kinds(ChainVerdict verdict) {
    return verdict.problems().stream().map(CertificateProblem::kind).toList();
  }

  @Test
  void clientAuthOnlyLeafHasTheWrongPurpose() {
    List<X509Certificate> chain =
        TestCertificates.leaf(
            EC_ROOT, HOST, TestCertificates.Spec.server().eku(KeyPurposeId.id_kp_clientAuth));

    ChainVerdict verdict = purposeValidator.validate(chain, HOST);

    assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
    CertificateProblem problem = verdict.problems().get(0);
    assertThat(problem.certificateIndex()).isZero();
    assertThat(problem.detail())
        .startsWith("The certificate of mx1.example.com is for TLS client authentication only")
        .contains("serverAuth");
    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.trusted()).isTrue();
    assertThat(jdkTls13Accepts(chain)).isFalse();
  }

  @Test
  void caCertificateSentAsTheLeafHasTheWrongPurpose() {
    List<X509Certificate> chain =
        TestCertificates.leaf(
            EC_ROOT,
            HOST,
            TestCertificates.Spec.server()
                .ca(true)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                .noEku());

    ChainVerdict verdict = purposeValidator.validate(chain, HOST);

    assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
    assertThat(verdict.problems().get(0).detail())
        .contains("is a CA certificate (basicConstraints CA:TRUE, key usage keyCertSign, cRLSign)")
        .contains("digitalSignature");
    assertThat(CertificateFindings.findings(verdict, CodeSet.TLS).get(0).fix())
        .startsWith("Install the server certificate, not the CA certificate");
    assertThat(jdkTls13Accepts(chain)).isFalse();
  }

  @Test
  void caFlagAloneDoesNotMakeALeafUnfit() {
    // Neither OpenSSL (outside its strict mode) nor the JDK refuses CA:TRUE on a server
    // certificate whose key usage allows TLS.
    List<X509Certificate> chain =
        TestCertificates.leaf(
            EC_ROOT,
            HOST,
            TestCertificates.Spec.server()
                .ca(true)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));

    assertThat(purposeValidator.validate(chain, HOST).problems()).isEmpty();
    assertThat(jdkTls13Accepts(chain)).isTrue();
  }

  @Test
  void leafWithoutExtendedKeyUsageIsFine() {
    List<X509Certificate> chain =
        TestCertificates.leaf(EC_ROOT, HOST, TestCertificates.Spec.server().noEku());

    assertThat(purposeValidator.validate(chain, HOST).problems()).isEmpty();
    assertThat(jdkTls13Accepts(chain)).isTrue();
  }

  @Test
  void serverAndClientAuthTogetherIsFine() {
    ChainVerdict verdict =
        judge(
            EC_ROOT,
            TestCertificates.Spec.server()
                .eku(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));

    assertThat(verdict.problems()).isEmpty();
  }

  @Test
  void anyExtendedKeyUsageAloneIsRefusedAsOpenSslRefusesIt() {
    // OpenSSL 3.0 here: "openssl verify -purpose sslserver" answers "unsuitable certificate
    // purpose" for a leaf whose only EKU is anyExtendedKeyUsage; the JDK and Go accept it. Postfix
    // is OpenSSL, so a sender refuses.
    List<X509Certificate> chain =
        TestCertificates.leaf(
            EC_ROOT, HOST, TestCertificates.Spec.server().eku(KeyPurposeId.anyExtendedKeyUsage));

    ChainVerdict verdict = purposeValidator.validate(chain, HOST);

    assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
    assertThat(verdict.problems().get(0).detail())
        .contains("anyExtendedKeyUsage")
        .contains("Postfix");
    assertThat(jdkTls13Accepts(chain)).isTrue();
    assertThat(
            judge(
                    EC_ROOT,
                    TestCertificates.Spec.server()
                        .eku(KeyPurposeId.anyExtendedKeyUsage, KeyPurposeId.id_kp_serverAuth))
                .problems())
        .isEmpty();
  }

  @Test
  void rsaKeyWithKeyEnciphermentOnlyIsAccepted() {
    // OpenSSL accepts it in every TLS version; the JDK for RSA key exchange.
    ChainVerdict verdict =
        judge(
            RSA_ROOT, TestCertificates.Spec.server().key("RSA").keyUsage(KeyUsage.keyEncipherment));

    assertThat(verdict.problems()).isEmpty();
  }

  @Test
  void ecKeyWithoutDigitalSignatureIsRefused() {
    List<X509Certificate> enciphering =
        TestCertificates.leaf(
            EC_ROOT, HOST, TestCertificates.Spec.server().keyUsage(KeyUsage.keyEncipherment));
    List<X509Certificate> agreeing =
        TestCertificates.leaf(
            EC_ROOT, HOST, TestCertificates.Spec.server().keyUsage(KeyUsage.keyAgreement));

    for (List<X509Certificate> chain : List.of(enciphering, agreeing)) {
      ChainVerdict verdict = purposeValidator.validate(chain, HOST);
      assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
      assertThat(verdict.problems().get(0).detail())
          .contains("no digitalSignature, which its EC key needs to sign the TLS handshake");
      assertThat(jdkTls13Accepts(chain)).isFalse();
    }
  }

  @Test
  void rsaKeyThatMayNeitherSignNorEncipherIsRefused() {
    ChainVerdict verdict =
        judge(
            RSA_ROOT,
            TestCertificates.Spec.server().key("RSA").keyUsage(KeyUsage.dataEncipherment));

    assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
    assertThat(verdict.problems().get(0).detail())
        .contains("has key usage dataEncipherment")
        .contains("neither digitalSignature nor keyEncipherment");
  }

  @Test
  void wrongExtendedKeyUsageAndKeyUsageMakeOneProblem() {
    ChainVerdict verdict =
        judge(
            EC_ROOT,
            TestCertificates.Spec.server()
                .keyUsage(KeyUsage.keyEncipherment)
                .eku(KeyPurposeId.id_kp_emailProtection, KeyPurposeId.id_kp_clientAuth));

    assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
    assertThat(verdict.problems().get(0).detail())
        .contains("is for email protection (S/MIME) and TLS client authentication only")
        .contains("; it also has key usage keyEncipherment");
  }

  @Test
  void intermediateLimitedToClientAuthMakesTheChainUnusable() {
    TestCertificates.Ca clientCa =
        TestCertificates.intermediate(
            EC_ROOT,
            "Client Intermediate",
            TestCertificates.Spec.server().eku(KeyPurposeId.id_kp_clientAuth));
    TestCertificates.Ca serverCa =
        TestCertificates.intermediate(
            EC_ROOT,
            "Server Intermediate",
            TestCertificates.Spec.server()
                .eku(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));

    ChainVerdict verdict = judge(clientCa, TestCertificates.Spec.server());

    assertThat(kinds(verdict)).containsExactly(Kind.WRONG_PURPOSE);
    CertificateProblem problem = verdict.problems().get(0);
    assertThat(problem.certificateIndex()).isEqualTo(1);
    assertThat(problem.detail())
        .startsWith("Certificate #1 (")
        .contains("CN=Client Intermediate")
        .contains("limited by extended key usage to TLS client authentication");
    assertThat(CertificateFindings.findings(verdict, CodeSet.TLS).get(0).fix())
        .contains("intermediate certificates allow TLS server authentication");
    assertThat(judge(serverCa, TestCertificates.Spec.server()).problems()).isEmpty();
  }

  // --- weak signatures (WeakSignatures) ---------------------------------------------------------

  @Test
  void sha1SignedLeafIsNamed() {
    // The JDK's PKIX passes SHA-1 under a root outside its cacerts; it is named all the same.
    ChainVerdict verdict =
        judge(RSA_ROOT, TestCertificates.Spec.server().key("RSA").signedWith("SHA1withRSA"));

    assertThat(kinds(verdict)).containsExactly(Kind.WEAK_SIGNATURE);
    CertificateProblem problem = verdict.problems().get(0);
    assertThat(problem.certificateIndex()).isZero();
    assertThat(problem.detail())
        .startsWith("The certificate of mx1.example.com is signed with SHA1withRSA: SHA-1");
    assertThat(verdict.valid()).isFalse();
  }

  @Test
  void sha1SignedEcdsaIntermediateIsNamed() {
    TestCertificates.Ca weakCa =
        TestCertificates.intermediate(
            EC_ROOT,
            "SHA-1 Intermediate",
            TestCertificates.Spec.server().noEku().signedWith("SHA1withECDSA"));

    ChainVerdict verdict = judge(weakCa, TestCertificates.Spec.server());

    assertThat(kinds(verdict)).containsExactly(Kind.WEAK_SIGNATURE);
    assertThat(verdict.problems().get(0).certificateIndex()).isEqualTo(1);
    assertThat(verdict.problems().get(0).detail())
        .startsWith("Certificate #1 (")
        .contains("CN=SHA-1 Intermediate")
        .contains("SHA1withECDSA");
  }

  @Test
  void md5SignedLeafIsNamedAndNotAlsoUntrusted() {
    ChainVerdict verdict =
        judge(RSA_ROOT, TestCertificates.Spec.server().key("RSA").signedWith("MD5withRSA"));

    assertThat(kinds(verdict)).containsExactly(Kind.WEAK_SIGNATURE);
    assertThat(verdict.problems().get(0).detail())
        .contains("MD5withRSA")
        .contains("MD5 signatures");
    assertThat(verdict.trusted()).isTrue();
    assertThat(verdict.valid()).isFalse();
  }

  @Test
  void md5OnTheIntermediateAndTheLeafAreBothNamed() {
    TestCertificates.Ca weakCa =
        TestCertificates.intermediate(
            RSA_ROOT,
            "MD5 Intermediate",
            TestCertificates.Spec.server().key("RSA").noEku().signedWith("MD5withRSA"));

    ChainVerdict verdict =
        judge(weakCa, TestCertificates.Spec.server().key("RSA").signedWith("MD5withRSA"));

    assertThat(verdict.problems())
        .extracting(CertificateProblem::kind, CertificateProblem::certificateIndex)
        .containsExactlyInAnyOrder(tuple(Kind.WEAK_SIGNATURE, 0), tuple(Kind.WEAK_SIGNATURE, 1));
  }

  @Test
  void aForgedLeafBelowAnMd5IntermediateIsStillUntrusted() {
    TestCertificates.Spec md5Ca =
        TestCertificates.Spec.server().key("RSA").noEku().signedWith("MD5withRSA");
    TestCertificates.Ca presented = TestCertificates.intermediate(RSA_ROOT, "Same Name", md5Ca);
    TestCertificates.Ca impostor = TestCertificates.intermediate(RSA_ROOT, "Same Name", md5Ca);
    List<X509Certificate> chain =
        List.of(
            TestCertificates.leaf(impostor, HOST, TestCertificates.Spec.server()).get(0),
            presented.certificate(),
            RSA_ROOT.certificate());

    ChainVerdict verdict = purposeValidator.validate(chain, HOST);

    assertThat(kinds(verdict)).containsExactlyInAnyOrder(Kind.WEAK_SIGNATURE, Kind.UNTRUSTED);
    assertThat(verdict.problems())
        .filteredOn(p -> p.kind() == Kind.UNTRUSTED)
        .singleElement()
        .satisfies(p -> assertThat(p.certificateIndex()).isZero());
  }

  @Test
  void purposeAndSignatureFindingsUseTheChosenCodeSet() {
    ChainVerdict verdict =
        judge(
            RSA_ROOT,
            TestCertificates.Spec.server()
                .key("RSA")
                .eku(KeyPurposeId.id_kp_clientAuth)
                .signedWith("SHA1withRSA"));

    assertThat(CertificateFindings.findings(verdict, CodeSet.TLS))
        .extracting(Finding::code)
        .containsExactly(Code.TLS_CERT_WRONG_PURPOSE, Code.TLS_CERT_WEAK_SIGNATURE);
    assertThat(CertificateFindings.findings(verdict, CodeSet.FETCH))
        .extracting(Finding::code)
        .containsExactly(Code.FETCH_CERT_WRONG_PURPOSE, Code.FETCH_CERT_WEAK_SIGNATURE);
    List<Finding> tls = CertificateFindings.findings(verdict, CodeSet.TLS);
    assertThat(tls.get(0).fix()).contains("TLS Web Server Authentication");
    assertThat(tls.get(1).fix()).startsWith("Reissue the certificate with SHA-256");
    assertThat(Code.TLS_CERT_WRONG_PURPOSE.tlsrptType()).contains("certificate-not-trusted");
    assertThat(Code.FETCH_CERT_WEAK_SIGNATURE.tlsrptType()).contains("sts-webpki-invalid");
  }
}
