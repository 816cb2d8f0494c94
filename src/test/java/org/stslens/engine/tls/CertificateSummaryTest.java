package org.stslens.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;

class CertificateSummaryTest {

  @Test
  void summarizesALabCertificate() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("Summary Root");
    X509Certificate leaf = ca.issue("mx1.example.com", "mx2.example.com").leaf();

    CertificateSummary s = CertificateSummary.of(leaf);

    assertThat(s.subject()).contains("CN=mx1.example.com");
    assertThat(s.issuer()).contains("CN=Summary Root");
    assertThat(s.sanDnsNames()).containsExactly("mx1.example.com", "mx2.example.com");
    assertThat(s.keyType()).isEqualTo("EC");
    assertThat(s.keySize()).isEqualTo(256);
    assertThat(s.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
    assertThat(s.keyUsage()).containsExactly("digitalSignature", "keyAgreement");
    assertThat(s.extendedKeyUsage()).containsExactly("serverAuth", "clientAuth");
    assertThat(s.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(s.serial()).matches("[0-9A-F]+");
    assertThat(s.selfIssued()).isFalse();
    assertThat(s.isCa()).isFalse();
    assertThat(s.hasBasicConstraints()).isTrue();
    assertThat(s.pathLength()).isEqualTo(-1);
    assertThat(s.basicConstraintsText()).isEqualTo("not a CA (CA:FALSE)");
    assertThat(s.notAfter()).isAfter(s.notBefore());

    X509Certificate reparsed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(s.pem().getBytes(StandardCharsets.US_ASCII)));
    assertThat(reparsed).isEqualTo(leaf);
  }

  @Test
  void summarizesACa() {
    CertificateSummary s = CertificateSummary.of(CertificateAuthority.create("R").certificate());

    assertThat(s.selfIssued()).isTrue();
    assertThat(s.isCa()).isTrue();
    assertThat(s.keyUsage()).containsExactly("keyCertSign", "cRLSign");
    assertThat(s.extendedKeyUsage()).isEmpty();
    assertThat(s.basicConstraintsText()).isEqualTo("CA (CA:TRUE)");
  }

  @Test
  void summarizesTheBasicConstraintsOfAnIntermediateAndAClientCertificate() {
    CertificateAuthority root = CertificateAuthority.create("R");
    CertificateSummary intermediate = CertificateSummary.of(root.intermediate("I").certificate());
    CertificateSummary client =
        CertificateSummary.of(
            root.issue(
                    CertificateSpec.valid("mx1.example.com")
                        .withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY))
                .leaf());

    assertThat(intermediate.isCa()).isTrue();
    assertThat(intermediate.pathLength()).isZero();
    assertThat(intermediate.basicConstraintsText()).isEqualTo("CA (CA:TRUE), path length 0");
    assertThat(client.extendedKeyUsage()).containsExactly("clientAuth");
    assertThat(client.keyUsage()).containsExactly("digitalSignature");
  }
}
