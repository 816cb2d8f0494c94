package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domains and host names typed on the command line go through the one normaliser. */
class DomainEntryCliTest {

  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void checkSaysWhyANameIsNotADomain() {
    assertThat(run("check", "mail_server.example.com")).isEqualTo(2);
    assertThat(cli.err()).contains("not a domain name").contains("`_`").contains("U+005F");
  }

  @Test
  void checkExplainsTheHyphenRules() {
    assertThat(run("check", "mail.example-.com")).isEqualTo(2);
    assertThat(cli.err()).contains("ends with a hyphen");
  }

  @Test
  void policyLintMatchesAnInternationalisedMxByItsALabel(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(
        file,
        "version: STSv1\r\nmode: enforce\r\nmx: mx.xn--strae-oqa.de\r\nmax_age: 604800\r\n",
        StandardCharsets.UTF_8);

    int code = run("policy", "lint", file.toString(), "--mx", "MX.Straße.de");

    assertThat(code).as(cli.out()).isZero();
    assertThat(cli.out())
        .contains("mx.xn--strae-oqa.de: covered by mx.xn--strae-oqa.de")
        .doesNotContain("strasse");
  }

  @Test
  void policyLintRefusesAnMxThatIsNotAHostName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(
        file, "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n");

    assertThat(run("policy", "lint", file.toString(), "--mx", "mail server.example.com"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--mx").contains("a space");
  }
}
