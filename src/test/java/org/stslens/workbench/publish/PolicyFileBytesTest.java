package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyFileBytesTest {

  private static final String CANONICAL =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";

  @Test
  void lfBecomesCrlfAtTheByteLevel() {
    byte[] bytes = PolicyFileBytes.of("version: STSv1\nmode: none\n");

    assertThat(bytes)
        .containsExactly(
            'v', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', 'S', 'T', 'S', 'v', '1', 0x0D, 0x0A, 'm',
            'o', 'd', 'e', ':', ' ', 'n', 'o', 'n', 'e', 0x0D, 0x0A);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800",
        "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n",
        "version: STSv1\rmode: enforce\rmx: mail.example.com\rmax_age: 604800\r",
        "version: STSv1\r\nmode: enforce\nmx: mail.example.com\rmax_age: 604800\n",
        "\uFEFFversion: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n",
        "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n\n\n",
        "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n \t\r\n\n",
      })
  void everyLayoutOfTheSamePolicyGivesTheSameCanonicalText(String editorText) {
    assertThat(PolicyFileBytes.canonicalText(editorText)).isEqualTo(CANONICAL);
    assertThat(PolicyFileBytes.of(editorText))
        .isEqualTo(CANONICAL.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void noByteOrderMarkIsWritten() {
    byte[] bytes = PolicyFileBytes.of("\uFEFFversion: STSv1\n");

    assertThat(bytes[0]).isEqualTo((byte) 'v');
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFEFF");
  }

  @Test
  void endsWithExactlyOneCrlf() {
    byte[] bytes = PolicyFileBytes.of("mode: none\r\n\r\n");

    assertThat(bytes).endsWith(':', ' ', 'n', 'o', 'n', 'e', 0x0D, 0x0A);
    assertThat(bytes[bytes.length - 3]).isNotEqualTo((byte) 0x0A);
  }

  @Test
  void noBareLfOrCrIsLeft() {
    String text = PolicyFileBytes.canonicalText("a: 1\r\rb: 2\n\rc: 3");

    assertThat(text.replace("\r\n", "")).doesNotContain("\r", "\n");
    assertThat(text).isEqualTo("a: 1\r\n\r\nb: 2\r\n\r\nc: 3\r\n");
  }

  @Test
  void blankLinesInsideThePolicyAreKeptAsTheUserWroteThem() {
    assertThat(PolicyFileBytes.canonicalText("a: 1\n\nb: 2\n")).isEqualTo("a: 1\r\n\r\nb: 2\r\n");
  }

  @Test
  void nonAsciiIsEncodedAsUtf8() {
    assertThat(PolicyFileBytes.of("x: é\n")).containsExactly('x', ':', ' ', 0xC3, 0xA9, 0x0D, 0x0A);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "\r\n\r\n", "\uFEFF", "  \n\t"})
  void blankTextGivesAnEmptyFile(String editorText) {
    assertThat(PolicyFileBytes.of(editorText)).isEmpty();
  }

  @Test
  void nullIsTreatedAsEmpty() {
    assertThat(PolicyFileBytes.of(null)).isEmpty();
  }

  @Test
  void canonicalTextIsAFixedPoint() {
    String once = PolicyFileBytes.canonicalText("\uFEFFa: 1\rb: 2\n\n");

    assertThat(PolicyFileBytes.canonicalText(once)).isEqualTo(once);
  }
}
