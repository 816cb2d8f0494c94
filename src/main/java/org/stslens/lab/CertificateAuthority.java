package org.stslens.lab;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in memory for the lab and the tests. It never touches a system trust
 * store: whoever wants to trust it passes {@link #certificate()} explicitly.
 */
public final class CertificateAuthority {

  private final String name;
  private final KeyPair keys;
  private final X509Certificate certificate;
  // The certificates above this CA, nearest first; empty for a root.
  private final List<X509Certificate> parents;

  private CertificateAuthority(String name, KeyPair keys, X509Certificate certificate) {
    this(name, keys, certificate, List.of());
  }

  private CertificateAuthority(
      String name, KeyPair keys, X509Certificate certificate, List<X509Certificate> parents) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
    this.parents = List.copyOf(parents);
  }

  /** A fresh self-signed root CA valid from a day ago for ten years. */
  public static CertificateAuthority create(String commonName) {
    try {
      KeyPair keys = newKeyPair();
      X500Name subject = new X500Name("CN=" + commonName + ", O=STS Lens lab");
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate cert = sign(builder, keys.getPrivate());
      return new CertificateAuthority(commonName, keys, cert);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot create lab CA " + commonName, e);
    }
  }

  /** An intermediate CA signed by this one, valid from a day ago for five years. */
  public CertificateAuthority intermediate(String commonName) {
    Instant now = Instant.now();
    return intermediate(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)));
  }

  /**
   * An intermediate CA signed by this one with the given validity (for expired-intermediate
   * setups). What it issues comes with the chain leaf, intermediate(s), root.
   */
  public CertificateAuthority intermediate(String commonName, Instant notBefore, Instant notAfter) {
    try {
      KeyPair subKeys = newKeyPair();
      X500Name subject = new X500Name("CN=" + commonName + ", O=STS Lens lab");
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              new BigInteger(64, new SecureRandom()),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              subKeys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(subKeys.getPublic()));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(certificate.getPublicKey()));
      X509Certificate cert = sign(builder, keys.getPrivate());
      List<X509Certificate> above = new ArrayList<>();
      above.add(certificate);
      above.addAll(parents);
      return new CertificateAuthority(commonName, subKeys, cert, above);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot create lab intermediate CA " + commonName, e);
    }
  }

  public String name() {
    return name;
  }

  /** The CA's own certificate: the trust anchor for what it issues. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA's certificate as PEM, for {@code stslens check --trust} and {@code curl --cacert}. */
  public String certificatePem() {
    return LabWorld.pem(certificate);
  }

  /** A server certificate valid now for 90 days with the given SAN dNSNames. */
  public IssuedCertificate issue(String... sanDnsNames) {
    Instant now = Instant.now();
    return issue(
        new CertificateSpec(
            sanDnsNames.length > 0 ? sanDnsNames[0] : "server",
            List.of(sanDnsNames),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(90))));
  }

  /**
   * A server certificate exactly as specified, signed by this CA; the chain is the leaf, this CA
   * and the CAs above it up to the root.
   */
  public IssuedCertificate issue(CertificateSpec spec) {
    try {
      KeyPair serverKeys = newKeyPair();
      X509Certificate cert = build(spec, serverKeys, certificate, keys.getPrivate());
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(cert);
      chain.add(certificate);
      chain.addAll(parents);
      return new IssuedCertificate(serverKeys.getPrivate(), chain);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue certificate for " + spec, e);
    }
  }

  /** A self-signed server certificate (its own issuer, not a CA), as many broken setups have. */
  public static IssuedCertificate selfSigned(CertificateSpec spec) {
    try {
      KeyPair serverKeys = newKeyPair();
      X509Certificate cert = build(spec, serverKeys, null, serverKeys.getPrivate());
      return new IssuedCertificate(serverKeys.getPrivate(), List.of(cert));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot self-sign certificate for " + spec, e);
    }
  }

  private static X509Certificate build(
      CertificateSpec spec, KeyPair serverKeys, X509Certificate issuerCert, PrivateKey signingKey)
      throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
    X500Name subject =
        spec.commonName() == null
            ? new X500Name("O=STS Lens lab")
            : new X500Name("CN=" + spec.commonName() + ", O=STS Lens lab");
    X500Name issuer =
        issuerCert == null
            ? subject
            : X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, new SecureRandom()),
            Date.from(spec.notBefore()),
            Date.from(spec.notAfter()),
            subject,
            serverKeys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    switch (spec.purpose()) {
      case TLS_SERVER -> {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      case CLIENT_AUTH_ONLY -> {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}));
      }
      case CA -> {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
    }
    if (!spec.sanDnsNames().isEmpty()) {
      GeneralName[] names =
          spec.sanDnsNames().stream()
              .map(n -> new GeneralName(GeneralName.dNSName, n))
              .toArray(GeneralName[]::new);
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        utils.createSubjectKeyIdentifier(serverKeys.getPublic()));
    if (issuerCert != null) {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(issuerCert.getPublicKey()));
    }
    return sign(builder, signingKey, spec.digest());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return sign(builder, key, CertificateSpec.Digest.SHA256);
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey key, CertificateSpec.Digest digest)
      throws OperatorCreationException, GeneralSecurityException {
    String algorithm =
        switch (digest) {
          case SHA256 -> "SHA256withECDSA";
          case SHA1 -> "SHA1withECDSA";
        };
    ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
