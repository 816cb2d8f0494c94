package org.stslens.engine.tls;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Every extension of a certificate with its name, critical flag and value, as KeyStore Explorer
 * lists them. Values come from the JDK's getters where it has one (key usage, names, basic
 * constraints), from a small DER reading for the common ones it has none for (key identifiers,
 * policies, CRL and OCSP addresses, TLS features, SCTs, name constraints), and otherwise as the hex
 * of the DER, capped at {@link #MAX_HEX_BYTES}. Never throws: a value that does not decode is shown
 * as hex.
 */
public final class CertificateExtensions {

  /** Longer values show this many bytes of hex and the length in all. */
  public static final int MAX_HEX_BYTES = 256;

  static final String BASIC_CONSTRAINTS = "2.5.29.19";
  static final String KEY_USAGE = "2.5.29.15";
  static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  static final String SUBJECT_ALT_NAME = "2.5.29.17";
  static final String ISSUER_ALT_NAME = "2.5.29.18";
  static final String SUBJECT_KEY_ID = "2.5.29.14";
  static final String AUTHORITY_KEY_ID = "2.5.29.35";
  static final String CERTIFICATE_POLICIES = "2.5.29.32";
  static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
  static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
  static final String TLS_FEATURE = "1.3.6.1.5.5.7.1.24";
  static final String CT_SCTS = "1.3.6.1.4.1.11129.2.4.2";
  static final String CT_POISON = "1.3.6.1.4.1.11129.2.4.3";
  static final String NAME_CONSTRAINTS = "2.5.29.30";

  /** Known extensions in the order a viewer lists them; unknown ones follow by OID. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(BASIC_CONSTRAINTS, "basicConstraints");
    NAMES.put(KEY_USAGE, "keyUsage");
    NAMES.put(EXTENDED_KEY_USAGE, "extendedKeyUsage");
    NAMES.put(SUBJECT_ALT_NAME, "subjectAltName");
    NAMES.put(ISSUER_ALT_NAME, "issuerAltName");
    NAMES.put(SUBJECT_KEY_ID, "subjectKeyIdentifier");
    NAMES.put(AUTHORITY_KEY_ID, "authorityKeyIdentifier");
    NAMES.put(CERTIFICATE_POLICIES, "certificatePolicies");
    NAMES.put(CRL_DISTRIBUTION_POINTS, "cRLDistributionPoints");
    NAMES.put(AUTHORITY_INFO_ACCESS, "authorityInfoAccess");
    NAMES.put("1.3.6.1.5.5.7.1.11", "subjectInfoAccess");
    NAMES.put(CT_SCTS, "CT signed certificate timestamps");
    NAMES.put(CT_POISON, "CT precertificate poison");
    NAMES.put(TLS_FEATURE, "tlsfeature (OCSP must-staple)");
    NAMES.put(NAME_CONSTRAINTS, "nameConstraints");
    NAMES.put("2.5.29.36", "policyConstraints");
    NAMES.put("2.5.29.33", "policyMappings");
    NAMES.put("2.5.29.54", "inhibitAnyPolicy");
    NAMES.put("2.5.29.46", "freshestCRL");
    NAMES.put("2.5.29.16", "privateKeyUsagePeriod");
    NAMES.put("2.5.29.9", "subjectDirectoryAttributes");
    NAMES.put("1.3.6.1.5.5.7.1.3", "qcStatements");
    NAMES.put("1.3.6.1.5.5.7.48.1.5", "OCSP no check");
    NAMES.put("2.16.840.1.113730.1.1", "netscapeCertType");
    NAMES.put("2.16.840.1.113730.1.13", "netscapeComment");
    NAMES.put("1.3.6.1.4.1.311.20.2", "Microsoft certificate template name");
    NAMES.put("1.3.6.1.4.1.311.21.7", "Microsoft certificate template");
  }

  private static final List<String> ORDER = List.copyOf(NAMES.keySet());

  private static final Map<String, String> POLICIES =
      Map.of(
          "2.23.140.1.2.1", "domain validated",
          "2.23.140.1.2.2", "organization validated",
          "2.23.140.1.2.3", "individual validated",
          "2.23.140.1.1", "extended validation",
          "2.5.29.32.0", "anyPolicy");

  private static final DateTimeFormatter SCT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private CertificateExtensions() {}

  /** The usual name of an extension OID, or empty. */
  public static String nameOf(String oid) {
    return NAMES.getOrDefault(oid, "");
  }

  /** Every extension of {@code cert}: known ones in a fixed order, then the rest by OID. */
  public static List<CertificateExtension> of(X509Certificate cert) {
    Set<String> critical = orEmpty(safe(cert::getCriticalExtensionOIDs));
    Set<String> other = orEmpty(safe(cert::getNonCriticalExtensionOIDs));
    List<String> oids = new ArrayList<>(critical);
    oids.addAll(other);
    oids.sort(Comparator.comparingInt(CertificateExtensions::rank).thenComparing(oid -> oid));
    List<CertificateExtension> out = new ArrayList<>();
    for (String oid : oids) {
      out.add(extension(cert, oid, critical.contains(oid)));
    }
    return List.copyOf(out);
  }

  /** The extensions of the certificate in {@code pem}; empty when it does not parse. */
  public static List<CertificateExtension> ofPem(String pem) {
    return parse(pem).map(CertificateExtensions::of).orElse(List.of());
  }

  /** The first certificate in {@code pem}, if it parses. */
  public static Optional<X509Certificate> parse(String pem) {
    if (pem == null || pem.isBlank()) {
      return Optional.empty();
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return Optional.of(
          (X509Certificate)
              factory.generateCertificate(
                  new ByteArrayInputStream(
                      pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The DER of the first certificate in {@code pem}, or an empty array. */
  public static byte[] der(String pem) {
    if (pem == null) {
      return new byte[0];
    }
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static int rank(String oid) {
    int at = ORDER.indexOf(oid);
    return at < 0 ? ORDER.size() : at;
  }

  private static CertificateExtension extension(
      X509Certificate cert, String oid, boolean critical) {
    String name = nameOf(oid);
    byte[] raw = safe(() -> cert.getExtensionValue(oid));
    byte[] value;
    try {
      // getExtensionValue wraps extnValue in one more OCTET STRING.
      value = raw == null ? new byte[0] : Der.read(raw).content();
    } catch (IllegalArgumentException e) {
      value = raw;
    }
    String decoded;
    try {
      decoded = decode(cert, oid, value);
    } catch (RuntimeException e) {
      decoded = null;
    }
    return decoded == null || decoded.isEmpty()
        ? new CertificateExtension(oid, name, critical, hex(value), false)
        : new CertificateExtension(oid, name, critical, decoded, true);
  }

  /** The value in words, or null to show the hex. */
  private static String decode(X509Certificate cert, String oid, byte[] value) {
    return switch (oid) {
      case BASIC_CONSTRAINTS -> basicConstraints(cert.getBasicConstraints());
      case KEY_USAGE -> keyUsage(cert.getKeyUsage());
      case EXTENDED_KEY_USAGE -> purposes(safe(cert::getExtendedKeyUsage));
      case SUBJECT_ALT_NAME -> altNames(safe(cert::getSubjectAlternativeNames));
      case ISSUER_ALT_NAME -> altNames(safe(cert::getIssuerAlternativeNames));
      case SUBJECT_KEY_ID -> colons(Der.read(value).content());
      case AUTHORITY_KEY_ID -> authorityKeyId(Der.read(value));
      case CERTIFICATE_POLICIES -> policies(Der.read(value));
      case CRL_DISTRIBUTION_POINTS -> distributionPoints(Der.read(value));
      case AUTHORITY_INFO_ACCESS -> infoAccess(Der.read(value));
      case TLS_FEATURE -> tlsFeatures(Der.read(value));
      case CT_SCTS -> timestamps(Der.read(value).content());
      case CT_POISON -> "present: this is a precertificate, not a certificate to serve";
      case NAME_CONSTRAINTS -> nameConstraints(Der.read(value));
      default -> null;
    };
  }

  static String basicConstraints(int pathLength) {
    if (pathLength < 0) {
      return "CA:FALSE";
    }
    return pathLength == Integer.MAX_VALUE ? "CA:TRUE" : "CA:TRUE, pathlen:" + pathLength;
  }

  private static String keyUsage(boolean[] bits) {
    if (bits == null) {
      return null;
    }
    List<String> names = CertificateSummary.keyUsageNames(bits);
    return names.isEmpty() ? "(no bit set)" : String.join(", ", names);
  }

  private static String purposes(List<String> oids) {
    if (oids == null) {
      return null;
    }
    return String.join(
        ", ", oids.stream().map(o -> named(CertificateSummary.EKU_NAMES, o)).toList());
  }

  private static String altNames(java.util.Collection<List<?>> names) {
    if (names == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (List<?> name : names) {
      int type = (Integer) name.get(0);
      Object value = name.get(1);
      String text = value instanceof byte[] bytes ? hex(bytes) : String.valueOf(value);
      parts.add(generalNameLabel(type) + ":" + text);
    }
    return String.join(", ", parts);
  }

  private static String authorityKeyId(Der sequence) {
    List<String> parts = new ArrayList<>();
    for (Der part : sequence.children()) {
      switch (part.contextNumber()) {
        case 0 -> parts.add("keyid:" + colons(part.content()));
        case 1 -> parts.add("issuer:" + generalNames(part.children()));
        case 2 -> parts.add("serial:" + HexFormat.of().withUpperCase().formatHex(part.content()));
        default -> throw new IllegalArgumentException("unexpected element");
      }
    }
    return String.join(", ", parts);
  }

  private static String policies(Der sequence) {
    List<String> parts = new ArrayList<>();
    for (Der info : sequence.children()) {
      List<Der> fields = info.children();
      StringBuilder text = new StringBuilder(named(POLICIES, fields.get(0).oid()));
      if (fields.size() > 1) {
        for (Der qualifier : fields.get(1).children()) {
          List<Der> q = qualifier.children();
          if (q.get(0).oid().equals("1.3.6.1.5.5.7.2.1") && q.size() > 1) {
            text.append(" (CPS: ").append(q.get(1).ascii()).append(')');
          }
        }
      }
      parts.add(text.toString());
    }
    return String.join(", ", parts);
  }

  private static String distributionPoints(Der sequence) {
    List<String> parts = new ArrayList<>();
    for (Der point : sequence.children()) {
      for (Der field : point.children()) {
        // [0] distributionPoint { [0] fullName GeneralNames | [1] nameRelativeToCRLIssuer }
        if (field.contextNumber() == 0) {
          for (Der name : field.children()) {
            if (name.contextNumber() == 0) {
              parts.add(generalNames(name.children()));
            }
          }
        }
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  private static String infoAccess(Der sequence) {
    List<String> parts = new ArrayList<>();
    for (Der description : sequence.children()) {
      List<Der> fields = description.children();
      String method =
          switch (fields.get(0).oid()) {
            case "1.3.6.1.5.5.7.48.1" -> "OCSP";
            case "1.3.6.1.5.5.7.48.2" -> "CA issuers";
            default -> fields.get(0).oid();
          };
      parts.add(method + " - " + generalName(fields.get(1)));
    }
    return String.join(", ", parts);
  }

  private static String tlsFeatures(Der sequence) {
    List<String> parts = new ArrayList<>();
    for (Der feature : sequence.children()) {
      int number = feature.integer();
      parts.add(
          switch (number) {
            case 5 -> "status_request (OCSP must-staple)";
            case 17 -> "status_request_v2";
            default -> "TLS extension " + number;
          });
    }
    return String.join(", ", parts);
  }

  /** RFC 6962 §3.3: a length-prefixed list of length-prefixed SCTs. */
  private static String timestamps(byte[] list) {
    ByteBuffer in = ByteBuffer.wrap(list);
    int total = Short.toUnsignedInt(in.getShort());
    if (total != in.remaining()) {
      throw new IllegalArgumentException("SCT list length");
    }
    List<String> parts = new ArrayList<>();
    while (in.hasRemaining()) {
      int length = Short.toUnsignedInt(in.getShort());
      ByteBuffer sct = in.slice(in.position(), length);
      in.position(in.position() + length);
      int version = Byte.toUnsignedInt(sct.get());
      byte[] logId = new byte[32];
      sct.get(logId);
      Instant time = Instant.ofEpochMilli(sct.getLong());
      parts.add(
          "v"
              + (version + 1)
              + " log "
              + colons(java.util.Arrays.copyOf(logId, 8))
              + "… at "
              + SCT_TIME.format(time));
    }
    return parts.size()
        + (parts.size() == 1 ? " timestamp: " : " timestamps: ")
        + String.join("; ", parts);
  }

  private static String nameConstraints(Der sequence) {
    List<String> parts = new ArrayList<>();
    for (Der subtrees : sequence.children()) {
      String kind = subtrees.contextNumber() == 0 ? "permitted " : "excluded ";
      for (Der subtree : subtrees.children()) {
        parts.add(kind + constraintName(subtree.children().get(0)));
      }
    }
    return String.join(", ", parts);
  }

  /** A name constraint's GeneralName; an iPAddress there is an address and a mask. */
  private static String constraintName(Der name) {
    if (name.contextNumber() == 7 && (name.content().length == 8 || name.content().length == 32)) {
      int half = name.content().length / 2;
      return "IP:"
          + address(java.util.Arrays.copyOf(name.content(), half))
          + "/"
          + address(java.util.Arrays.copyOfRange(name.content(), half, half * 2));
    }
    return generalName(name);
  }

  private static String generalNames(List<Der> names) {
    return String.join(", ", names.stream().map(CertificateExtensions::generalName).toList());
  }

  /** RFC 5280 GeneralName, context-tagged. */
  private static String generalName(Der name) {
    int type = name.contextNumber();
    String text =
        switch (type) {
          case 1, 2, 6 -> name.ascii();
          case 4 -> new X500Principal(name.children().get(0).encoded()).getName();
          case 7 -> address(name.content());
          case 8 -> new Der(Der.OID, name.content()).oid();
          default -> hex(name.content());
        };
    return generalNameLabel(type) + ":" + text;
  }

  private static String generalNameLabel(int type) {
    return switch (type) {
      case 0 -> "otherName";
      case 1 -> "email";
      case 2 -> "DNS";
      case 3 -> "x400Address";
      case 4 -> "DirName";
      case 5 -> "ediPartyName";
      case 6 -> "URI";
      case 7 -> "IP";
      case 8 -> "RID";
      default -> "name" + type;
    };
  }

  private static String address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return hex(bytes);
    }
  }

  private static String named(Map<String, String> names, String oid) {
    String name = names.get(oid);
    return name == null ? oid : name + " (" + oid + ")";
  }

  /** Key identifiers as OpenSSL shows them: AA:BB:…. */
  static String colons(byte[] bytes) {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
  }

  /**
   * Bytes as space-separated hex pairs, so a long value wraps; at most {@link #MAX_HEX_BYTES}
   * bytes, then "… (N bytes in all)".
   */
  public static String hex(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return "(empty)";
    }
    int shown = Math.min(bytes.length, MAX_HEX_BYTES);
    String text =
        HexFormat.ofDelimiter(" ").withUpperCase().formatHex(java.util.Arrays.copyOf(bytes, shown));
    return shown < bytes.length ? text + " … (" + bytes.length + " bytes in all)" : text;
  }

  private static <T> Set<T> orEmpty(Set<T> set) {
    return set == null ? Set.of() : set;
  }

  private static <T> T safe(ThrowingSupplier<T> reader) {
    try {
      return reader.get();
    } catch (Exception e) {
      return null;
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
