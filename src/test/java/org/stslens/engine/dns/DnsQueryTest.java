package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/** Which records of an answer answer the question, and which are another name's. */
class DnsQueryTest {

  private static final String STS = "_mta-sts.example.com.";

  private static DnsAnswer txt(String owner, String text) {
    return new DnsAnswer(owner, "TXT", 300, "\"" + text + "\"", List.of(text));
  }

  private static DnsAnswer cname(String owner, String target) {
    return new DnsAnswer(owner, "CNAME", 300, target, List.of());
  }

  private static DnsQuery query(String name, String type, List<String> chain, DnsAnswer... a) {
    return new DnsQuery(
        name,
        type,
        "127.0.0.1:53",
        "udp",
        1,
        DnsOutcome.NO_DATA,
        "NOERROR",
        false,
        List.of(a),
        chain,
        Optional.empty());
  }

  @Test
  void aRecordOfAnotherOwnerIsNeverTheAnswer() {
    DnsAnswer foreign = txt("unrelated.example.", "v=STSv1; id=999");
    DnsQuery q = query(STS, "TXT", List.of(STS), foreign);

    assertThat(q.records()).isEmpty();
    assertThat(q.txtStrings()).isEmpty();
    assertThat(q.foreignRecords()).containsExactly(foreign);
    assertThat(q.answers()).as("kept as evidence").containsExactly(foreign);
  }

  @Test
  void theOwnRecordIsKeptAndTheForeignOneSetApart() {
    DnsAnswer own = txt(STS, "v=STSv1; id=1");
    DnsAnswer foreign = txt("unrelated.example.", "v=STSv1; id=999");
    DnsQuery q = query(STS, "TXT", List.of(STS), own, foreign);

    assertThat(q.records()).containsExactly(own);
    assertThat(q.foreignRecords()).containsExactly(foreign);
  }

  @Test
  void ownerNamesCompareCaseInsensitivelyWithOrWithoutTheTrailingDot() {
    DnsAnswer own = txt("_MTA-STS.Example.COM.", "v=STSv1; id=1");
    DnsQuery q = query("_mta-sts.example.com", "TXT", List.of("_mta-sts.example.com"), own);

    assertThat(q.records()).containsExactly(own);
    assertThat(q.foreignRecords()).isEmpty();
  }

  @Test
  void theFinalRecordsetIsTheOneAtTheEndOfTheCnameChain() {
    DnsAnswer link = cname(STS, "sts.provider.net.");
    DnsAnswer record = txt("sts.provider.net.", "v=STSv1; id=1");
    DnsQuery q = query(STS, "TXT", List.of(STS, "sts.provider.net."), link, record);

    assertThat(q.records()).containsExactly(record);
    assertThat(q.foreignRecords()).isEmpty();
  }

  @Test
  void dataBesideACnameAndCnamesOffTheChainAreForeign() {
    DnsAnswer link = cname(STS, "sts.provider.net.");
    DnsAnswer beside = txt(STS, "v=STSv1; id=beside");
    DnsAnswer strayLink = cname("sts.provider.net.", "elsewhere.example.");
    DnsAnswer record = txt("sts.provider.net.", "v=STSv1; id=1");
    DnsQuery q =
        query(STS, "TXT", List.of(STS, "sts.provider.net."), link, beside, strayLink, record);

    assertThat(q.records()).containsExactly(record);
    assertThat(q.foreignRecords()).containsExactly(beside, strayLink);
  }

  @Test
  void aDnameAboveTheChainAndOtherTypesAtTheAnswerNameAreNotForeign() {
    DnsAnswer dname = new DnsAnswer("example.com.", "DNAME", 300, "example.net.", List.of());
    DnsAnswer synthesised = cname(STS, "_mta-sts.example.net.");
    DnsAnswer record = txt("_mta-sts.example.net.", "v=STSv1; id=1");
    DnsAnswer signature =
        new DnsAnswer("_mta-sts.example.net.", "RRSIG", 300, "TXT 13 3 300 ...", List.of());
    DnsQuery q =
        query(
            STS,
            "TXT",
            List.of(STS, "_mta-sts.example.net."),
            dname,
            synthesised,
            record,
            signature);

    assertThat(q.records()).containsExactly(record);
    assertThat(q.foreignRecords()).isEmpty();
  }

  @Test
  void addressesComeOnlyFromTheAskedName() {
    DnsAnswer own = new DnsAnswer("mx1.example.com.", "A", 300, "127.0.0.2", List.of());
    DnsAnswer foreign = new DnsAnswer("evil.example.", "A", 300, "127.0.0.66", List.of());
    DnsQuery q = query("mx1.example.com.", "A", List.of("mx1.example.com."), own, foreign);

    assertThat(DnsClient.addresses(q))
        .extracting(java.net.InetAddress::getHostAddress)
        .containsExactly("127.0.0.2");
  }

  @Test
  void theFindingNamesTheForeignOwnersAndTypesInTheStageThatAsked() {
    DnsQuery q =
        query(
            STS,
            "TXT",
            List.of(STS),
            txt("unrelated.example.", "v=STSv1; id=999"),
            new DnsAnswer("other.example.", "A", 300, "127.0.0.9", List.of()));

    Finding f = Discovery.foreignRecords(q, CheckStage.RETRIEVAL).orElseThrow();

    assertThat(f.code()).isEqualTo(Code.DNS_FOREIGN_RECORDS);
    assertThat(f.stage()).isEqualTo(CheckStage.RETRIEVAL);
    assertThat(f.target()).isEqualTo(STS + " TXT");
    assertThat(f.message()).contains("unrelated.example. TXT").contains("other.example. A");
    assertThat(Discovery.foreignRecords(query(STS, "TXT", List.of(STS)), CheckStage.DISCOVERY))
        .isEmpty();
  }

  private static String dig(String server) {
    return new DnsQuery(
            STS,
            "TXT",
            server,
            "udp",
            1,
            DnsOutcome.ANSWER,
            "NOERROR",
            false,
            List.of(),
            List.of(),
            java.util.Optional.empty())
        .digCommand();
  }

  @Test
  void digCommandNamesAnIpv6ResolverAndItsPortApart() {
    assertThat(dig("[::1]:53")).isEqualTo("dig @::1 " + STS + " TXT +adflag");
    assertThat(dig("[2001:db8::53]:5353"))
        .isEqualTo("dig @2001:db8::53 -p 5353 " + STS + " TXT +adflag");
    assertThat(dig("127.0.0.1:5353")).isEqualTo("dig @127.0.0.1 -p 5353 " + STS + " TXT +adflag");
    assertThat(dig("192.0.2.1:53")).isEqualTo("dig @192.0.2.1 " + STS + " TXT +adflag");
    assertThat(dig("")).isEqualTo("dig " + STS + " TXT +adflag");
  }
}
