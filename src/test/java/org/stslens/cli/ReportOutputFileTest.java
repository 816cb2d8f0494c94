package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;

/**
 * {@code check -o FILE}: a path that cannot take the report is a usage error before the check runs
 * (no progress line on standard error), an existing file needs --force, and the file is written
 * atomically.
 */
class ReportOutputFileTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private TestWorld world;
  private final List<String> check = new ArrayList<>();

  @BeforeEach
  void world() throws Exception {
    world = new TestWorld();
    world.standardDns("out.test", "20261128", "mx1.out.test");
    world.policyHost("out.test", TestWorld.policy("enforce", "mx1.out.test"));
    world.goodMx(0, "mx1.out.test");
    check.addAll(List.of("check", "out.test", "--format", "json"));
    // the CA in a folder of its own: the tests look at what the check writes into dir
    check.addAll(world.checkArguments(Files.createDirectories(dir.resolve("ca"))));
  }

  @AfterEach
  void close() {
    world.close();
  }

  private int run(String... more) {
    List<String> args = new ArrayList<>(check);
    args.addAll(List.of(more));
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args.toArray(new String[0]));
  }

  /** The check never started: each finished stage prints "[status] name N ms" on stderr. */
  private void assertNoCheckRan() {
    assertThat(err.toString()).doesNotContainPattern("\\d+ ms");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aDirectoryIsRefusedBeforeTheCheck() {
    assertThat(run("-o", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("-o " + dir + ": is a directory");
    assertNoCheckRan();
    assertThat(run("-o", dir.resolve("new") + "/")).isEqualTo(2);
    assertThat(err.toString()).contains("names a directory");
  }

  @Test
  void aMissingFolderIsRefusedBeforeTheCheck() {
    assertThat(run("-o", "/nonexistent/x")).isEqualTo(2);
    assertThat(err.toString())
        .contains("-o /nonexistent/x: the folder /nonexistent does not exist");
    assertNoCheckRan();
  }

  @Test
  void aDeviceIsRefusedBeforeTheCheck() {
    assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
    assertThat(run("-o", "/dev/full")).isEqualTo(2);
    assertThat(err.toString()).contains("-o /dev/full: is not a regular file");
    assertNoCheckRan();
  }

  @Test
  void anExistingFileNeedsForce() throws Exception {
    Path report = Files.writeString(dir.resolve("report.json"), "yesterday's report");
    assertThat(run("-o", report.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("the file exists; add --force to replace it");
    assertNoCheckRan();
    assertThat(Files.readString(report)).isEqualTo("yesterday's report");

    assertThat(run("-q", "-o", report.toString(), "--force")).as(err.toString()).isZero();
    assertThat(Files.readString(report)).contains("\"verdict\" : \"enforced\"");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temporary file left")
          .containsExactlyInAnyOrder("ca", "report.json");
    }
  }

  @Test
  void aNewFileIsWritten() throws Exception {
    Path report = dir.resolve("new.json");
    assertThat(run("-q", "-o", report.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(report)).contains("\"verdict\" : \"enforced\"");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aWriteThatFailsAfterTheCheckPrintsTheReportInstead() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("gone"));
    ReportTarget target = ReportTarget.of(folder.resolve("r.txt").toString(), false).target().get();
    Files.delete(folder); // the folder disappears while the check runs
    boolean written =
        target.write("the report\n", new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(written).isFalse();
    assertThat(out.toString()).isEqualTo("the report\n");
    assertThat(err.toString())
        .contains("the report could not be written to " + folder.resolve("r.txt"))
        .contains("it follows on standard output instead");
  }

  /** The same check with another --format. */
  private int runAs(String format, String... more) {
    List<String> args = new ArrayList<>(check);
    args.set(args.indexOf("json"), format);
    args.addAll(List.of(more));
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args.toArray(new String[0]));
  }

  @Test
  void aPdfIsNeverWrittenToStandardOutput() {
    assertThat(runAs("pdf")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--format pdf makes a binary file, which is not written to standard output")
        .contains("add -o FILE");
    assertNoCheckRan();
  }

  @Test
  void aPdfGoesToTheFileAndReadsBackWithTheVerdict() throws Exception {
    Path report = dir.resolve("report.pdf");
    assertThat(runAs("pdf", "-q", "-o", report.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).isEmpty();
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(report.toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text.replaceAll("\\s+", " "))
          .containsSubsequence(
              "Verdict: Enforced", "MX hosts", "mx1.out.test", "deliver", "Fix these first");
    }
  }

  @Test
  void aPdfThatCannotBeWrittenIsNotDumpedOnTheTerminal() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("gone"));
    ReportTarget target = ReportTarget.of(folder.resolve("r.pdf").toString(), false).target().get();
    Files.delete(folder);
    assertThat(target.write(new byte[] {'%', 'P', 'D', 'F'}, new PrintWriter(err, true))).isFalse();
    assertThat(err.toString()).contains("could not be written to " + folder.resolve("r.pdf"));
    assertThat(out.toString()).isEmpty();
  }
}
