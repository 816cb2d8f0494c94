package org.stslens.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.CheckStage;

class LearnContentTest {

  @Test
  void sixQuestionsWithTheKeyFacts() {
    var questions = LearnContent.questions("example.com");
    assertThat(questions).hasSize(6);
    String all =
        questions.stream()
            .map(q -> q.question() + " " + q.plainAnswer() + " " + q.example())
            .reduce("", String::concat);
    assertThat(all)
        .contains("mta-sts.txt", "/.well-known/", "443", "_mta-sts", "DNSSEC", "outbound")
        .contains("v=STSv1; id=")
        .doesNotContain("**", "`");
  }

  @Test
  void eachAnswerPointsAtTheStageWhereItCanBeSeen() {
    var byId = LearnContent.questions("example.com");
    assertThat(byId)
        .extracting(LearnContent.Question::id, LearnContent.Question::stage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("protocol", CheckStage.RETRIEVAL),
            org.assertj.core.groups.Tuple.tuple("file-name", CheckStage.RETRIEVAL),
            org.assertj.core.groups.Tuple.tuple("directory", CheckStage.RETRIEVAL),
            org.assertj.core.groups.Tuple.tuple("txt-record", CheckStage.DISCOVERY),
            org.assertj.core.groups.Tuple.tuple("dnssec", CheckStage.DISCOVERY),
            org.assertj.core.groups.Tuple.tuple("direction", CheckStage.MX));
  }

  @Test
  void examplesUseTheCheckedDomainNormalised() {
    assertThat(LearnContent.exampleDomain(Optional.of(" Example.ORG. "))).isEqualTo("example.org");
    assertThat(LearnContent.exampleDomain(Optional.of("  "))).isEqualTo("example.com");
    assertThat(LearnContent.exampleDomain(Optional.empty())).isEqualTo("example.com");
    assertThat(LearnContent.questions("example.org").get(2).example())
        .contains("https://mta-sts.example.org/.well-known/mta-sts.txt");
  }

  @Test
  void answersAreTheOnesOfTheProductDescription() {
    var q = LearnContent.questions("example.com");
    assertThat(q.get(0).plainAnswer())
        .startsWith("HTTPS (port 443). SMTP is what MTA-STS protects, not how the policy travels");
    assertThat(q.get(4).plainAnswer())
        .isEqualTo(
            "No. The HTTPS certificate authenticates the policy; DNSSEC is optional (that is the"
                + " difference from DANE).");
    assertThat(q.get(5).plainAnswer())
        .isEqualTo(
            "The receiving domain publishes it to protect its inbound mail; sending servers"
                + " enforce it on their outbound delivery.");
  }

  @Test
  void glossaryHasAtLeastTwelveNonEmptyEntries() {
    assertThat(Glossary.entries()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(Glossary.entries())
        .allSatisfy(
            e -> {
              assertThat(e.term()).isNotBlank();
              assertThat(e.definition()).isNotBlank();
            });
    assertThat(Glossary.entries())
        .extracting(Glossary.Entry::term)
        .contains("MTA", "MX", "STARTTLS", "MTA-STS", "SNI", "SAN", "TLS-RPT", "DANE", "DNSSEC");
  }

  @Test
  void theDaneTopicAnswersWhichOneAppliesAndWhetherMtaStsNeedsDnssec() {
    LearnContent.Topic t = LearnContent.daneTopic("example.org");
    String all = String.join(" ", t.paragraphs().stream().map(LearnContent::plain).toList());
    assertThat(t.title()).isEqualTo("MTA-STS and DANE: which one, and why both");
    assertThat(all)
        .contains("applies DANE first wherever the MX has DNSSEC-secure TLSA records (RFC 8461 §2)")
        .contains("Do you need DNSSEC for MTA-STS? No.")
        .contains("_25._tcp.<mx>");
    assertThat(t.example()).startsWith("_25._tcp.mail.example.org.  IN  TLSA  3 1 1");
  }
}
