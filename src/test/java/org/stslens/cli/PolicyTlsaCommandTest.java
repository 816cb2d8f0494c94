package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.dane.TlsaMatch;
import org.stslens.engine.dane.TlsaMatcher;
import org.stslens.engine.dane.TlsaRecord;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;

/** {@code stslens policy tlsa --mx HOST CERT [--chain FILE]}. */
class PolicyTlsaCommandTest {

  private static final String MX = "mx1.example.test";
  private static final IssuedCertificate SERVER =
      CertificateAuthority.create("CLI root").intermediate("CLI issuing CA").issue(MX);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private static TlsaRecord parse(String line) {
    String[] f = line.split(" ");
    return new TlsaRecord(
        Integer.parseInt(f[3]),
        Integer.parseInt(f[4]),
        Integer.parseInt(f[5]),
        java.util.HexFormat.of().parseHex(f[6]));
  }

  @Test
  void printsRecordsThatMatchTheCertificateAndTheWarningsApart(@TempDir Path dir) throws Exception {
    Path leaf = Files.write(dir.resolve("mx1.der"), SERVER.leaf().getEncoded());
    Path ca = Files.writeString(dir.resolve("ca.pem"), SERVER.chainPem());
    assertThat(run("policy", "tlsa", "--mx", MX, "--chain", ca.toString(), leaf.toString()))
        .as(err.toString())
        .isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("_25._tcp." + MX + ". IN TLSA 3 1 1 ");
    assertThat(lines.get(1)).startsWith("_25._tcp." + MX + ". IN TLSA 2 1 1 ");
    for (String line : lines) {
      assertThat(
              TlsaMatcher.match(List.of(parse(line)), SERVER.chain(), List.of(MX), Instant.now())
                  .get(0)
                  .result())
          .as(line)
          .isEqualTo(TlsaMatch.Result.MATCHED);
    }
    assertThat(err.toString()).contains("DNSSEC").contains("3 1 1 + 3 1 1 of the next key");
  }

  @Test
  void junkIsAUsageErrorThatSaysWhy(@TempDir Path dir) throws Exception {
    Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, (byte) 0x80});
    assertThat(run("policy", "tlsa", "--mx", MX, junk.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a certificate");
    assertThat(out.toString()).isEmpty();
  }
}
