package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyParser;

class PublishingKitTest {

  @Test
  void txtRecordHasTheUnderscoreNameAndAFreshId() {
    PublishingKit kit = Kits.enforce();

    assertThat(kit.domain()).isEqualTo("example.com");
    assertThat(kit.txtName()).isEqualTo("_mta-sts.example.com");
    assertThat(kit.txtValue()).isEqualTo("v=STSv1; id=" + Kits.ID);
    assertThat(kit.policyUrl()).isEqualTo("https://mta-sts.example.com/.well-known/mta-sts.txt");
  }

  @Test
  void theIdChangesWhenTheLiveIdIsTheFreshOne() {
    PublishingKit kit =
        PublishingKit.build(
            "example.com", Kits.ENFORCE_LF, Kits.CLOCK, Optional.of(Kits.ID), Optional.empty());

    assertThat(kit.id().value()).isNotEqualTo(Kits.ID);
    assertThat(kit.txtValue()).doesNotEndWith("id=" + Kits.ID);
  }

  @Test
  void fileBytesAreCrlfUtf8WithoutBomAndEndWithOneCrlf() {
    PublishingKit kit =
        Kits.of("\uFEFF" + Kits.ENFORCE_LF.replace("\n", "\r\n").replaceFirst("\r\n", "\n"));

    byte[] bytes = kit.fileBytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(Kits.ENFORCE_LF.replace("\n", "\r\n"));
    assertThat(bytes[0]).isEqualTo((byte) 'v');
    assertThat(bytes[bytes.length - 2]).isEqualTo((byte) 0x0D);
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0x0A);
    assertThat(bytes[bytes.length - 3]).isEqualTo((byte) '0');
  }

  @Test
  void fileBytesAreACopy() {
    PublishingKit kit = Kits.enforce();
    kit.fileBytes()[0] = 'X';

    assertThat(kit.fileBytes()[0]).isEqualTo((byte) 'v');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Kits.ENFORCE_LF,
        "\uFEFFversion: STSv1\r\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n\n\n",
        "version: STSv1\nmode: none\nmax_age: 86400",
        "version: STSv1\nmode: Enforce\nmx: mail.example.com\nmax_age: 1\n",
        "version: STSv1\n\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n  \n",
      })
  void publishedBytesParseWithoutFindingsTheTextDidNotHave(String draft) {
    ParsedPolicy text = PolicyParser.parse(draft);
    PublishingKit kit = Kits.of(draft);

    ParsedPolicy file = PolicyParser.parse(kit.fileBytes());

    assertThat(codes(file)).isSubsetOf(codes(text));
    assertThat(codes(file)).doesNotContain(Code.POLICY_BOM, Code.POLICY_LINE_ENDINGS);
    assertThat(file.valid()).isEqualTo(text.valid());
    assertThat(file.policy()).isEqualTo(text.policy());
    assertThat(kit.parsedFile().findings()).isEqualTo(file.findings());
  }

  @Test
  void theFileOfAValidDraftHasNoFindingsAtAll() {
    ParsedPolicy file = PolicyParser.parse(Kits.enforce().fileBytes());

    assertThat(file.valid()).isTrue();
    assertThat(file.findings()).isEmpty();
    assertThat(file.policy().orElseThrow().mode()).isEqualTo(Mode.ENFORCE);
  }

  @Test
  void snippetsComeInAFixedOrderWithDistinctFileNames() {
    assertThat(Kits.enforce().snippets())
        .extracting(Snippet::fileName)
        .containsExactly("zone.txt", "nginx.conf", "apache-httpd.conf", "Caddyfile", "web.config");
    assertThat(Kits.enforce().snippet("Caddyfile")).isPresent();
    assertThat(Kits.enforce().snippet("nope")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a domain", "example..com", "192.0.2.1"})
  void anInvalidDomainIsRefused(String domain) {
    assertThatThrownBy(
            () ->
                PublishingKit.build(
                    domain, Kits.ENFORCE_LF, Kits.CLOCK, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a domain name");
  }

  private static Set<Code> codes(ParsedPolicy parsed) {
    return parsed.findings().stream().map(Finding::code).collect(Collectors.toSet());
  }
}
