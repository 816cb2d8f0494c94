package org.stslens.engine.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates with exactly the extensions and signature a test asks for, built with BouncyCastle:
 * what the lab CA does not make (RSA keys, MD5, any key usage or extended key usage mix).
 */
final class TestCertificates {

  /** A CA: its key pair, certificate and the chain above it (nearest first, root last). */
  record Ca(KeyPair keys, X509Certificate certificate, List<X509Certificate> above) {

    /** This CA's certificate and those above it. */
    List<X509Certificate> chain() {
      List<X509Certificate> all = new ArrayList<>();
      all.add(certificate);
      all.addAll(above);
      return all;
    }

    /** The signature algorithm this CA's key makes with SHA-256. */
    String sha256() {
      return keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }
  }

  /**
   * What to put in a certificate. Null fields leave the extension out.
   *
   * @param keyType "EC", "RSA" or "Ed25519"
   * @param ca basicConstraints CA flag (null: no basicConstraints)
   * @param keyUsage BouncyCastle {@link KeyUsage} bits (null: no keyUsage)
   * @param extendedKeyUsage purposes (null: no extendedKeyUsage)
   * @param signatureAlgorithm how the issuer signs (null: SHA-256 with the issuer's key type)
   */
  record Spec(
      String keyType,
      Boolean ca,
      Integer keyUsage,
      KeyPurposeId[] extendedKeyUsage,
      String signatureAlgorithm) {

    /** An EC server certificate as CAs issue them: digitalSignature, serverAuth, CA:FALSE. */
    static Spec server() {
      return new Spec(
          "EC",
          false,
          KeyUsage.digitalSignature,
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth},
          null);
    }

    Spec key(String type) {
      return new Spec(type, ca, keyUsage, extendedKeyUsage, signatureAlgorithm);
    }

    Spec ca(Boolean flag) {
      return new Spec(keyType, flag, keyUsage, extendedKeyUsage, signatureAlgorithm);
    }

    Spec keyUsage(Integer bits) {
      return new Spec(keyType, ca, bits, extendedKeyUsage, signatureAlgorithm);
    }

    Spec eku(KeyPurposeId... purposes) {
      return new Spec(keyType, ca, keyUsage, purposes, signatureAlgorithm);
    }

    Spec noEku() {
      return new Spec(keyType, ca, keyUsage, null, signatureAlgorithm);
    }

    Spec signedWith(String algorithm) {
      return new Spec(keyType, ca, keyUsage, extendedKeyUsage, algorithm);
    }
  }

  private TestCertificates() {}

  /** A self-signed root CA with a key of the given type. */
  static Ca root(String name, String keyType) {
    KeyPair keys = keys(keyType);
    X509Certificate cert =
        build(
            name,
            null,
            keys,
            keys,
            new Spec(keyType, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, null, null),
            null);
    return new Ca(keys, cert, List.of());
  }

  /**
   * An intermediate CA under {@code issuer}: key type, extended key usage and signature as in
   * {@code spec}, always CA:TRUE with key usage keyCertSign and cRLSign.
   */
  static Ca intermediate(Ca issuer, String name, Spec spec) {
    KeyPair keys = keys(spec.keyType());
    Spec asCa = spec.ca(true).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    X509Certificate cert = build(name, issuer, issuer.keys(), keys, asCa, null);
    return new Ca(keys, cert, issuer.chain());
  }

  /** A leaf for {@code host} issued by {@code issuer}; the chain is leaf, issuer and above. */
  static List<X509Certificate> leaf(Ca issuer, String host, Spec spec) {
    KeyPair keys = keys(spec.keyType());
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(build(host, issuer, issuer.keys(), keys, spec, host));
    chain.addAll(issuer.chain());
    return chain;
  }

  private static X509Certificate build(
      String name, Ca issuer, KeyPair signer, KeyPair subjectKeys, Spec spec, String san) {
    try {
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + name + ", O=STS Lens test");
      X500Name issuerName =
          issuer == null
              ? subject
              : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(90))),
              subject,
              subjectKeys.getPublic());
      if (spec.ca() != null) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.ca()));
      }
      if (spec.keyUsage() != null) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
      }
      if (spec.extendedKeyUsage() != null) {
        builder.addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(spec.extendedKeyUsage()));
      }
      if (san != null) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, san)));
      }
      String algorithm = spec.signatureAlgorithm();
      if (algorithm == null) {
        algorithm =
            signer.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build test certificate " + name, e);
    }
  }

  private static KeyPair keys(String type) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
      if (type.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else if (type.equals("RSA")) {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a " + type + " key", e);
    }
  }
}
