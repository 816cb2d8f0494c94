package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds picocli's model of only the subcommand it names (issue 14: a cold {@code policy
 * lint} spent its time building the whole tree), and behaves exactly as the whole tree does.
 */
class LazyCommandTreeTest {

  private static CommandLine forArgs(String... args) {
    return StsLensCommand.commandLine(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }

  @Test
  void aLintBuildsOnlyItsOwnCommand() {
    assertThat(forArgs("policy", "lint", "mta-sts.txt").getSubcommands())
        .containsOnlyKeys("policy");
    assertThat(forArgs("txt", "lint", "v=STSv1; id=1").getSubcommands()).containsOnlyKeys("txt");
    assertThat(forArgs("check", "example.com").getSubcommands()).containsOnlyKeys("check");
  }

  @Test
  void withoutAnExactCommandNameTheWholeTreeIsBuilt() {
    List<String> all = List.of("check", "policy", "txt", "lab", "tlsrpt");
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"polcy", "lint"},
            new String[] {"Policy", "lint"},
            new String[] {"@args.txt"})) {
      assertThat(List.copyOf(forArgs(args).getSubcommands().keySet()))
          .as(String.join(" ", args))
          .isEqualTo(all);
    }
  }

  /** What one run printed and returned. */
  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(boolean lazy, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    CommandLine cli =
        lazy ? StsLensCommand.commandLine(o, e, args) : StsLensCommand.commandLine(o, e);
    int exit = cli.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void everyAnswerIsTheWholeTreesAnswer(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.txt");
    Files.writeString(
        good, "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "version: STSv1\nMode: enforce\nmx: *.example.com\nmax_age: 1\n");
    String g = good.toString();
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {});
    cases.add(new String[] {"--help"});
    cases.add(new String[] {"--version"});
    cases.add(new String[] {"--bogus"});
    cases.add(new String[] {"polcy", "lint", g});
    cases.add(new String[] {"help", "policy"});
    cases.add(new String[] {"policy"});
    cases.add(new String[] {"policy", "--help"});
    cases.add(new String[] {"policy", "lnt", g});
    cases.add(new String[] {"policy", "lint"});
    cases.add(new String[] {"policy", "lint", "--help"});
    cases.add(new String[] {"policy", "lint", g});
    cases.add(new String[] {"policy", "lint", g, g});
    cases.add(new String[] {"policy", "lint", bad.toString(), "--mx", "a.b.example.com"});
    cases.add(new String[] {"policy", "lint", "--format", "json", bad.toString()});
    cases.add(new String[] {"policy", "lint", "--format", "yaml", g});
    cases.add(new String[] {"policy", "lint", dir.resolve("missing.txt").toString()});
    cases.add(new String[] {"policy", "lint", g, "--mx", "not a host"});
    cases.add(new String[] {"policy", "tlsa", "--help"});
    cases.add(new String[] {"txt"});
    cases.add(new String[] {"txt", "lint", "v=STSv1; id=20261128T1200"});
    cases.add(new String[] {"txt", "lint", "v=STSv1; id=2026-11-28"});
    cases.add(new String[] {"check", "--help"});
    cases.add(new String[] {"check"});
    cases.add(new String[] {"check", "-lead.com"});
    cases.add(new String[] {"check", "--bogus", "example.com"});
    cases.add(new String[] {"lab", "list"});
    cases.add(new String[] {"tlsrpt", "--help"});
    for (String[] args : cases) {
      assertThat(run(true, args)).as(String.join(" ", args)).isEqualTo(run(false, args));
    }
  }
}
