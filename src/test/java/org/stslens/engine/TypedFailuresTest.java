package org.stslens.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No branch of the engine reads a message: outcomes are enums and records, and messages are built
 * from them (issue 12, item 4). A grep over the engine's sources, since ArchUnit sees calls but not
 * what a string is compared with.
 *
 * <p>The JDK keeps some failures only in text (the errno of a failed connect, a received TLS
 * alert): the classes that turn that text into a type are the only ones allowed to read it.
 */
class TypedFailuresTest {

  /**
   * The engine's sources; {@code -Dstslens.engineSources=DIR} scans another tree (e.g. old code).
   */
  private static final Path ENGINE =
      Path.of(System.getProperty("stslens.engineSources", "src/main/java/org/stslens/engine"));

  /** Where the JDK's text becomes a type, once. */
  private static final Set<String> JDK_TEXT_BOUNDARY =
      Set.of("net/ConnectFailure.java", "net/HandshakeFailure.java");

  private static final String SEARCH =
      "(contains|startsWith|matches|indexOf|equals|equalsIgnoreCase)";

  /** A message, an exception's text or an error text, possibly lower-cased, then searched. */
  private static final Pattern MESSAGE_SEARCHED =
      Pattern.compile(
          "(getMessage|message|error|getLocalizedMessage)\\(\\)\\)?"
              + "(\\s*\\.\\s*(toLowerCase|toUpperCase|strip|trim)\\([^)]*\\))*"
              + "\\s*\\.\\s*"
              + SEARCH
              + "\\(");

  /** {@code error().map(e -> e.startsWith(...))} and the like. */
  private static final Pattern LAMBDA_SEARCHED =
      Pattern.compile(
          "(getMessage|message|error)\\(\\)\\s*\\.\\s*(map|filter|anyMatch)\\(\\s*(\\w+)\\s*->"
              + "[^;]*?\\b\\3\\s*\\.\\s*"
              + SEARCH
              + "\\(");

  /** Failure words looked for in some text: the sign of an outcome read back from words. */
  private static final Pattern FAILURE_WORD_SEARCHED =
      Pattern.compile(
          "\\.\\s*"
              + SEARCH
              + "\\(\\s*\"[^\"]*(timed out|timeout|unreachable|refused|reset|protocol.version"
              + "|servfail|nxdomain)",
          Pattern.CASE_INSENSITIVE);

  @Test
  void noEngineBranchReadsAMessage() throws IOException {
    assertThat(ENGINE).isDirectory();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ENGINE)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = ENGINE.relativize(file).toString().replace('\\', '/');
        if (!JDK_TEXT_BOUNDARY.contains(relative)) {
          violations.addAll(violations(relative, Files.readString(file)));
        }
      }
    }
    assertThat(violations).as("branches on message text").isEmpty();
  }

  @Test
  void theScanSeesTheFormsItForbids() {
    assertThat(violations("A.java", "if (e.getMessage().contains(\"x\")) {}")).hasSize(1);
    assertThat(
            violations(
                "A.java",
                "boolean b = f.message()\n    .toLowerCase(Locale.ROOT)\n"
                    + "    .contains(\"network is unreachable\");"))
        .isNotEmpty();
    assertThat(violations("A.java", "last.error().map(e -> !e.startsWith(\"timeout\"))"))
        .isNotEmpty();
    assertThat(violations("A.java", "String.valueOf(cause.getMessage()).toLowerCase().x();"))
        .isEmpty();
    assertThat(violations("A.java", "text.contains(\"timed out\")")).isNotEmpty();
    assertThat(violations("A.java", "// if (e.getMessage().contains(\"x\")) in a comment"))
        .isEmpty();
    assertThat(violations("A.java", "keywords().contains(\"STARTTLS\")")).isEmpty();
  }

  private static List<String> violations(String file, String source) {
    String code = withoutComments(source);
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(MESSAGE_SEARCHED, LAMBDA_SEARCHED, FAILURE_WORD_SEARCHED)) {
      Matcher m = p.matcher(code);
      while (m.find()) {
        int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        found.add(file + ":" + line + ": " + m.group().replaceAll("\\s+", " "));
      }
    }
    return found;
  }

  /** The code without comments, line breaks kept so that line numbers stay right. */
  private static String withoutComments(String source) {
    String blocks =
        Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL)
            .matcher(source)
            .replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
    return blocks.replaceAll("//[^\\n]*", "");
  }
}
