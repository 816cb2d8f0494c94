package org.stslens.engine.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dane.TlsaMatch.Result;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.IssuedCertificate;

/** RFC 7672 §3.1 matching: one test per usage, selector and matching type. */
class TlsaMatcherTest {

  private static final String MX = "mx1.example.test";
  private static CertificateAuthority ca;
  private static IssuedCertificate server;
  private static IssuedCertificate other;

  @BeforeAll
  static void certificates() {
    ca = CertificateAuthority.create("DANE test CA");
    server = ca.issue(MX);
    other = ca.issue(MX);
  }

  private static TlsaRecord record(int usage, int selector, int type, X509Certificate c)
      throws Exception {
    byte[] selected = selector == 0 ? c.getEncoded() : c.getPublicKey().getEncoded();
    return new TlsaRecord(usage, selector, type, TlsaMatcher.associationData(selected, type));
  }

  private static TlsaMatch one(TlsaRecord r, List<X509Certificate> chain) {
    return TlsaMatcher.match(List.of(r), chain, List.of(MX), Instant.now()).get(0);
  }

  @Test
  void daneEeSpkiSha256MatchesTheLeafKey() throws Exception {
    assertThat(one(record(3, 1, 1, server.leaf()), server.chain()).result())
        .isEqualTo(Result.MATCHED);
    assertThat(one(record(3, 1, 1, other.leaf()), server.chain()).result())
        .isEqualTo(Result.NOT_MATCHED);
  }

  @Test
  void selectorZeroHashesTheWholeCertificateNotTheKey() throws Exception {
    X509Certificate leaf = server.leaf();
    assertThat(one(record(3, 0, 1, leaf), server.chain()).result()).isEqualTo(Result.MATCHED);
    // the SPKI digest published as a selector-0 record must not match
    byte[] spkiHash = TlsaMatcher.associationData(leaf.getPublicKey().getEncoded(), 1);
    assertThat(one(new TlsaRecord(3, 0, 1, spkiHash), server.chain()).result())
        .isEqualTo(Result.NOT_MATCHED);
    byte[] certHash = TlsaMatcher.associationData(leaf.getEncoded(), 1);
    assertThat(one(new TlsaRecord(3, 1, 1, certHash), server.chain()).result())
        .isEqualTo(Result.NOT_MATCHED);
  }

  @Test
  void matchingTypesZeroOneAndTwo() throws Exception {
    X509Certificate leaf = server.leaf();
    assertThat(one(record(3, 1, 0, leaf), server.chain()).result()).isEqualTo(Result.MATCHED);
    assertThat(one(record(3, 1, 2, leaf), server.chain()).result()).isEqualTo(Result.MATCHED);
    assertThat(one(record(3, 0, 0, leaf), server.chain()).result()).isEqualTo(Result.MATCHED);
    // a SHA-256 value published as SHA-512 (type 2) has the wrong length: unusable
    byte[] sha256 = TlsaMatcher.associationData(leaf.getPublicKey().getEncoded(), 1);
    TlsaMatch wrongType = one(new TlsaRecord(3, 1, 2, sha256), server.chain());
    assertThat(wrongType.result()).isEqualTo(Result.UNUSABLE);
    assertThat(wrongType.why()).contains("SHA-512");
  }

  @Test
  void daneEeIgnoresNamesAndDates() throws Exception {
    IssuedCertificate expiredWrongName =
        ca.issue(CertificateSpec.expired("somewhere-else.example.test"));
    assertThat(one(record(3, 1, 1, expiredWrongName.leaf()), expiredWrongName.chain()).result())
        .isEqualTo(Result.MATCHED);
  }

  @Test
  void daneTaNeedsTheAnchorInThePresentedChain() throws Exception {
    TlsaRecord ta = record(2, 1, 1, ca.certificate());
    assertThat(one(ta, server.chain()).result()).isEqualTo(Result.MATCHED);
    assertThat(one(record(2, 0, 1, ca.certificate()), server.chain()).result())
        .isEqualTo(Result.MATCHED);
    TlsaMatch leafOnly = one(ta, server.leafOnly().chain());
    assertThat(leafOnly.result()).isEqualTo(Result.NOT_MATCHED);
    assertThat(leafOnly.why()).contains("sent in the chain");
  }

  @Test
  void daneTaChecksTheNameAndTheDates() throws Exception {
    TlsaRecord ta = record(2, 1, 1, ca.certificate());
    IssuedCertificate wrongName = ca.issue("elsewhere.example.test");
    TlsaMatch named = one(ta, wrongName.chain());
    assertThat(named.result()).isEqualTo(Result.NOT_MATCHED);
    assertThat(named.why()).contains("not issued to " + MX);
    IssuedCertificate expired = ca.issue(CertificateSpec.expired(MX));
    assertThat(one(ta, expired.chain()).result()).isEqualTo(Result.NOT_MATCHED);
  }

  @Test
  void daneTaDoesNotAcceptTheKeyOfAnotherCa() throws Exception {
    CertificateAuthority stranger = CertificateAuthority.create("Other CA");
    assertThat(one(record(2, 1, 1, stranger.certificate()), server.chain()).result())
        .isEqualTo(Result.NOT_MATCHED);
  }

  @Test
  void daneTaValidatesTheChainBelowTheAnchor() throws Exception {
    // the anchor is sent, the name is right, but the leaf was issued by another CA
    IssuedCertificate foreign = CertificateAuthority.create("Other CA").issue(MX);
    TlsaMatch m = one(record(2, 1, 1, ca.certificate()), List.of(foreign.leaf(), ca.certificate()));
    assertThat(m.result()).isEqualTo(Result.NOT_MATCHED);
    assertThat(m.why()).contains("does not validate");
  }

  @Test
  void pkixUsagesAreNotUsedForSmtp() throws Exception {
    for (int usage : new int[] {0, 1}) {
      TlsaMatch m = one(record(usage, 1, 1, server.leaf()), server.chain());
      assertThat(m.result()).isEqualTo(Result.UNUSABLE);
      assertThat(m.why()).contains("not used for SMTP");
    }
    assertThat(one(new TlsaRecord(4, 1, 1, new byte[32]), server.chain()).result())
        .isEqualTo(Result.UNUSABLE);
    assertThat(one(new TlsaRecord(3, 2, 1, new byte[32]), server.chain()).result())
        .isEqualTo(Result.UNUSABLE);
    assertThat(one(new TlsaRecord(3, 1, 3, new byte[32]), server.chain()).result())
        .isEqualTo(Result.UNUSABLE);
  }

  @Test
  void noChainMatchesNothing() throws Exception {
    assertThat(one(record(3, 1, 1, server.leaf()), List.of()).result())
        .isEqualTo(Result.NOT_MATCHED);
  }
}
