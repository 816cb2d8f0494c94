package org.stslens.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.lab.CertificateAuthority;

/** Certificates built here with every common extension, read back by the decoder. */
class CertificateExtensionsTest {

  private static final String UNKNOWN_OID = "1.3.6.1.4.1.99999.7";
  private static final Instant SCT_TIME = Instant.parse("2026-03-03T10:15:30Z");
  private static KeyPair keys;
  private static KeyPair issuerKeys;
  private static X509Certificate full;

  @BeforeAll
  static void build() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    keys = generator.generateKeyPair();
    issuerKeys = generator.generateKeyPair();
    full = everyExtension();
  }

  private static X509Certificate everyExtension() throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=Test Issuer, O=STS Lens lab"),
            BigInteger.valueOf(4242),
            Date.from(Instant.now().minus(Duration.ofDays(1))),
            Date.from(Instant.now().plus(Duration.ofDays(30))),
            new X500Name("CN=mx1.example.com, O=STS Lens lab"),
            keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {
              KeyPurposeId.id_kp_serverAuth,
              KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.2.3.4"))
            }));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "mx1.example.com"),
              new GeneralName(GeneralName.iPAddress, "192.0.2.25"),
              new GeneralName(GeneralName.rfc822Name, "postmaster@example.com")
            }));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
    builder.addExtension(
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(
            new PolicyInformation[] {
              new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1")),
              new PolicyInformation(
                  new ASN1ObjectIdentifier("1.3.6.1.4.1.44947.1.1.1"),
                  new DERSequence(new PolicyQualifierInfo("http://cps.example.com/")))
            }));
    builder.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(
                  new DistributionPointName(
                      new GeneralNames(
                          new GeneralName(
                              GeneralName.uniformResourceIdentifier,
                              "http://crl.example.com/ca.crl"))),
                  null,
                  null)
            }));
    builder.addExtension(
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(
            new AccessDescription[] {
              new AccessDescription(
                  AccessDescription.id_ad_ocsp,
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier, "http://ocsp.example.com")),
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers,
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier, "http://ca.example.com/ca.der"))
            }));
    builder.addExtension(
        new ASN1ObjectIdentifier(CertificateExtensions.TLS_FEATURE),
        false,
        new DERSequence(new ASN1Integer(5)));
    builder.addExtension(
        new ASN1ObjectIdentifier(CertificateExtensions.CT_SCTS),
        false,
        new DEROctetString(sctList()));
    builder.addExtension(
        Extension.nameConstraints,
        true,
        new NameConstraints(
            new GeneralSubtree[] {
              new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.com"))
            },
            new GeneralSubtree[] {
              new GeneralSubtree(new GeneralName(GeneralName.iPAddress, "10.0.0.0/8"))
            }));
    byte[] big = new byte[300];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    builder.addExtension(new ASN1ObjectIdentifier(UNKNOWN_OID), false, new DEROctetString(big));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }

  /** One version-1 SCT from a log whose id is 32 bytes of 0xAB. */
  private static byte[] sctList() {
    ByteBuffer sct = ByteBuffer.allocate(1 + 32 + 8 + 2 + 4 + 3);
    sct.put((byte) 0);
    for (int i = 0; i < 32; i++) {
      sct.put((byte) 0xAB);
    }
    sct.putLong(SCT_TIME.toEpochMilli());
    sct.putShort((short) 0); // no extensions
    sct.put(new byte[] {4, 3, 0, 1, 0, 0, 0}); // signature: algorithm and an empty-ish body
    byte[] one = sct.array();
    ByteBuffer list = ByteBuffer.allocate(2 + 2 + one.length);
    list.putShort((short) (2 + one.length));
    list.putShort((short) one.length);
    list.put(one);
    return list.array();
  }

  private static Map<String, CertificateExtension> byName(List<CertificateExtension> list) {
    return list.stream()
        .collect(Collectors.toMap(CertificateExtension::title, Function.identity()));
  }

  @Test
  void everyExtensionIsListedOnceWithItsOidAndCriticalFlag() {
    List<CertificateExtension> list = CertificateExtensions.of(full);

    assertThat(list).hasSize(13);
    assertThat(list.get(0).name()).isEqualTo("basicConstraints");
    assertThat(list.get(0).oid()).isEqualTo("2.5.29.19");
    assertThat(list.get(list.size() - 1).oid()).isEqualTo(UNKNOWN_OID);
    assertThat(list)
        .filteredOn(CertificateExtension::critical)
        .extracting(CertificateExtension::name)
        .containsExactlyInAnyOrder("basicConstraints", "keyUsage", "nameConstraints");
  }

  @Test
  void valuesTheJdkDecodesAreShownInWords() {
    Map<String, CertificateExtension> ext = byName(CertificateExtensions.of(full));

    assertThat(ext.get("basicConstraints").value()).isEqualTo("CA:FALSE");
    assertThat(ext.get("keyUsage").value()).isEqualTo("digitalSignature, keyAgreement");
    assertThat(ext.get("extendedKeyUsage").value())
        .isEqualTo("serverAuth (1.3.6.1.5.5.7.3.1), 1.2.3.4");
    assertThat(ext.get("subjectAltName").value())
        .isEqualTo("DNS:mx1.example.com, IP:192.0.2.25, email:postmaster@example.com");
    assertThat(ext.values())
        .filteredOn(e -> !e.oid().equals(UNKNOWN_OID))
        .allMatch(CertificateExtension::decoded);
  }

  @Test
  void keyIdentifiersMatchTheKeysTheyIdentify() throws Exception {
    Map<String, CertificateExtension> ext = byName(CertificateExtensions.of(full));
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    String ski =
        CertificateExtensions.colons(
            utils.createSubjectKeyIdentifier(keys.getPublic()).getKeyIdentifier());
    String aki =
        CertificateExtensions.colons(
            utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()).getKeyIdentifier());

    assertThat(ext.get("subjectKeyIdentifier").value()).isEqualTo(ski).hasSize(20 * 3 - 1);
    assertThat(ext.get("authorityKeyIdentifier").value()).isEqualTo("keyid:" + aki);
  }

  @Test
  void addressesPoliciesAndFeaturesAreReadFromTheDer() {
    Map<String, CertificateExtension> ext = byName(CertificateExtensions.of(full));

    assertThat(ext.get("certificatePolicies").value())
        .isEqualTo(
            "domain validated (2.23.140.1.2.1), 1.3.6.1.4.1.44947.1.1.1"
                + " (CPS: http://cps.example.com/)");
    assertThat(ext.get("cRLDistributionPoints").value())
        .isEqualTo("URI:http://crl.example.com/ca.crl");
    assertThat(ext.get("authorityInfoAccess").value())
        .isEqualTo(
            "OCSP - URI:http://ocsp.example.com, CA issuers - URI:http://ca.example.com/ca.der");
    assertThat(ext.get("tlsfeature (OCSP must-staple)").value())
        .isEqualTo("status_request (OCSP must-staple)");
    assertThat(ext.get("CT signed certificate timestamps").value())
        .isEqualTo("1 timestamp: v1 log AB:AB:AB:AB:AB:AB:AB:AB… at 2026-03-03 10:15:30 UTC");
    assertThat(ext.get("nameConstraints").value())
        .isEqualTo("permitted DNS:example.com, excluded IP:10.0.0.0/255.0.0.0");
  }

  @Test
  void anUnknownExtensionShowsItsOidAndCappedHex() {
    CertificateExtension unknown =
        CertificateExtensions.of(full).stream()
            .filter(e -> e.oid().equals(UNKNOWN_OID))
            .findFirst()
            .orElseThrow();

    assertThat(unknown.name()).isEmpty();
    assertThat(unknown.title()).isEqualTo("Unknown extension " + UNKNOWN_OID);
    assertThat(unknown.decoded()).isFalse();
    // The extnValue is an OCTET STRING of 300 bytes: 04 82 01 2C, then 00 01 02 ...
    assertThat(unknown.value())
        .startsWith("04 82 01 2C 00 01 02 03")
        .endsWith(" … (304 bytes in all)");
    assertThat(unknown.value().split(" ")).hasSize(256 + 5);
  }

  @Test
  void aValueThatDoesNotDecodeFallsBackToHex() throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=Odd"),
            BigInteger.ONE,
            new Date(),
            new Date(System.currentTimeMillis() + 86_400_000L),
            new X500Name("CN=Odd"),
            keys.getPublic());
    // A TLS feature list that holds a string, not integers.
    builder.addExtension(
        new ASN1ObjectIdentifier(CertificateExtensions.TLS_FEATURE),
        false,
        new DERSequence(new DEROctetString(new byte[] {1, 2})));
    X509Certificate odd =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

    CertificateExtension feature = CertificateExtensions.of(odd).get(0);

    assertThat(feature.name()).isEqualTo("tlsfeature (OCSP must-staple)");
    assertThat(feature.decoded()).isFalse();
    assertThat(feature.value()).isEqualTo("30 04 04 02 01 02");
  }

  @Test
  void labCertificatesReadFromTheirPem() {
    CertificateAuthority root = CertificateAuthority.create("Lab Root");
    X509Certificate leaf = root.issue("mx1.example.com").leaf();
    String pem = CertificateSummary.of(leaf).pem();

    assertThat(CertificateExtensions.ofPem(pem))
        .extracting(CertificateExtension::name)
        .containsExactly(
            "basicConstraints",
            "keyUsage",
            "extendedKeyUsage",
            "subjectAltName",
            "subjectKeyIdentifier",
            "authorityKeyIdentifier");
    assertThat(CertificateExtensions.ofPem("not a certificate")).isEmpty();
    assertThat(CertificateExtensions.ofPem("")).isEmpty();
  }

  @Test
  void fingerprintsAreTheDigestsOfTheDer() throws Exception {
    String pem = CertificateSummary.of(full).pem();
    String sha1 =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(full.getEncoded()));

    assertThat(Fingerprints.sha1(pem)).isEqualTo(sha1).hasSize(20 * 3 - 1);
    assertThat(Fingerprints.sha256(pem)).isEqualTo(CertificateSummary.of(full).sha256());
    assertThat(Fingerprints.sha1("")).isEmpty();
  }

  @Test
  void derReadsOidsAndRejectsTruncatedInput() {
    assertThat(
            new Der(Der.OID, new byte[] {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D})
                .oid())
        .isEqualTo("1.2.840.113549");
    assertThat(new Der(Der.OID, new byte[] {0x55, 0x1D, 0x13}).oid()).isEqualTo("2.5.29.19");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Der.read(new byte[] {0x30, 0x05, 0x02}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
