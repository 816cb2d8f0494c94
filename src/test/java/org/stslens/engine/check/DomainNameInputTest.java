package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stslens.engine.check.DomainNameInput.Domain;
import org.stslens.engine.check.DomainNameInput.NotADomain;

/** UTS #46 non-transitional processing, and a reason for every refusal. */
class DomainNameInputTest {

  private static String reason(String typed) {
    DomainNameInput.Reading r = DomainNameInput.read(typed);
    assertThat(r).as(typed).isInstanceOf(NotADomain.class);
    return ((NotADomain) r).reason();
  }

  @ParameterizedTest
  @CsvSource({
    "straße.de, xn--strae-oqa.de",
    "STRASSE.de, strasse.de",
    "faß.de, xn--fa-hia.de",
    "bücher.example, xn--bcher-kva.example",
    "XN--STRAE-OQA.DE, xn--strae-oqa.de",
    "Example.COM., example.com",
    "mail@Bücher.example, xn--bcher-kva.example",
    "https://example.com/path, example.com",
    "例え.テスト, xn--r8jz45g.xn--zckzah",
    "例え。テスト, xn--r8jz45g.xn--zckzah",
    "ﬁ.example, fi.example"
  })
  void namesBecomeLowerCaseALabelsNonTransitionally(String typed, String ascii) {
    assertThat(DomainNameInput.read(typed)).isEqualTo(new Domain(ascii));
    assertThat(DomainNameInput.normalize(typed)).contains(ascii);
  }

  @Test
  void sharpSIsNotMappedToSs() {
    // java.net.IDN (IDNA2003) gives strasse.de: someone else's domain
    assertThat(DomainNameInput.normalize("straße.de"))
        .isNotEqualTo(java.util.Optional.of("strasse.de"));
  }

  @Test
  void aDisallowedCharacterIsNamed() {
    assertThat(reason("mail_server.example.com")).contains("`_`").contains("U+005F");
    assertThat(reason("exa mple.com")).contains("a space").contains("U+0020");
    assertThat(reason("example!.com")).contains("`!`");
  }

  @Test
  void hyphenRulesAreExplained() {
    assertThat(reason("-example.com")).contains("starts with a hyphen");
    assertThat(reason("example-.com")).contains("ends with a hyphen");
    assertThat(reason("ab--cd.example")).contains("3rd and 4th");
  }

  @Test
  void theBidiRuleIsExplained() {
    // a Hebrew label followed by a Latin letter in the same label breaks RFC 5893
    assertThat(reason("\u05D0\u05D1a.example")).contains("bidi rule");
  }

  @Test
  void contextRulesAreExplained() {
    assertThat(reason("a\u200Db.example")).contains("zero-width joiner");
  }

  @Test
  void otherShapesAreExplained() {
    assertThat(reason("example..com")).contains("empty label");
    assertThat(reason("localhost")).contains("single label");
    assertThat(reason("192.0.2.1")).contains("IP address");
    assertThat(reason("xn--zz.example")).contains("Punycode");
    assertThat(reason("a".repeat(64) + ".example")).contains("63");
    assertThat(reason("   ")).contains("nothing");
    assertThat(DomainNameInput.normalize(null)).isEmpty();
  }
}
