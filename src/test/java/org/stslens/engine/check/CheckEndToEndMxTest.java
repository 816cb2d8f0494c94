package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stslens.engine.check.TestWorld.codes;
import static org.stslens.engine.check.TestWorld.finding;
import static org.stslens.engine.check.TestWorld.mx;
import static org.stslens.engine.check.TestWorld.mxCodes;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.net.ConnectFailure;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.senders.SenderRows;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabSmtpServer;

/** Stage 4 through the whole check: policy coverage, SMTP, STARTTLS and the MX certificates. */
class CheckEndToEndMxTest {

  private static final String DOMAIN = "example.test";
  private static final String MX1 = "mx1.example.test";
  private static final String MX2 = "mx2.example.test";

  /** One MX under an enforce policy for it; the MX server is configured by the test. */
  private static TestWorld enforcing(String... patterns) {
    TestWorld world = new TestWorld();
    world.standardDns(DOMAIN, "20260101", MX1);
    world.policyHost(
        DOMAIN, TestWorld.policy("enforce", patterns.length == 0 ? new String[] {MX1} : patterns));
    return world;
  }

  /** Checks a world whose single MX is refused under enforce for {@code code}. */
  private static Finding assertRefusedFor(TestWorld world, String code) throws Exception {
    DomainReport report = world.check(DOMAIN);
    MxReport mx1 = mx(report, MX1);
    assertThat(mx1.verdict()).as(report.verdictReason()).isEqualTo(MxVerdict.REFUSE);
    assertThat(mx1.failingCodes()).contains(code);
    assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_UNDELIVERABLE);
    assertThat(report.verdictReason()).contains(MX1).contains(code);
    return finding(report, code);
  }

  private static LabSmtpServer mx1(TestWorld world, UnaryOperator<LabSmtpServer.Builder> how) {
    return world.mx(0, world.ca.issue(MX1), b -> how.apply(b.hostname(MX1)));
  }

  @Test
  void mxNotCoveredIsRefusedUnderEnforce() throws Exception {
    try (TestWorld world = enforcing("mail.example.test")) {
      world.goodMx(0, MX1);

      Finding notCovered = assertRefusedFor(world, "mx.not-covered");

      assertThat(notCovered.severity()).isEqualTo(Severity.ERROR);
      assertThat(notCovered.tlsrptType()).contains("validation-failure");
    }
  }

  @Test
  void mxNotCoveredIsOnlyAWarningUnderTesting() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("testing", "mail.example.test"));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.REPORT);
      assertThat(finding(report, "mx.not-covered").severity()).isEqualTo(Severity.WARNING);
      assertThat(report.verdictReason()).contains("Under enforce").contains(MX1);
    }
  }

  @Test
  void wildcardCoversExactlyOneLabel() throws Exception {
    String deep = "mx.eu.example.test";
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1, deep);
      world.policyHost(DOMAIN, TestWorld.policy("enforce", "*.example.test"));
      world.goodMx(0, MX1);
      world.goodMx(1, deep);

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(mx(report, MX1).matchedPattern()).map(p -> p.written()).contains("*.example.test");
      assertThat(mx(report, deep).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(mxCodes(report, deep))
          .contains("mx.wildcard-depth")
          .doesNotContain("mx.not-covered");
      assertThat(finding(report, "mx.wildcard-depth").message()).contains("exactly one label");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_WITH_FAILURES);
      assertThat(report.verdictReason()).contains("deliver to " + MX1).contains("refuse " + deep);
      SenderRows.assertRows(
          report,
          "rfc8461 enforce true deliver refuse",
          "postfix-mta-sts-resolver enforce true deliver deliver",
          "postfix-tlspol enforce true deliver deliver",
          "mailauth enforce true deliver deliver",
          "go-mtasts enforce true deliver refuse",
          "mox enforce true deliver refuse",
          "* enforce true deliver unknown");
    }
  }

  @Test
  void wildcardDoesNotCoverTheDomainItself() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.dns.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
      world.dns.txt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:r@example.test");
      world.dns.a("mta-sts." + DOMAIN, TestWorld.POLICY_ADDRESS);
      world.dns.mx(DOMAIN, 10, DOMAIN);
      world.dns.a(DOMAIN, TestWorld.mxAddress(0));
      world.policyHost(DOMAIN, TestWorld.policy("enforce", "*.example.test"));
      world.goodMx(0, DOMAIN);

      DomainReport report = world.check(DOMAIN);

      assertThat(mxCodes(report, DOMAIN)).contains("mx.wildcard-depth");
      assertThat(mx(report, DOMAIN).verdict()).isEqualTo(MxVerdict.REFUSE);
    }
  }

  @Test
  void patternMatchingNoMxIsUnused() throws Exception {
    try (TestWorld world = enforcing(MX1, "old-mx.example.test")) {
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      Finding unused = finding(report, "mx.pattern-unused");
      assertThat(unused.severity()).isEqualTo(Severity.WARNING);
      assertThat(unused.target()).isEqualTo("old-mx.example.test");
    }
  }

  @Test
  void mxHostSendingGarbageIsSaidToAnswerButNotInSmtp() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(0, world.ca.issue(MX1), b -> b.garbageGreeting());

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason())
          .contains(MX1 + " answered on port 25, but not with a usable SMTP exchange")
          .doesNotContain("could be reached");
    }
  }

  @Test
  void closedPort25IsConnectFailedAndUnreachableNotRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.closedPort(TestWorld.mxAddress(0), 25);

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
      assertThat(finding(report, "smtp.connect-failed").message()).contains("refused");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(codes(report)).doesNotContain("smtp.port25-blocked");
    }
  }

  @Test
  void mxHostWithoutAddressFailsFromEverywhereAndIsRefused() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.dns.mx(DOMAIN, 20, MX2); // no A record for MX2: NXDOMAIN
      world.policyHost(DOMAIN, TestWorld.policy("enforce", "*.example.test"));
      world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      Finding noAddress = finding(report, "mx.no-address");
      assertThat(noAddress.severity()).isEqualTo(Severity.ERROR);
      assertThat(noAddress.target()).isEqualTo(MX2);
      assertThat(noAddress.message()).contains("NXDOMAIN").contains("from anywhere");
      assertThat(mxCodes(report, MX2)).doesNotContain("smtp.connect-failed");
      assertThat(mx(report, MX2).verdict()).isEqualTo(MxVerdict.REFUSE);
      assertThat(mx(report, MX2).failingCodes()).containsExactly("mx.no-address");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED_WITH_FAILURES);
      assertThat(report.verdictReason())
          .contains("refuse " + MX2)
          .contains("[mx.no-address]")
          .doesNotContain("Not reachable from here");
    }
  }

  @Test
  void everyMxTimingOutWhileHttpsWorksLooksLikeBlockedPort25() throws Exception {
    try (TestWorld world = enforcing()) {
      world.smtpTimeout(Duration.ofMillis(500));
      world.add(SilentServer.blackhole(TestWorld.mxAddress(0)));

      DomainReport report = world.check(DOMAIN);

      assertThat(finding(report, "smtp.connect-failed").message()).contains("timed out");
      assertThat(mx(report, MX1).probe().endpoints())
          .allMatch(e -> e.connectFailure().equals(Optional.of(ConnectFailure.TIMED_OUT)));
      assertThat(finding(report, "smtp.port25-blocked").severity()).isEqualTo(Severity.WARNING);
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
      assertThat(report.verdictReason()).contains("port 25");
    }
  }

  @Test
  void rejectingGreetingIsABannerError() throws Exception {
    try (TestWorld world = enforcing()) {
      mx1(world, b -> b.greeting(554, "5.7.1 no service for you"));

      DomainReport report = world.check(DOMAIN);

      assertThat(finding(report, "smtp.banner").message()).contains("554");
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.TEMPORARILY_UNKNOWN);
    }
  }

  @Test
  void garbageGreetingIsABannerError() throws Exception {
    try (TestWorld world = enforcing()) {
      mx1(world, LabSmtpServer.Builder::garbageGreeting);

      DomainReport report = world.check(DOMAIN);

      assertThat(finding(report, "smtp.banner").message()).contains("garbage");
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.UNREACHABLE);
    }
  }

  @Test
  void missingStarttlsIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      mx1(world, b -> b.advertiseStartTls(false));

      Finding missing = assertRefusedFor(world, "smtp.starttls-missing");

      assertThat(missing.tlsrptType()).contains("starttls-not-supported");
    }
  }

  @Test
  void refusedStarttlsIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      mx1(world, LabSmtpServer.Builder::refuseStartTls);

      assertThat(assertRefusedFor(world, "smtp.starttls-refused").message()).contains("454");
    }
  }

  @Test
  void handshakeAlertIsHandshakeFailed() throws Exception {
    try (TestWorld world = enforcing()) {
      mx1(world, b -> b.handshakeFault(LabSmtpServer.HandshakeFault.ALERT));

      assertRefusedFor(world, "tls.handshake-failed");
    }
  }

  @Test
  void connectionClosedDuringHandshakeIsHandshakeFailed() throws Exception {
    try (TestWorld world = enforcing()) {
      mx1(world, b -> b.handshakeFault(LabSmtpServer.HandshakeFault.CLOSE));

      assertRefusedFor(world, "tls.handshake-failed");
    }
  }

  @Test
  void injectedBytesAfterStarttlsAreDiscardedAndTheMxPasses() throws Exception {
    try (TestWorld world = enforcing()) {
      LabSmtpServer server = mx1(world, LabSmtpServer.Builder::injectAfterStartTls);

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(mx(report, MX1).endpoints().get(0).transcript())
          .anySatisfy(line -> assertThat(line.toString()).contains("discarded"));
      assertThat(server.handshakes()).hasSize(1);
    }
  }

  @Test
  void mxOfferingOnlyTls11FailsTheHandshakeOnJava17() throws Exception {
    // Java 17 disables TLS 1.0/1.1 on both ends, so a lab server configured for TLS 1.1 alone
    // completes no handshake at all and does not even answer like an old server.
    try (TestWorld world = enforcing()) {
      mx1(world, b -> b.tlsProtocols("TLSv1.1"));

      assertRefusedFor(world, "tls.handshake-failed");
    }
  }

  @Test
  void mxAnsweringWithProtocolVersionAlertIsReportedAsOldTls() throws Exception {
    // What a TLS 1.0/1.1-only server answers to our TLS 1.2/1.3 hello (RFC 5246 §7.2.2).
    try (TestWorld world = enforcing()) {
      mx1(world, b -> b.handshakeFault(LabSmtpServer.HandshakeFault.OLD_TLS_ONLY));

      assertRefusedFor(world, "tls.version-old");
    }
  }

  @Test
  void mxCertificateForAnotherNameIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(0, world.ca.issue("other.example.test"), b -> b.hostname(MX1));

      Finding mismatch = assertRefusedFor(world, "tls.cert-name-mismatch");

      assertThat(mismatch.tlsrptType()).contains("certificate-host-mismatch");
      assertThat(mismatch.target()).isEqualTo(MX1 + " [" + TestWorld.mxAddress(0) + "]");
    }
  }

  @Test
  void expiredMxCertificateIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(0, world.ca.issue(CertificateSpec.expired(MX1)), b -> b.hostname(MX1));

      assertThat(assertRefusedFor(world, "tls.cert-expired").tlsrptType())
          .contains("certificate-expired");
    }
  }

  @Test
  void notYetValidMxCertificateIsRefusedAsExpired() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(0, world.ca.issue(CertificateSpec.notYetValid(MX1)), b -> b.hostname(MX1));

      assertRefusedFor(world, "tls.cert-expired");
    }
  }

  @Test
  void selfSignedMxCertificateIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(
          0, CertificateAuthority.selfSigned(CertificateSpec.valid(MX1)), b -> b.hostname(MX1));

      assertThat(assertRefusedFor(world, "tls.cert-untrusted").tlsrptType())
          .contains("certificate-not-trusted");
    }
  }

  @Test
  void mxCertificateWithoutItsIntermediateIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      IssuedCertificate full = world.ca.intermediate("STS Lens test intermediate").issue(MX1);
      world.mx(0, full.leafOnly(), b -> b.hostname(MX1));

      assertRefusedFor(world, "tls.cert-untrusted");
    }
  }

  /**
   * The JDK client completes the handshake with a certificate its own trust manager would refuse
   * (the capturing trust manager accepts all), so the chain is captured, shown and judged.
   */
  private static void assertChainCapturedAndOnly(DomainReport report, String code) {
    MxReport mx1 = mx(report, MX1);
    assertThat(mx1.endpoints())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.tlsVersion()).isPresent();
              assertThat(e.certificate()).hasValueSatisfying(c -> assertThat(c.valid()).isFalse());
            });
    assertThat(mxCodes(report, MX1)).filteredOn(c -> c.startsWith("tls.")).containsExactly(code);
  }

  @Test
  void clientAuthOnlyMxCertificateIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(
          0,
          world.ca.issue(
              CertificateSpec.valid(MX1).withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY)),
          b -> b.hostname(MX1));

      Finding wrong = assertRefusedFor(world, "tls.cert-wrong-purpose");

      assertThat(wrong.tlsrptType()).contains("certificate-not-trusted");
      assertThat(wrong.message()).contains("TLS client authentication only");
      assertChainCapturedAndOnly(world.check(DOMAIN), "tls.cert-wrong-purpose");
    }
  }

  @Test
  void caCertificateAsTheMxCertificateIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(
          0,
          world.ca.issue(CertificateSpec.valid(MX1).withPurpose(CertificateSpec.Purpose.CA)),
          b -> b.hostname(MX1));

      Finding wrong = assertRefusedFor(world, "tls.cert-wrong-purpose");

      assertThat(wrong.message()).contains("is a CA certificate");
      assertThat(wrong.fix()).contains("not the CA certificate");
      assertChainCapturedAndOnly(world.check(DOMAIN), "tls.cert-wrong-purpose");
    }
  }

  @Test
  void sha1SignedMxCertificateIsRefused() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(
          0,
          world.ca.issue(CertificateSpec.valid(MX1).withDigest(CertificateSpec.Digest.SHA1)),
          b -> b.hostname(MX1));

      Finding weak = assertRefusedFor(world, "tls.cert-weak-signature");

      assertThat(weak.tlsrptType()).contains("certificate-not-trusted");
      assertThat(weak.message()).contains("SHA1withECDSA");
      assertChainCapturedAndOnly(world.check(DOMAIN), "tls.cert-weak-signature");
    }
  }

  @Test
  void wrongPurposeIsReportedNotRefusedUnderTesting() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns(DOMAIN, "20260101", MX1);
      world.policyHost(DOMAIN, TestWorld.policy("testing", MX1));
      world.mx(
          0,
          world.ca.issue(
              CertificateSpec.valid(MX1).withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY)),
          b -> b.hostname(MX1));

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.TESTING);
      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.REPORT);
      assertThat(mx(report, MX1).failingCodes()).contains("tls.cert-wrong-purpose");
    }
  }

  @Test
  void mxCertificateExpiringSoonIsAWarningAndDelivered() throws Exception {
    try (TestWorld world = enforcing()) {
      world.mx(0, world.ca.issue(CertificateSpec.expiringIn(3, MX1)), b -> b.hostname(MX1));

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).verdict()).isEqualTo(MxVerdict.DELIVER);
      assertThat(finding(report, "tls.cert-expiring-soon").severity()).isEqualTo(Severity.WARNING);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void twoAddressesWithDifferentTlsResultsAreFlagged() throws Exception {
    String second = "127.0.0.20";
    try (TestWorld world = enforcing()) {
      world.dns.a(MX1, second);
      world.goodMx(0, MX1);
      world.smtpAt(second, world.ca.issue(CertificateSpec.expired(MX1)), b -> b.hostname(MX1));

      DomainReport report = world.check(DOMAIN);

      MxReport mx1 = mx(report, MX1);
      assertThat(mx1.endpoints()).hasSize(2);
      assertThat(mx1.endpoints()).filteredOn(e -> e.passed()).hasSize(1);
      Finding differ = finding(report, "tls.endpoints-differ");
      assertThat(differ.severity()).isEqualTo(Severity.WARNING);
      assertThat(differ.message()).contains(TestWorld.mxAddress(0)).contains(second);
      // one good address is enough for a sender that tries the next one
      assertThat(mx1.verdict()).isEqualTo(MxVerdict.DELIVER);
    }
  }

  @Test
  void twoGoodAddressesAreNotFlagged() throws Exception {
    String second = "127.0.0.21";
    try (TestWorld world = enforcing()) {
      world.dns.a(MX1, second);
      world.goodMx(0, MX1);
      world.smtpAt(second, world.ca.issue(MX1), b -> b.hostname(MX1));

      DomainReport report = world.check(DOMAIN);

      assertThat(mx(report, MX1).endpoints()).hasSize(2).allMatch(e -> e.passed());
      assertThat(codes(report)).doesNotContain("tls.endpoints-differ");
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  @Test
  void probeSendsTheMxNameAsSni() throws Exception {
    try (TestWorld world = enforcing()) {
      LabSmtpServer server = world.goodMx(0, MX1);

      DomainReport report = world.check(DOMAIN);

      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(server.handshakes()).hasSize(1);
      assertThat(server.handshakes().get(0).serverName()).contains(MX1);
      assertThat(mx(report, MX1).endpoints().get(0).tlsVersion()).isPresent();
    }
  }
}
