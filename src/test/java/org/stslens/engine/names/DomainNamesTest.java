package org.stslens.engine.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

  @Test
  void nameIsLowerCasedWithOneTrailingDotRemoved() {
    assertThat(DomainNames.normalize("Mail.Example.COM.")).contains("mail.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u212Aexample.com", // KELVIN SIGN lower-cases to ASCII k
        "192.0.2.1",
        "mail.123",
        "a..b",
        "-a.example",
        "",
        "x.."
      })
  void nonLdhNamesAreRejected(String name) {
    assertThat(DomainNames.normalize(name)).isEmpty();
  }

  @Test
  void digitsAreFineOutsideTheTopLabel() {
    assertThat(DomainNames.normalize("123.example")).contains("123.example");
  }
}
