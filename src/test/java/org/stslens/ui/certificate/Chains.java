package org.stslens.ui.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tls.TrustAnchors;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.CertificateSpec;

/** Real verdicts on lab certificates, judged at a fixed instant. */
final class Chains {

  static final String HOST = "mx1.example.com";
  // Whole seconds: certificates carry second precision, so day counts come out exact.
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final CertificateAuthority root = CertificateAuthority.create("Lab Root");
  private final CertificateAuthority intermediate = root.intermediate("Lab Intermediate");
  private final ChainValidator validator =
      new ChainValidator(TrustAnchors.of(List.of(root.certificate())), CLOCK);

  static CertificateSpec spec(long fromDays, long untilDays, String... names) {
    return new CertificateSpec(
        names.length > 0 ? names[0] : null,
        List.of(names),
        NOW.plus(Duration.ofDays(fromDays)),
        NOW.plus(Duration.ofDays(untilDays)));
  }

  /** Leaf, intermediate, root; the leaf expires in 87 days. */
  ChainVerdict valid() {
    return validator.validate(
        intermediate.issue(spec(-3, 87, HOST, "mx2.example.com")).chain(), HOST);
  }

  /** The leaf alone: the server did not send "Lab Intermediate", which issued it. */
  ChainVerdict missingIntermediate() {
    return validator.validate(intermediate.issue(spec(-3, 87, HOST)).leafOnly().chain(), HOST);
  }

  /** A host name of 200 characters with a CN to match, and an underscore in it. */
  static final String LONG_NAME =
      "mx1." + "a".repeat(60) + "." + "b".repeat(60) + ".long_label." + "c".repeat(50) + ".example";

  /** Leaf, intermediate, root, for {@link #LONG_NAME}. */
  ChainVerdict longName() {
    return validator.validate(intermediate.issue(spec(-3, 87, LONG_NAME)).chain(), LONG_NAME);
  }

  /** Leaf and root; the leaf expired 12 days ago. */
  ChainVerdict expiredLeaf() {
    return validator.validate(root.issue(spec(-100, -12, HOST)).chain(), HOST);
  }

  /** Leaf and root; the leaf names another host. */
  ChainVerdict wrongName() {
    return validator.validate(root.issue(spec(-1, 60, "mail.other.example")).chain(), HOST);
  }

  /** The leaf alone, its own issuer. */
  ChainVerdict selfSigned() {
    return validator.validate(CertificateAuthority.selfSigned(spec(-1, 60, HOST)).chain(), HOST);
  }

  /** Leaf, expired intermediate, root. */
  ChainVerdict expiredIntermediate() {
    CertificateAuthority old =
        root.intermediate(
            "Old Intermediate", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(5)));
    return validator.validate(old.issue(spec(-30, 60, HOST)).chain(), HOST);
  }

  /** A leaf with no subjectAltName at all. */
  ChainVerdict commonNameOnly() {
    return validator.validate(
        root.issue(
                new CertificateSpec(
                    HOST, List.of(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(60))))
            .chain(),
        HOST);
  }

  /** Valid, but the leaf expires in 5 days. */
  ChainVerdict expiringSoon() {
    return validator.validate(root.issue(spec(-80, 5, HOST)).chain(), HOST);
  }

  /** Leaf and root; the leaf is for TLS client authentication only. */
  ChainVerdict clientAuthOnly() {
    return validator.validate(
        root.issue(spec(-1, 60, HOST).withPurpose(CertificateSpec.Purpose.CLIENT_AUTH_ONLY))
            .chain(),
        HOST);
  }

  /** Leaf and root; the "leaf" is a CA certificate (CA:TRUE, keyCertSign and cRLSign). */
  ChainVerdict caLeaf() {
    return validator.validate(
        root.issue(spec(-1, 60, HOST).withPurpose(CertificateSpec.Purpose.CA)).chain(), HOST);
  }
}
