package org.stslens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Architecture section is where a newcomer starts: it must name every package and
 * every rule that {@link ArchitectureTest} checks, so that it cannot quietly fall behind the code.
 */
class ReadmeArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java/org/stslens");

  @Test
  void theTreeNamesEveryTopLevelPackageAndEverySubPackage() throws IOException {
    String tree = packageTree();
    List<String> missing = new ArrayList<>();
    for (Path top : directories(SOURCES)) {
      String name = top.getFileName() + "/";
      if (!Pattern.compile("(?m)^  " + Pattern.quote(name)).matcher(tree).find()) {
        missing.add(name);
      }
      for (Path sub : directories(top)) {
        if (!Pattern.compile("(?m)^ {4,}.*\\b" + Pattern.quote(sub.getFileName() + "/"))
            .matcher(tree)
            .find()) {
          missing.add(top.getFileName() + "/" + sub.getFileName() + "/");
        }
      }
    }
    assertThat(missing).as("packages missing from the README's Architecture tree").isEmpty();
  }

  @Test
  void theSectionNamesEveryArchitectureRule() throws IOException {
    String section = architectureSection();
    List<String> rules =
        Arrays.stream(ArchitectureTest.class.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Test.class))
            .map(Method::getName)
            .sorted()
            .toList();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
    assertThat(rules)
        .as("ArchUnit rules the README's Architecture section does not name")
        .allMatch(rule -> section.contains("`" + rule + "`"));
  }

  @Test
  void theSectionNoLongerSpeaksOfAComingGui() throws IOException {
    assertThat(architectureSection()).doesNotContainIgnoringCase("coming GUI");
  }

  @Test
  void ciRunsTheReadmeTestCommandOnEveryPushAndPullRequest() throws IOException {
    String workflow = Files.readString(Path.of(".github/workflows/ci.yml"));
    assertThat(workflow).contains("push:").contains("pull_request:").contains("run: .ci/run");
    String run = Files.readString(Path.of(".ci/run"));
    Matcher command =
        Pattern.compile("\\| \\*\\*test\\*\\* it \\| `([^`]+)` \\|").matcher(readme());
    assertThat(command.find()).as("the README's test command").isTrue();
    assertThat(run.strip()).endsWith(command.group(1));
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  private static String architectureSection() throws IOException {
    String readme = readme();
    int start = readme.indexOf("\n## Architecture");
    assertThat(start).as("an Architecture section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static String packageTree() throws IOException {
    String section = architectureSection();
    int open = section.indexOf("```\nsrc/main/java/org/stslens/");
    assertThat(open).as("the package tree").isPositive();
    return section.substring(open, section.indexOf("```", open + 3));
  }

  private static List<Path> directories(Path parent) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(Files::isDirectory).sorted().toList();
    }
  }
}
