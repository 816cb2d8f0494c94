package org.stslens.lab;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DNSSEC for the lab: a signed parent zone (the scenario domain's parent, {@code lab.example.})
 * whose key is the lab's trust anchor, and the scenario's own zone below it, either signed (its DS
 * in the parent), provably unsigned (the parent's NSEC says: no DS), or signed with broken
 * signatures on its TLSA records. Keys are made per lab start (ECDSA P-256, one key per zone, SEP
 * flag set). Negative answers are signed online with "black lies" (an NSEC at the asked name that
 * lists only the types present), so that no zone-wide NSEC chain is needed. Only queries with the
 * DO bit get DNSSEC records, as from a real server.
 */
public final class LabDnssec {

  /** How the scenario's own zone is published. */
  public enum Mode {
    /** Signed, its DS in the signed parent: answers validate as secure. */
    SIGNED,
    /** Not signed, and the parent proves there is no DS: answers are insecure. */
    UNSIGNED,
    /** Signed, but the signatures over TLSA records are broken: those answers are bogus. */
    BOGUS_TLSA;

    /** {@code signed}, {@code unsigned}, {@code bogus-tlsa} as in the scenario JSON. */
    public static Mode parse(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  private static final long TTL = 300;

  private final Name parent;
  private final Name child;
  private final Mode mode;
  private final KeyPair parentKeys;
  private final KeyPair childKeys;
  private final DNSKEYRecord parentKey;
  private final DNSKEYRecord childKey;

  private LabDnssec(Name child, Mode mode) throws GeneralSecurityException, DNSSEC.DNSSECException {
    this.child = child;
    this.parent = new Name(child, 1);
    this.mode = mode;
    this.parentKeys = newKeys();
    this.childKeys = newKeys();
    int flags = DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY;
    this.parentKey =
        new DNSKEYRecord(
            parent,
            DClass.IN,
            TTL,
            flags,
            DNSKEYRecord.Protocol.DNSSEC,
            DNSSEC.Algorithm.ECDSAP256SHA256,
            parentKeys.getPublic());
    this.childKey =
        new DNSKEYRecord(
            child,
            DClass.IN,
            TTL,
            flags,
            DNSKEYRecord.Protocol.DNSSEC,
            DNSSEC.Algorithm.ECDSAP256SHA256,
            childKeys.getPublic());
  }

  /** New keys for {@code domain}'s zone and its parent's. */
  public static LabDnssec create(String domain, Mode mode) {
    try {
      return new LabDnssec(Name.fromString(domain.endsWith(".") ? domain : domain + "."), mode);
    } catch (java.io.IOException | GeneralSecurityException | DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot make DNSSEC keys for " + domain, e);
    }
  }

  public Mode mode() {
    return mode;
  }

  /** The trust anchor of the lab: the parent zone's DS, in zone-file form. */
  public String trustAnchor() {
    return new DSRecord(parent, DClass.IN, TTL, DNSSEC.Digest.SHA256, parentKey) + "\n";
  }

  /** True when the query asks for DNSSEC records (EDNS DO bit). */
  static boolean wantsDnssec(Message query) {
    OPTRecord opt = query.getOPT();
    return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
  }

  /**
   * Answers the zones' own records (DNSKEY, DS of the child, SOA) into {@code response}; returns
   * false when the question is not about them.
   */
  boolean answerZoneData(Name qname, int qtype, Message response) {
    List<Record> records = new ArrayList<>();
    if (qtype == Type.DNSKEY && qname.equals(parent)) {
      records.add(parentKey);
    } else if (qtype == Type.DNSKEY && qname.equals(child) && mode != Mode.UNSIGNED) {
      records.add(childKey);
    } else if (qtype == Type.DS && qname.equals(child)) {
      if (mode != Mode.UNSIGNED) {
        records.add(new DSRecord(child, DClass.IN, TTL, DNSSEC.Digest.SHA256, childKey));
      }
      // unsigned: NODATA, which sign() proves with the parent's NSEC
    } else if (qtype == Type.SOA && (qname.equals(parent) || qname.equals(child))) {
      records.add(soa(qname));
    } else {
      return false;
    }
    records.forEach(r -> response.addRecord(r, Section.ANSWER));
    response.getHeader().setRcode(Rcode.NOERROR);
    return true;
  }

  /**
   * Adds the DNSSEC records to a finished response: RRSIGs over every signed RRset, and for a
   * negative answer in a known zone its SOA and, where signed, an NSEC at the asked name (NXDOMAIN
   * becomes NODATA, as with online signers).
   *
   * @param typesAt the record types that exist at a name, for the NSEC bitmap
   */
  void sign(Message query, Message response, Function<Name, Set<Integer>> typesAt) {
    Record question = query.getQuestion();
    Name finalName = question.getName();
    boolean answered = false;
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof org.xbill.DNS.CNAMERecord c && r.getName().equals(finalName)) {
        finalName = c.getTarget();
      }
      if (r.getName().equals(finalName) && r.getType() == question.getType()) {
        answered = true;
      }
    }
    int rcode = response.getRcode();
    if (!answered && (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN)) {
      Name zone = zoneOf(finalName, question.getType());
      if (zone != null) {
        response.addRecord(soa(zone), Section.AUTHORITY);
        if (signs(zone)) {
          Set<Integer> types = new TreeSet<>(typesAt.apply(finalName));
          if (zone.equals(parent) && finalName.equals(child)) {
            types.clear();
            types.add(Type.NS); // the delegation point, seen from the parent
          }
          types.add(Type.RRSIG);
          types.add(Type.NSEC);
          response.addRecord(
              new NSECRecord(
                  finalName,
                  DClass.IN,
                  TTL,
                  next(finalName),
                  types.stream().mapToInt(Integer::intValue).toArray()),
              Section.AUTHORITY);
          response.getHeader().setRcode(Rcode.NOERROR);
        }
      }
    }
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (RRset set : rrsets(response.getSection(section))) {
        Name zone = zoneOf(set.getName(), set.getType());
        if (zone != null && signs(zone)) {
          response.addRecord(signature(set, zone), section);
        }
      }
    }
  }

  private RRSIGRecord signature(RRset set, Name zone) {
    boolean atParent = zone.equals(parent);
    Instant now = Instant.now();
    try {
      RRSIGRecord sig =
          DNSSEC.sign(
              set,
              atParent ? parentKey : childKey,
              (atParent ? parentKeys : childKeys).getPrivate(),
              now.minus(Duration.ofHours(1)),
              now.plus(Duration.ofDays(7)));
      if (mode == Mode.BOGUS_TLSA && !atParent && set.getType() == Type.TLSA) {
        return broken(sig);
      }
      return sig;
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot sign " + set.getName(), e);
    }
  }

  /**
   * {@code sig} with one byte of its signature changed, so that it no longer verifies: how the lab
   * makes a bogus answer, online here and in the zone files of {@link LabSignedZones}.
   */
  static RRSIGRecord broken(RRSIGRecord sig) {
    byte[] broken = sig.getSignature();
    broken[broken.length / 2] ^= 0x5a;
    return new RRSIGRecord(
        sig.getName(),
        sig.getDClass(),
        sig.getTTL(),
        sig.getTypeCovered(),
        sig.getAlgorithm(),
        sig.getOrigTTL(),
        sig.getExpire(),
        sig.getTimeSigned(),
        sig.getFootprint(),
        sig.getSigner(),
        broken);
  }

  /** The zone a record of {@code type} at {@code name} lives in; null outside the lab's zones. */
  private Name zoneOf(Name name, int type) {
    // The DS of the child, and in an unsigned child the NSEC that denies it, are the parent's.
    boolean parentSide =
        name.equals(child) && (type == Type.DS || (type == Type.NSEC && mode == Mode.UNSIGNED));
    if (name.subdomain(child) && !parentSide) {
      return child;
    }
    return name.subdomain(parent) ? parent : null;
  }

  private boolean signs(Name zone) {
    return zone.equals(parent) || mode != Mode.UNSIGNED;
  }

  private SOARecord soa(Name zone) {
    try {
      return new SOARecord(
          zone,
          DClass.IN,
          TTL,
          Name.concatenate(Name.fromConstantString("ns"), zone),
          Name.concatenate(Name.fromConstantString("hostmaster"), zone),
          1,
          3600,
          600,
          86400,
          TTL);
    } catch (NameTooLongException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The name right after {@code name} in canonical order: {@code \000.name}. */
  private static Name next(Name name) {
    try {
      return Name.concatenate(Name.fromString("\\000", null), name);
    } catch (java.io.IOException e) {
      return name;
    }
  }

  private static List<RRset> rrsets(List<Record> records) {
    Map<String, RRset> sets = new LinkedHashMap<>();
    for (Record r : records) {
      if (r.getType() == Type.RRSIG || r.getType() == Type.OPT) {
        continue;
      }
      sets.computeIfAbsent(r.getName() + "/" + r.getType(), k -> new RRset()).addRR(r);
    }
    return List.copyOf(sets.values());
  }

  private static KeyPair newKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}
