package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {

  private static String apply(String text, Completion c) {
    return text.substring(0, c.start()) + c.insert() + text.substring(c.end());
  }

  @Test
  void keysAreProposedAtTheStartOfALine() {
    String text = "version: STSv1\nma";
    List<Completion> proposals = Completions.at(text, text.length(), List.of());
    assertThat(proposals).extracting(Completion::label).containsExactly("max_age");
    assertThat(apply(text, proposals.get(0))).isEqualTo("version: STSv1\nmax_age: ");
  }

  @Test
  void modeWordsAreProposedAfterTheColon() {
    String text = "mode: ";
    assertThat(Completions.at(text, text.length(), List.of()))
        .extracting(Completion::label)
        .containsExactly("testing", "enforce", "none");
    String partial = "mode:en";
    Completion enforce = Completions.at(partial, partial.length(), List.of()).get(0);
    assertThat(apply(partial, enforce)).isEqualTo("mode: enforce");
  }

  @Test
  void mxHostsOfTheLastCheckAreProposed() {
    String text = "mx: ";
    assertThat(Completions.at(text, text.length(), List.of("mx1.example.com.")))
        .extracting(Completion::label)
        .containsExactly("mx1.example.com", "*.example.com");
  }
}
