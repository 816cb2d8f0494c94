package org.stslens.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The lab DNS data and the answers a validating recursive resolver would give from it: CNAME chains
 * followed inside the data, NXDOMAIN only for names that do not exist at all (empty non-terminals
 * answer NODATA). No wildcards, no delegation; DNSSEC records only when a {@link LabDnssec} signs
 * the zones and the query has the DO bit. The AD bit is a plain setting because the lab's MTA-STS
 * clients trust their resolver's AD bit, as MTA-STS clients do.
 */
final class DnsAnswers {

  /** More links than any sane zone has; a loop ends here with SERVFAIL, like real resolvers. */
  static final int MAX_CNAME_LINKS = 16;

  /** The EDNS payload size the lab advertises, the 2020 DNS flag day value. */
  static final int EDNS_PAYLOAD = 1232;

  private final Map<Name, List<Record>> recordsByName;
  private final Map<Name, List<Record>> foreignByQuestion;
  private final boolean authenticData;
  private final boolean chaseCnames;
  private final boolean additionalAddresses;

  /** The zones' keys and how they are signed; null for an unsigned lab (no DNSSEC records). */
  private final LabDnssec dnssec;

  DnsAnswers(List<Record> records, boolean authenticData) {
    this(records, Map.of(), authenticData, true, null, false);
  }

  /**
   * @param foreign per question name, records of other owners to add to its answers (a misbehaving
   *     server); only those of the asked type are added
   * @param chaseCnames false: an answer stops at the first CNAME, as from an authoritative server
   *     whose targets lie in other zones; the client asks for each link itself
   * @param additionalAddresses true: an MX answer carries the A and AAAA records of its targets in
   *     the additional section, as BIND's resolver does from its cache (unbound with local-data
   *     does not, nor with minimal-responses, its default since 1.8)
   */
  DnsAnswers(
      List<Record> records,
      Map<Name, List<Record>> foreign,
      boolean authenticData,
      boolean chaseCnames,
      LabDnssec dnssec,
      boolean additionalAddresses) {
    this.chaseCnames = chaseCnames;
    this.additionalAddresses = additionalAddresses;
    this.dnssec = dnssec;
    Map<Name, List<Record>> byName = new HashMap<>();
    for (Record record : records) {
      byName.computeIfAbsent(record.getName(), n -> new ArrayList<>()).add(record);
    }
    byName.replaceAll((name, list) -> List.copyOf(list));
    this.recordsByName = Map.copyOf(byName);
    Map<Name, List<Record>> copy = new HashMap<>();
    foreign.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    this.foreignByQuestion = Map.copyOf(copy);
    this.authenticData = authenticData;
  }

  /** The full answer to a well-formed query, before any misbehaviour is applied. */
  Message answer(Message query) {
    Record question = query.getQuestion();
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      return error(query, Rcode.NOTIMP);
    }
    if (question == null) {
      return error(query, Rcode.FORMERR);
    }
    if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
      return error(query, Rcode.REFUSED);
    }
    Message response = emptyResponse(query);
    boolean withDnssec = dnssec != null && LabDnssec.wantsDnssec(query);
    int rcode =
        withDnssec && dnssec.answerZoneData(question.getName(), question.getType(), response)
            ? Rcode.NOERROR
            : resolveInto(response, question.getName(), question.getType());
    boolean foreignAdded = false;
    for (Record record : foreignByQuestion.getOrDefault(question.getName(), List.of())) {
      if (question.getType() == Type.ANY || record.getType() == question.getType()) {
        response.addRecord(record, Section.ANSWER);
        foreignAdded = true;
      }
    }
    if (additionalAddresses && question.getType() == Type.MX) {
      addTargetAddresses(response);
    }
    // a server that puts records in the answer does not also say that the name does not exist
    response.getHeader().setRcode(foreignAdded && rcode == Rcode.NXDOMAIN ? Rcode.NOERROR : rcode);
    if (withDnssec) {
      dnssec.sign(query, response, this::typesAt);
    }
    if (authenticData) {
      response.getHeader().setFlag(Flags.AD);
    }
    return response;
  }

  /** RFC 1035 §3.3.9: the A (and AAAA) records of every MX target in the data, as additional. */
  private void addTargetAddresses(Message response) {
    for (Record answer : response.getSection(Section.ANSWER)) {
      if (answer instanceof MXRecord mx) {
        for (Record r : recordsByName.getOrDefault(mx.getTarget(), List.of())) {
          if (r.getType() == Type.A || r.getType() == Type.AAAA) {
            response.addRecord(r, Section.ADDITIONAL);
          }
        }
      }
    }
  }

  /** The types of the records at {@code name}, for an NSEC bitmap. */
  private java.util.Set<Integer> typesAt(Name name) {
    java.util.Set<Integer> types = new java.util.HashSet<>();
    for (Record r : recordsByName.getOrDefault(name, List.of())) {
      types.add(r.getType());
    }
    return types;
  }

  /** A reply with only the question and the given rcode (SERVFAIL, REFUSED, ...). */
  static Message error(Message query, int rcode) {
    Message response = emptyResponse(query);
    response.getHeader().setRcode(rcode);
    return response;
  }

  private int resolveInto(Message response, Name qname, int qtype) {
    Name current = qname;
    for (int links = 0; ; links++) {
      List<Record> here = recordsByName.get(current);
      if (here == null) {
        return isAncestorOfData(current) ? Rcode.NOERROR : Rcode.NXDOMAIN;
      }
      boolean answered = false;
      for (Record record : here) {
        if (qtype == Type.ANY || record.getType() == qtype) {
          response.addRecord(record, Section.ANSWER);
          answered = true;
        }
      }
      if (answered) {
        return Rcode.NOERROR;
      }
      CNAMERecord alias = cnameAt(here);
      if (alias == null || qtype == Type.CNAME) {
        return Rcode.NOERROR; // NODATA
      }
      if (links == MAX_CNAME_LINKS) {
        return Rcode.SERVFAIL;
      }
      response.addRecord(alias, Section.ANSWER);
      if (!chaseCnames) {
        return Rcode.NOERROR;
      }
      current = alias.getTarget();
    }
  }

  private static CNAMERecord cnameAt(List<Record> records) {
    for (Record record : records) {
      if (record instanceof CNAMERecord cname) {
        return cname;
      }
    }
    return null;
  }

  private boolean isAncestorOfData(Name name) {
    for (Name owner : recordsByName.keySet()) {
      if (!owner.equals(name) && owner.subdomain(name)) {
        return true;
      }
    }
    return false;
  }

  private static Message emptyResponse(Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.getHeader().setOpcode(query.getHeader().getOpcode());
    Record question = query.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    if (query.getOPT() != null) {
      response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, 0), Section.ADDITIONAL);
    }
    return response;
  }
}
