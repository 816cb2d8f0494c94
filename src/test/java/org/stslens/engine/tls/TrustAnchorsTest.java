package org.stslens.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.lab.CertificateAuthority;

class TrustAnchorsTest {

  @TempDir Path dir;

  @Test
  void readsSeveralCertificatesFromOnePemFile() throws Exception {
    CertificateAuthority a = CertificateAuthority.create("A");
    CertificateAuthority b = CertificateAuthority.create("B");
    Path file = dir.resolve("roots.pem");
    Files.writeString(
        file,
        "# comment\n"
            + CertificateSummary.of(a.certificate()).pem()
            + "\n"
            + CertificateSummary.of(b.certificate()).pem());

    assertThat(TrustAnchors.readPem(file)).containsExactly(a.certificate(), b.certificate());
    TrustAnchors anchors = TrustAnchors.of(List.of()).withExtra(TrustAnchors.readPem(file));
    assertThat(anchors.anchors()).hasSize(2);
    assertThat(anchors.contains(a.certificate())).isTrue();
  }

  @Test
  void badInputGivesClearMessages() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "hello");
    Path broken =
        Files.writeString(
            dir.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    Path badBase64 =
        Files.writeString(
            dir.resolve("b64.pem"), "-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----");

    assertThatThrownBy(() -> TrustAnchors.readPem(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains no PEM certificate");
    assertThatThrownBy(() -> TrustAnchors.readPem(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certificate #1");
    assertThatThrownBy(() -> TrustAnchors.readPem(badBase64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> TrustAnchors.readPem(dir.resolve("missing.pem")))
        .isInstanceOf(java.io.IOException.class);
  }
}
