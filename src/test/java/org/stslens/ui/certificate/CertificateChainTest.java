package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.tls.ChainVerdict;

class CertificateChainTest {

  private final Chains chains = new Chains();

  @Test
  void rolesAndNamesFollowThePresentedChain() {
    CertificateChain chain = CertificateChain.of(chains.valid());

    assertThat(chain.entries())
        .extracting(ChainEntry::name)
        .containsExactly(Chains.HOST, "Lab Intermediate", "Lab Root");
    assertThat(chain.entries())
        .extracting(ChainEntry::role)
        .containsExactly(ChainEntry.Role.LEAF, ChainEntry.Role.INTERMEDIATE, ChainEntry.Role.ROOT);
    assertThat(chain.headline()).isEqualTo("Valid for " + Chains.HOST);
    assertThat(chain.problemLines()).isEmpty();
  }

  @Test
  void issuingPathIsFoundInAnOutOfOrderChain() {
    ChainVerdict valid = chains.valid();
    ChainVerdict shuffled =
        new ChainVerdict(
            List.of(valid.chain().get(0), valid.chain().get(2), valid.chain().get(1)),
            valid.problems(),
            valid.referenceHost());

    CertificateChain chain = CertificateChain.of(shuffled);

    assertThat(chain.issuingPath())
        .extracting(ChainEntry::name)
        .containsExactly(Chains.HOST, "Lab Intermediate", "Lab Root");
    assertThat(chain.strays()).isEmpty();
  }

  @Test
  void aCertificateOffThePathIsAStray() {
    ChainVerdict valid = chains.valid();
    ChainVerdict other = chains.selfSigned();
    ChainVerdict withStray =
        new ChainVerdict(
            List.of(valid.chain().get(0), valid.chain().get(1), other.chain().get(0)),
            List.of(),
            Chains.HOST);

    CertificateChain chain = CertificateChain.of(withStray);

    assertThat(chain.issuingPath()).extracting(ChainEntry::index).containsExactly(0, 1);
    assertThat(chain.strays()).extracting(ChainEntry::index).containsExactly(2);
  }

  @Test
  void problemLinesNameTheCertificateAndTheReason() {
    CertificateChain chain = CertificateChain.of(chains.expiredIntermediate());

    assertThat(chain.headline()).isEqualTo("Senders refuse this chain for " + Chains.HOST);
    assertThat(chain.problemLines())
        .anySatisfy(
            line -> {
              assertThat(line.title())
                  .isEqualTo("Intermediate certificate “Old Intermediate”: expired");
              assertThat(line.certificateIndex()).isEqualTo(1);
              assertThat(line.detail()).contains("expired 5 days ago");
              assertThat(line.error()).isTrue();
            });
    assertThat(chain.entries().get(1).fails()).isTrue();
    assertThat(chain.entries().get(0).fails()).isFalse();
  }

  @Test
  void anExpiredLeafStillMatchesItsNameAndSaysWhenItExpired() {
    ChainVerdict verdict = chains.expiredLeaf();
    CertificateChain chain = CertificateChain.of(verdict);
    String day =
        java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC)
            .format(verdict.chain().get(0).notAfter());

    assertThat(chain.headline()).isEqualTo("Senders refuse this chain for " + Chains.HOST);
    assertThat(chain.facts())
        .containsExactly("Valid for " + Chains.HOST + " (the name matches)", "expired on " + day);
  }

  @Test
  void aWrongNameIsSaidAsSuchAndTheDatesStillHold() {
    CertificateChain chain = CertificateChain.of(chains.wrongName());

    assertThat(chain.facts().get(0))
        .isEqualTo("Not valid for " + Chains.HOST + " (the name does not match)");
    assertThat(chain.facts().get(1)).startsWith("within its dates until ");
  }

  @Test
  void aLeafSentWithoutItsIntermediateHasAMissingIssuer() {
    CertificateChain chain = CertificateChain.of(chains.missingIntermediate());

    assertThat(chain.missingIssuer())
        .hasValueSatisfying(
            gap -> {
              assertThat(gap.issuerName()).isEqualTo("Lab Intermediate");
              assertThat(gap.issuer()).contains("CN=Lab Intermediate");
              assertThat(gap.issued().index()).isZero();
              assertThat(gap.name())
                  .isEqualTo("missing: “Lab Intermediate” (the server did not send it)");
            });
  }

  @Test
  void noMissingIssuerWhereThePathIsCompleteOrEndsAtASelfSignedCertificate() {
    assertThat(CertificateChain.of(chains.valid()).missingIssuer()).isEmpty();
    assertThat(CertificateChain.of(chains.expiredLeaf()).missingIssuer()).isEmpty();
    assertThat(CertificateChain.of(chains.selfSigned()).missingIssuer()).isEmpty();
    assertThat(CertificateChain.of(new ChainVerdict(List.of(), List.of(), "h")).missingIssuer())
        .isEmpty();
  }

  @Test
  void aTrustedLeafAloneHasNoMissingIssuer() {
    // The same leaf without its intermediate, but no UNTRUSTED problem: nothing is missing.
    ChainVerdict sentAlone = chains.missingIntermediate();
    ChainVerdict trusted =
        new ChainVerdict(sentAlone.chain(), List.of(), sentAlone.referenceHost());

    assertThat(CertificateChain.of(trusted).missingIssuer()).isEmpty();
  }

  @Test
  void expiringSoonIsAWarningNotAFailure() {
    CertificateChain chain = CertificateChain.of(chains.expiringSoon());

    assertThat(chain.valid()).isTrue();
    assertThat(chain.headline()).isEqualTo("Valid for " + Chains.HOST + ", with a warning");
    assertThat(chain.problemLines())
        .singleElement()
        .satisfies(line -> assertThat(line.error()).isFalse());
    assertThat(chain.entries().get(0).warns()).isTrue();
  }

  @Test
  void commonNameIsReadFromTheSubjectOrFallsBackToIt() {
    assertThat(CertificateChain.commonName("CN=a.example,O=Lab")).isEqualTo("a.example");
    assertThat(CertificateChain.commonName("O=Lab only")).isEqualTo("O=Lab only");
    assertThat(CertificateChain.commonName("CN=x\\, y,O=Lab")).isEqualTo("x, y");
    assertThat(CertificateChain.commonName("")).isEqualTo("(no subject)");
  }

  @Test
  void anEmptyChainSaysNoCertificateWasPresented() {
    CertificateChain chain = CertificateChain.of(new ChainVerdict(List.of(), List.of(), "h"));

    assertThat(chain.entries()).isEmpty();
    assertThat(chain.issuingPath()).isEmpty();
    assertThat(chain.summary()).isEqualTo("The server presented no certificate.");
  }
}
