package org.stslens.ui.stages.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsAnswer;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsQuery;

/** The answers column shows the domain's own records, and another name's as ignored. */
class DiscoveryAnswersTest {

  @Test
  void aForeignRecordIsShownAsIgnoredAndNotAsTheAnswer() {
    DnsQuery q =
        new DnsQuery(
            "_mta-sts.example.com.",
            "TXT",
            "127.0.0.1:53",
            "udp",
            1,
            DnsOutcome.NO_DATA,
            "NOERROR",
            false,
            List.of(
                new DnsAnswer(
                    "unrelated.example.",
                    "TXT",
                    300,
                    "\"v=STSv1; id=999\"",
                    List.of("v=STSv1; id=999"))),
            List.of("_mta-sts.example.com."),
            Optional.empty());

    assertThat(DiscoveryView.answers(q))
        .startsWith("(no records)")
        .contains("[ignored, another name's: unrelated.example. TXT \"v=STSv1; id=999\"]");
  }
}
