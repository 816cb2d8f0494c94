package org.stslens.lab;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The lab's signed zones as zone files, for a real authoritative server (the interop suite's
 * unbound): a parent zone whose key is the trust anchor, with one delegation per scenario zone
 * below it, each zone signed, unsigned (the parent's NSEC proves there is no DS) or signed with
 * broken TLSA signatures, as {@link LabDnssec} serves them online. Unlike the online signer, every
 * zone is signed in advance with a complete NSEC chain, since a real server only serves what is in
 * its files. Keys are made per instance (ECDSA P-256, one key per zone, SEP flag set).
 */
public final class LabSignedZones {

  private static final long TTL = 300;

  private final Name parent;
  private final Name nameServer;
  private final Record nameServerAddress;
  private final KeyPair parentKeys;
  private final DNSKEYRecord parentKey;
  private final Map<Name, Child> children = new LinkedHashMap<>();

  private record Child(LabDnssec.Mode mode, KeyPair keys, DNSKEYRecord key, List<Record> records) {}

  private LabSignedZones(Name parent, java.net.InetAddress nameServerAddress)
      throws GeneralSecurityException, DNSSEC.DNSSECException, TextParseException {
    this.parent = parent;
    this.nameServer = Name.fromString("ns", parent);
    this.nameServerAddress = new ARecord(nameServer, DClass.IN, TTL, nameServerAddress);
    this.parentKeys = newKeys();
    this.parentKey = key(parent, parentKeys);
  }

  /**
   * New keys for the parent zone {@code parent} (as {@code lab.example}), whose name server {@code
   * ns.<parent>} has the address {@code nameServerAddress} (the glue of every delegation).
   */
  public static LabSignedZones under(String parent, String nameServerAddress) {
    try {
      return new LabSignedZones(
          Name.fromString(parent, Name.root), java.net.InetAddress.getByName(nameServerAddress));
    } catch (java.io.IOException | GeneralSecurityException | DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot make DNSSEC keys for " + parent, e);
    }
  }

  /**
   * Adds the zone {@code domain}, a child of the parent, published as {@code mode} says, with
   * {@code records} (every one at or below {@code domain}; SOA, NS and DNSKEY are added here).
   */
  public LabSignedZones zone(String domain, LabDnssec.Mode mode, List<Record> records) {
    try {
      Name child = Name.fromString(domain, Name.root);
      if (!child.subdomain(parent) || child.labels() != parent.labels() + 1) {
        throw new IllegalArgumentException(domain + " is not a child of " + parent);
      }
      for (Record r : records) {
        if (!r.getName().subdomain(child)) {
          throw new IllegalArgumentException(r.getName() + " is outside the zone " + child);
        }
      }
      KeyPair keys = newKeys();
      children.put(child, new Child(mode, keys, key(child, keys), List.copyOf(records)));
      return this;
    } catch (TextParseException | GeneralSecurityException | DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot make the zone " + domain, e);
    }
  }

  /** The parent's name, {@code lab.example.}. */
  public String parentName() {
    return parent.toString();
  }

  /** The trust anchor: the parent zone's DS, in zone-file form (for {@code --trust-anchor}). */
  public String trustAnchor() {
    return new DSRecord(parent, DClass.IN, TTL, DNSSEC.Digest.SHA256, parentKey) + "\n";
  }

  /**
   * Every zone as zone-file text, the parent first: zone name (absolute, with the final dot) to its
   * records, one a line, signatures included. Signed now, valid for a week.
   */
  public Map<String, String> zoneFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    List<Record> parentRecords = new ArrayList<>(apex(parent, parentKey));
    parentRecords.add(nameServerAddress);
    children.forEach(
        (name, child) -> {
          parentRecords.add(new NSRecord(name, DClass.IN, TTL, nameServer));
          if (child.mode() != LabDnssec.Mode.UNSIGNED) {
            parentRecords.add(
                new DSRecord(name, DClass.IN, TTL, DNSSEC.Digest.SHA256, child.key()));
          }
        });
    files.put(parent.toString(), text(signed(parent, parentRecords, parentKeys, parentKey, false)));
    children.forEach(
        (name, child) -> {
          List<Record> records = new ArrayList<>(apex(name, child.key()));
          records.addAll(child.records());
          if (child.mode() == LabDnssec.Mode.UNSIGNED) {
            records.removeIf(r -> r.getType() == Type.DNSKEY);
            files.put(name.toString(), text(records));
          } else {
            boolean breakTlsa = child.mode() == LabDnssec.Mode.BOGUS_TLSA;
            files.put(
                name.toString(), text(signed(name, records, child.keys(), child.key(), breakTlsa)));
          }
        });
    return files;
  }

  /**
   * A TLSA record of a scenario, {@code "3 1 1 WHAT"}: WHAT is {@code mx1}, {@code mx2}..., {@code
   * ca} or {@code retired}, which {@code named} turns into the certificate it names, or hex data.
   */
  public static TLSARecord tlsa(
      String owner, String record, Function<String, X509Certificate> named) {
    String[] p = record.strip().split("\\s+");
    if (p.length != 4) {
      throw new IllegalArgumentException("TLSA record is \"USAGE SELECTOR TYPE WHAT\": " + record);
    }
    int usage = Integer.parseInt(p[0]);
    int selector = Integer.parseInt(p[1]);
    int type = Integer.parseInt(p[2]);
    byte[] data;
    // the tokens first, as in the in-process lab: "ca" is also valid hex
    if (p[3].equals("ca") || p[3].equals("retired") || p[3].matches("mx[1-9][0-9]?")) {
      data = associationData(named.apply(p[3]), selector, type);
    } else {
      data = HexFormat.of().parseHex(p[3]);
    }
    try {
      return new TLSARecord(
          Name.fromString(owner, Name.root), DClass.IN, TTL, usage, selector, type, data);
    } catch (TextParseException e) {
      throw new IllegalArgumentException(owner, e);
    }
  }

  /** The certificate association data of RFC 6698 §2.1: selector 0/1, matching type 0/1/2. */
  static byte[] associationData(X509Certificate cert, int selector, int matchingType) {
    try {
      byte[] selected = selector == 0 ? cert.getEncoded() : cert.getPublicKey().getEncoded();
      return switch (matchingType) {
        case 0 -> selected;
        case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
        case 2 -> MessageDigest.getInstance("SHA-512").digest(selected);
        default -> throw new IllegalArgumentException("matching type " + matchingType);
      };
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Record> apex(Name zone, DNSKEYRecord key) {
    List<Record> records = new ArrayList<>();
    try {
      records.add(
          new SOARecord(
              zone,
              DClass.IN,
              TTL,
              nameServer,
              Name.fromString("hostmaster", zone),
              1,
              3600,
              600,
              86400,
              TTL));
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
    records.add(new NSRecord(zone, DClass.IN, TTL, nameServer));
    records.add(key);
    return records;
  }

  /**
   * {@code records} with the NSEC chain and an RRSIG over every authoritative RRset (not over the
   * NS of a delegation, which the child owns); {@code breakTlsa} breaks the TLSA signatures.
   */
  private List<Record> signed(
      Name zone, List<Record> records, KeyPair keys, DNSKEYRecord key, boolean breakTlsa) {
    // owner -> type -> RRset, owners in canonical order (Name compares as RFC 4034 §6.1 says)
    TreeMap<Name, Map<Integer, RRset>> byName = new TreeMap<>();
    for (Record r : records) {
      byName
          .computeIfAbsent(r.getName(), n -> new LinkedHashMap<>())
          .computeIfAbsent(r.getType(), t -> new RRset())
          .addRR(r);
    }
    List<Name> names = new ArrayList<>(byName.keySet());
    for (int i = 0; i < names.size(); i++) {
      Name name = names.get(i);
      TreeSet<Integer> types = new TreeSet<>(byName.get(name).keySet());
      types.add(Type.RRSIG);
      types.add(Type.NSEC);
      Name next = names.get((i + 1) % names.size());
      NSECRecord nsec =
          new NSECRecord(
              name, DClass.IN, TTL, next, types.stream().mapToInt(Integer::intValue).toArray());
      byName.get(name).computeIfAbsent(Type.NSEC, t -> new RRset()).addRR(nsec);
    }
    Instant now = Instant.now();
    List<Record> out = new ArrayList<>();
    for (Map.Entry<Name, Map<Integer, RRset>> owner : byName.entrySet()) {
      boolean delegation = !owner.getKey().equals(zone) && owner.getValue().containsKey(Type.NS);
      for (RRset set : owner.getValue().values()) {
        out.addAll(set.rrs(false));
        if (delegation && set.getType() != Type.DS && set.getType() != Type.NSEC) {
          continue;
        }
        try {
          RRSIGRecord sig =
              DNSSEC.sign(
                  set,
                  key,
                  keys.getPrivate(),
                  now.minus(Duration.ofHours(1)),
                  now.plus(Duration.ofDays(7)));
          out.add(breakTlsa && set.getType() == Type.TLSA ? LabDnssec.broken(sig) : sig);
        } catch (DNSSEC.DNSSECException e) {
          throw new IllegalStateException("cannot sign " + set.getName(), e);
        }
      }
    }
    return out;
  }

  private static String text(List<Record> records) {
    StringBuilder text = new StringBuilder();
    records.forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  private static DNSKEYRecord key(Name zone, KeyPair keys) throws DNSSEC.DNSSECException {
    return new DNSKEYRecord(
        zone,
        DClass.IN,
        TTL,
        DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY,
        DNSKEYRecord.Protocol.DNSSEC,
        DNSSEC.Algorithm.ECDSAP256SHA256,
        keys.getPublic());
  }

  private static KeyPair newKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}
