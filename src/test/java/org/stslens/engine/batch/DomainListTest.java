package org.stslens.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainListTest {

  private static List<BatchLine> read(String text) {
    List<BatchLine> lines = new ArrayList<>();
    new DomainList(new BufferedReader(new StringReader(text))).forEachRemaining(lines::add);
    return lines;
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndLineNumbersKept() {
    assertThat(
            read(
                "\uFEFF# customers\n"
                    + "Example.COM\n"
                    + "\n"
                    + "   \t\n"
                    + "  mail.example.org   # trailing comment\r\n"
                    + "#example.net\n"
                    + "postmaster@example.net\n"))
        .containsExactly(
            new BatchLine.Domain(2, "example.com"),
            new BatchLine.Domain(5, "mail.example.org"),
            new BatchLine.Domain(7, "example.net"));
  }

  @Test
  void aLineThatIsNoDomainIsBadWithItsNumberAndReason() {
    List<BatchLine> lines = read("a.test\nexample..com\nb.test\nfoo bar\n");

    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).isInstanceOf(BatchLine.Bad.class);
    BatchLine.Bad bad = (BatchLine.Bad) lines.get(1);
    assertThat(bad.line()).isEqualTo(2);
    assertThat(bad.text()).isEqualTo("example..com");
    assertThat(bad.reason()).isNotBlank();
    assertThat(lines.get(3)).isInstanceOf(BatchLine.Bad.class);
    assertThat(lines.get(2)).isEqualTo(new BatchLine.Domain(3, "b.test"));
  }
}
