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

  private CertificateAuthority(String name, KeyPair keys, X509Certificate certificate) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
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

  public String name() {
    return name;
  }

  /** The CA's own certificate: the trust anchor for what it issues. */
  public X509Certificate certificate() {
    return certificate;
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

  /** A server certificate exactly as specified, signed by this CA. */
  public IssuedCertificate issue(CertificateSpec spec) {
    try {
      KeyPair serverKeys = newKeyPair();
      X509Certificate cert = build(spec, serverKeys, certificate, keys.getPrivate());
      return new IssuedCertificate(serverKeys.getPrivate(), List.of(cert, certificate));
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
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
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
    return sign(builder, signingKey);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
