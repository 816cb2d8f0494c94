package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The options and parent commands the subcommands share behave alike everywhere. */
class SharedOptionsCliTest {

  private final CliRun cli = new CliRun();
  @TempDir static Path dir;
  private static String policyFile;

  @BeforeAll
  static void policy() throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(
        file, "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n");
    policyFile = file.toString();
  }

  @ParameterizedTest
  @CsvSource({
    "lab list --format ' JSON '",
    "txt lint --format Json v=STSv1;id=1",
    "policy lint --format JSON FILE"
  })
  void formatIsReadAlikeByEveryCommandThatPrintsTextOrJson(String line) throws Exception {
    cli.run(args(line));
    assertThat(cli.err()).doesNotContain("unknown format");
    new ObjectMapper().readTree(cli.out()); // JSON, whatever the verdict
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab list", "txt lint v=STSv1;id=1", "policy lint FILE"})
  void anUnknownFormatIsAUsageErrorThatNamesTheChoices(String line) {
    String[] words = args(line + " --format yaml");
    assertThat(cli.run(words)).isEqualTo(2);
    assertThat(cli.err()).contains("unknown format 'yaml' (text, json)");
  }

  @ParameterizedTest
  @CsvSource({"policy, lint", "txt, lint", "lab, serve"})
  void aParentCommandAlonePrintsItsUsage(String parent, String sub) {
    assertThat(cli.run(parent)).isZero();
    assertThat(cli.out()).contains("Usage: stslens " + parent).contains(sub);
  }

  /** Splits on spaces, except inside '…' (kept with its spaces, quotes removed). */
  private static String[] args(String line) {
    java.util.List<String> words = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1) : m.group(2);
      words.add(word.equals("FILE") ? policyFile : word);
    }
    return words.toArray(String[]::new);
  }
}
