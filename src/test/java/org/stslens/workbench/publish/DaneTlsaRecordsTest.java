package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.dane.TlsaMatch;
import org.stslens.engine.dane.TlsaMatcher;
import org.stslens.engine.dane.TlsaRecord;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabWorld;
import org.stslens.lab.ScenarioCatalog;

/** TLSA records made from a certificate file match that certificate as a DANE sender matches. */
class DaneTlsaRecordsTest {

  private static final String MX = "mx1.example.test";
  private static CertificateAuthority intermediate;
  private static IssuedCertificate server;
  private static IssuedCertificate other;

  @BeforeAll
  static void certificates() {
    intermediate = CertificateAuthority.create("Kit test root").intermediate("Kit test issuing CA");
    server = intermediate.issue(MX);
    other = intermediate.issue(MX);
  }

  private static TlsaMatch.Result match(TlsaRecord r, List<X509Certificate> presented) {
    return TlsaMatcher.match(List.of(r), presented, List.of(MX), Instant.now()).get(0).result();
  }

  @Test
  void theServerKeyRecordMatchesThePresentedCertificateAndNoOther(@TempDir Path dir)
      throws Exception {
    Path pem = Files.writeString(dir.resolve("mx1.pem"), pem(server.leaf()));
    DaneTlsaRecords records = DaneTlsaRecords.of(MX, CertificateFile.read(pem));
    TlsaRecord ee = records.serverKey();
    assertThat(ee.text()).startsWith("3 1 1 ").hasSize("3 1 1 ".length() + 64);
    assertThat(match(ee, server.chain())).isEqualTo(TlsaMatch.Result.MATCHED);
    assertThat(match(ee, other.chain())).isEqualTo(TlsaMatch.Result.NOT_MATCHED);
    assertThat(records.issuingCa()).isEmpty(); // no chain given: no 2 1 1
    assertThat(records.zoneLines()).containsExactly("_25._tcp." + MX + ". IN TLSA " + ee.text());
  }

  @Test
  void aChainGivesTheIssuingCaRecordWhichMatchesAsDaneTa(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("chain.pem"), server.chainPem());
    DaneTlsaRecords records = DaneTlsaRecords.of(MX, CertificateFile.read(pem));
    TlsaRecord ta = records.issuingCa().orElseThrow();
    assertThat(ta.text()).startsWith("2 1 1 ");
    assertThat(match(ta, server.chain())).isEqualTo(TlsaMatch.Result.MATCHED);
    assertThat(records.caSubject().orElseThrow()).contains("Kit test issuing CA");
    assertThat(records.zoneLines()).hasSize(2);
    assertThat(records.zoneLines().get(1)).isEqualTo(records.zoneLine(ta));
  }

  @Test
  void derIsReadAsWellAsPem(@TempDir Path dir) throws Exception {
    Path der = Files.write(dir.resolve("mx1.der"), server.leaf().getEncoded());
    assertThat(DaneTlsaRecords.of(MX, CertificateFile.read(der)).serverKey())
        .isEqualTo(DaneTlsaRecords.of(MX, server.chain()).serverKey());
  }

  @Test
  void aCaCertificateFirstIsRefusedWithTheReason() {
    assertThatThrownBy(() -> DaneTlsaRecords.of(MX, List.of(intermediate.certificate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a CA certificate");
  }

  @Test
  void aNameThatIsNotAHostIsRefused() {
    assertThatThrownBy(() -> DaneTlsaRecords.of("not a host!", server.chain()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a host name");
  }

  @Test
  void binaryJunkIsNotACertificate(@TempDir Path dir) throws Exception {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Path file = Files.write(dir.resolve("junk.bin"), junk);
    assertThatThrownBy(() -> CertificateFile.read(file))
        .isInstanceOf(CertificateFile.UnusableException.class)
        .hasMessageContaining("is not a certificate");
  }

  @Test
  void aPrivateKeyAloneHoldsNoCertificate(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key.pem"), server.privateKeyPem());
    assertThatThrownBy(() -> CertificateFile.read(file))
        .isInstanceOf(CertificateFile.UnusableException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aHugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.pem");
    byte[] big = (pem(server.leaf()) + "x".repeat(CertificateFile.MAX_BYTES)).getBytes();
    Files.write(file, big);
    assertThatThrownBy(() -> CertificateFile.read(file))
        .isInstanceOf(CertificateFile.UnusableException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void emptyAndMissingFilesSaySo(@TempDir Path dir) throws Exception {
    Path empty = Files.write(dir.resolve("empty.pem"), new byte[0]);
    assertThatThrownBy(() -> CertificateFile.read(empty)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> CertificateFile.read(dir.resolve("none.pem")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void theExportedKitCarriesTheRecordsWithBothWarnings() {
    PublishingKit kit =
        PublishingKit.build(
            "example.test",
            "version: STSv1\nmode: testing\nmx: " + MX + "\nmax_age: 86400\n",
            Clock.systemUTC(),
            Optional.empty(),
            Optional.empty());
    assertThat(KitExporter.files(kit)).doesNotContainKey(DaneTlsaRecords.FILE_NAME);
    DaneTlsaRecords records = DaneTlsaRecords.of(MX, server.chain());
    Map<String, byte[]> files = KitExporter.files(kit.withTlsa(Optional.of(records)));
    String text = new String(files.get(DaneTlsaRecords.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(text)
        .contains(records.zoneLine(records.serverKey()) + "\n")
        .contains("DNSSEC")
        .contains("3 1 1 + 3 1 1 of the next key")
        .contains("RFC 7671 §8.1");
    // the zone lines are not commented out; everything else is
    assertThat(text.lines().filter(l -> !l.startsWith(";")))
        .containsExactlyElementsOf(records.zoneLines());
  }

  @Test
  void theCertificateAnMxPresentedInACheckGivesTheRecordTheLabPublished() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (LabWorld world =
        LabWorld.start(ScenarioCatalog.load().byId("dane-ee-valid").orElseThrow(), false)) {
      DomainReport report =
          new MtaStsChecker(world.options(), pool, timer).check(world.domain(), CheckListener.NONE);
      List<MxCertificates.Presented> presented = MxCertificates.of(report);
      assertThat(presented).isNotEmpty();
      MxCertificates.Presented first = presented.get(0);
      DaneTlsaRecords made = DaneTlsaRecords.of(first.host(), first.chain());
      // the scenario's published 3 1 1 is what the kit makes for the presented certificate
      TlsaRecord published =
          report.mx().stream()
              .filter(m -> m.host().equals(first.host()))
              .findFirst()
              .orElseThrow()
              .dane()
              .orElseThrow()
              .tlsa()
              .records()
              .get(0);
      assertThat(made.serverKey()).isEqualTo(published);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  private static String pem(X509Certificate c) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
