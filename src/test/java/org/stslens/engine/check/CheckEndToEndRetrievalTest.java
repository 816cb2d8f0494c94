package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.senders.SenderRows;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabHttpResponse;
import org.stslens.lab.LabHttpsServer;

/** Stage 2 through the whole check: every way the HTTPS policy fetch fails or is fragile. */
class CheckEndToEndRetrievalTest {

  private static final String DOMAIN = "example.test";
  private static final String HOST = "mta-sts.example.test";
  private static final String MX1 = "mx1.example.test";
  private static final LabHttpResponse GOOD = TestWorld.policy("enforce", MX1);

  /** DNS and a good MX; the policy host is up to each test. */
  private static TestWorld world() {
    TestWorld world = new TestWorld();
    world.standardDns(DOMAIN, "20260101", MX1);
    world.goodMx(0, MX1);
    return world;
  }

  /** Asserts the fetch failed with {@code code} and that senders see no policy. */
  private static Finding assertFetchFailed(DomainReport report, String code) {
    assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.NO_POLICY);
    assertThat(report.verdictReason()).contains("could not be fetched").contains(code);
    assertThat(report.policyApplies()).isFalse();
    // without a policy the MX gets mail anyway
    assertThat(report.mx()).extracting(m -> m.verdict()).containsExactly(MxVerdict.DELIVER);
    Finding finding = finding(report, code);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    return finding;
  }

  @Test
  void goodPolicyIsFetchedOverTlsWithEvidence() throws Exception {
    try (TestWorld world = world()) {
      LabHttpsServer server = world.policyHost(DOMAIN, GOOD);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(report.fetch().orElseThrow().status()).isEqualTo(200);
      assertThat(report.fetch().orElseThrow().tlsVersion()).isPresent();
      assertThat(server.requests()).hasSize(1);
      assertThat(server.handshakes().get(0).serverName()).contains(HOST);
    }
  }

  @Test
  void oversizedHeaderIsAMalformedResponseNotAConnectFailure() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(DOMAIN, GOOD.withHeader("X-Padding", "x".repeat(20_000)));

      DomainReport report = world.check(DOMAIN);

      Finding f = assertFetchFailed(report, "fetch.malformed-response");
      assertThat(f.message()).contains(HOST).doesNotContain("MessageConstraintException");
      assertThat(codes(report)).doesNotContain("fetch.connect-failed");
    }
  }

  @Test
  void tooManyHeadersAreAMalformedResponse() throws Exception {
    try (TestWorld world = world()) {
      LabHttpResponse many = GOOD;
      for (int i = 0; i < 300; i++) {
        many = many.withHeader("X-H" + i, "v");
      }
      world.policyHost(DOMAIN, many);

      DomainReport report = world.check(DOMAIN);

      assertFetchFailed(report, "fetch.malformed-response");
    }
  }

  @Test
  void policyHostWithoutAddressIsUnresolvable() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:r@example.test");
      world.dns.mx(DOMAIN, 10, MX1);
      world.dns.a(MX1, TestWorld.mxAddress(0));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(assertFetchFailed(report, "fetch.host-unresolvable").tlsrptType())
          .contains("sts-policy-fetch-error");
    }
  }

  @Test
  void temporaryDnsFailureOfThePolicyHostIsNotNoPolicy() throws Exception {
    try (TestWorld world = world()) {
      world.dns.servfail(HOST);
      world.policyHost(DOMAIN, GOOD);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(codes(report)).contains("dns.temporary-failure");
      assertThat(codes(report)).doesNotContain("fetch.host-unresolvable");
    }
  }

  @Test
  void nothingListeningOnPort443IsConnectFailed() throws Exception {
    try (TestWorld world = world()) {
      world.closedPort(TestWorld.POLICY_ADDRESS, 443);

      DomainReport report = world.check(DOMAIN);

      assertThat(assertFetchFailed(report, "fetch.connect-failed").message()).contains(HOST);
    }
  }

  @Test
  void stalledServerIsATimeout() throws Exception {
    try (TestWorld world = world()) {
      world.fetchTimeout(Duration.ofMillis(700));
      world.policyHost(DOMAIN, LabHttpResponse.stall());

      DomainReport report = world.check(DOMAIN);

      assertFetchFailed(report, "fetch.timeout");
      assertThat(codes(report)).doesNotContain("fetch.slow");
    }
  }

  @Test
  void failedTlsHandshakeIsTlsFailed() throws Exception {
    try (TestWorld world = world()) {
      // Java 17 disables TLS 1.1: a server offering only that version fails every handshake.
      LabHttpsServer server =
          LabHttpsServer.builder(world.ca.issue(HOST))
              .bind(TestWorld.loopback(TestWorld.POLICY_ADDRESS))
              .protocols("TLSv1.1")
              .route("/.well-known/mta-sts.txt", GOOD)
              .start();
      world.add(server);

      DomainReport report = world.check(DOMAIN);

      assertThat(assertFetchFailed(report, "fetch.tls-failed").tlsrptType())
          .contains("sts-webpki-invalid");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void serverHangingUpAfterTheHandshakeIsAFetchFailure() throws Exception {
    try (TestWorld world = world()) {
      LabHttpsServer server =
          LabHttpsServer.builder(world.ca.issue(HOST))
              .bind(TestWorld.loopback(TestWorld.POLICY_ADDRESS))
              .closeAfterHandshake()
              .start();
      world.add(server);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.NO_POLICY);
      // TLS worked, so this is not fetch.tls-failed; the engine files "no response" under the
      // generic request failure of fetch.connect-failed
      assertThat(finding(report, "fetch.connect-failed").message())
          .contains("closed it without answering");
      assertThat(codes(report)).doesNotContain("fetch.tls-failed");
      assertThat(server.handshakes()).hasSize(1);
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void certificateForAnotherNameIsAMismatch() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(world.ca.issue("www.example.test"), GOOD);

      DomainReport report = world.check(DOMAIN);

      assertThat(assertFetchFailed(report, "fetch.cert-name-mismatch").tlsrptType())
          .contains("sts-webpki-invalid");
      // the body came, but an invalid certificate means no sender reads it
      assertThat(report.fetch().orElseThrow().status()).isEqualTo(200);
    }
  }

  @Test
  void expiredCertificateIsRejected() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(world.ca.issue(CertificateSpec.expired(HOST)), GOOD);

      assertFetchFailed(world.check(DOMAIN), "fetch.cert-expired");
    }
  }

  @Test
  void notYetValidCertificateCountsAsExpired() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(world.ca.issue(CertificateSpec.notYetValid(HOST)), GOOD);

      assertFetchFailed(world.check(DOMAIN), "fetch.cert-expired");
    }
  }

  @Test
  void selfSignedCertificateIsUntrusted() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(CertificateAuthority.selfSigned(CertificateSpec.valid(HOST)), GOOD);

      assertFetchFailed(world.check(DOMAIN), "fetch.cert-untrusted");
    }
  }

  @Test
  void certificateOfAnUnknownCaIsUntrusted() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(CertificateAuthority.create("Unknown CA").issue(HOST), GOOD);

      assertFetchFailed(world.check(DOMAIN), "fetch.cert-untrusted");
    }
  }

  @Test
  void missingIntermediateIsUntrustedWhileTheFullChainPasses() throws Exception {
    try (TestWorld world = world()) {
      IssuedCertificate full = world.ca.intermediate("STS Lens test intermediate").issue(HOST);
      world.policyHost(full.leafOnly(), GOOD);

      assertFetchFailed(world.check(DOMAIN), "fetch.cert-untrusted");
    }
    try (TestWorld world = world()) {
      IssuedCertificate full = world.ca.intermediate("STS Lens test intermediate").issue(HOST);
      world.policyHost(full, GOOD);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(codes(report)).doesNotContain("fetch.cert-untrusted");
    }
  }

  @Test
  void clientAuthOnlyCertificateStopsThePolicy() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(
          world.ca.issue(
              CertificateSpec.valid(HOST).withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY)),
          GOOD);

      DomainReport report = world.check(DOMAIN);

      Finding wrong = assertFetchFailed(report, "fetch.cert-wrong-purpose");
      assertThat(wrong.tlsrptType()).contains("sts-webpki-invalid");
      // the body arrived over the handshake, but a sender never gets that far
      assertThat(report.fetch().orElseThrow().status()).isEqualTo(200);
      assertThat(report.fetch().orElseThrow().policyRetrieved()).isFalse();
      assertThat(report.fetch().orElseThrow().certificate())
          .hasValueSatisfying(c -> assertThat(c.valid()).isFalse());
    }
  }

  @Test
  void sha1SignedCertificateStopsThePolicy() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(
          world.ca.issue(CertificateSpec.valid(HOST).withDigest(CertificateSpec.Digest.SHA1)),
          GOOD);

      DomainReport report = world.check(DOMAIN);

      assertFetchFailed(report, "fetch.cert-weak-signature");
      assertThat(report.fetch().orElseThrow().policyRetrieved()).isFalse();
    }
  }

  @Test
  void certificateExpiringSoonIsAWarningAndThePolicyApplies() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(world.ca.issue(CertificateSpec.expiringIn(5, HOST)), GOOD);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finding(report, "fetch.cert-expiring-soon").severity())
          .isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void redirectIsReportedAndNotFollowed() throws Exception {
    try (TestWorld world = world()) {
      String location = "https://www.example.test/mta-sts.txt";
      LabHttpsServer server =
          LabHttpsServer.builder(world.ca.issue(HOST, "www.example.test"))
              .bind(TestWorld.loopback(TestWorld.POLICY_ADDRESS))
              .route("/.well-known/mta-sts.txt", LabHttpResponse.redirect(301, location))
              .route("/mta-sts.txt", GOOD)
              .start();
      world.add(server);

      DomainReport report = world.check(DOMAIN);

      Finding redirect = assertFetchFailed(report, "fetch.redirect");
      assertThat(redirect.message()).contains(location).contains("301");
      assertThat(redirect.target()).isEqualTo("https://" + HOST + "/.well-known/mta-sts.txt");
      assertThat(server.requests())
          .extracting(r -> r.path())
          .containsExactly("/.well-known/mta-sts.txt");
      SenderRows.assertRows(
          report,
          "* unknown null unknown",
          "rfc8461 no-policy true deliver",
          "postfix-mta-sts-resolver no-policy true deliver",
          "go-mtasts no-policy true deliver",
          "mox no-policy true deliver",
          // mailauth 4.13.3 does not follow it either: a failed fetch is mode none for an hour
          "mailauth none true deliver");
    }
  }

  @Test
  void notFoundIsAnHttpStatusError() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(DOMAIN, LabHttpResponse.notFound());

      DomainReport report = world.check(DOMAIN);

      assertThat(assertFetchFailed(report, "fetch.http-status").message()).contains("404");
    }
  }

  @Test
  void policyServedAsHtmlMediaTypeIsAContentTypeError() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(
          DOMAIN,
          TestWorld.policyBody(
              "text/html; charset=utf-8",
              "version: STSv1\r\nmode: enforce\r\nmx: " + MX1 + "\r\nmax_age: 604800\r\n"));

      DomainReport report = world.check(DOMAIN);

      Finding contentType = assertFetchFailed(report, "fetch.content-type");
      assertThat(contentType.message()).contains("text/html");
      assertThat(contentType.tlsrptType()).contains("sts-policy-invalid");
      SenderRows.assertRows(
          report,
          "* unknown null unknown",
          "rfc8461 no-policy true deliver",
          "postfix-mta-sts-resolver no-policy true deliver",
          "go-mtasts no-policy true deliver",
          "mailauth enforce true deliver",
          "mox enforce true deliver");
    }
  }

  @Test
  void bodyLargerThan64KiBIsTooLarge() throws Exception {
    try (TestWorld world = world()) {
      String policy = "version: STSv1\r\nmode: enforce\r\nmx: " + MX1 + "\r\nmax_age: 604800\r\n";
      String padding = ("# " + "x".repeat(98) + "\r\n").repeat(700);
      world.policyHost(DOMAIN, TestWorld.policyBody("text/plain", policy + padding));

      DomainReport report = world.check(DOMAIN);

      assertFetchFailed(report, "fetch.too-large");
      assertThat(report.fetch().orElseThrow().bodyTruncated()).isTrue();
      assertThat(report.fetch().orElseThrow().bodySize()).isEqualTo(64 * 1024 + 1);
    }
  }

  @Test
  void slowFetchIsAWarningAndThePolicyStillApplies() throws Exception {
    try (TestWorld world = world()) {
      world.slowThreshold(Duration.ofMillis(150));
      world.policyHost(DOMAIN, GOOD.withDelay(Duration.ofMillis(400)));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(finding(report, "fetch.slow").severity()).isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void fastFetchIsNotSlow() throws Exception {
    try (TestWorld world = world()) {
      world.slowThreshold(Duration.ofSeconds(3));
      world.policyHost(DOMAIN, GOOD);

      assertThat(codes(world.check(DOMAIN))).doesNotContain("fetch.slow");
    }
  }

  @Test
  void htmlPageServedAsTextPlainIsNotText() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(
          DOMAIN,
          TestWorld.policyBody(
              "text/plain", "<!DOCTYPE html>\n<html><body>Domain parked</body></html>\n"));

      DomainReport report = world.check(DOMAIN);

      assertThat(assertFetchFailed(report, "fetch.not-text").message()).contains("HTML");
    }
  }

  @Test
  void binaryBodyIsNotText() throws Exception {
    try (TestWorld world = world()) {
      world.policyHost(
          DOMAIN,
          LabHttpResponse.status(200)
              .withHeader("Content-Type", "text/plain")
              .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0x1a, (byte) 0xff}));

      assertFetchFailed(world.check(DOMAIN), "fetch.not-text");
    }
  }
}
