package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitExporterTest {

  private static final String[] NAMES = {
    "mta-sts.txt",
    "txt-record.txt",
    "zone.txt",
    "nginx.conf",
    "apache-httpd.conf",
    "Caddyfile",
    "web.config",
    "CHECKLIST.md",
    "WITHDRAW.md",
    "withdraw-mta-sts.txt"
  };

  private final KitExporter exporter = new KitExporter();

  @Test
  void writesEveryFileIntoAnEmptyFolder(@TempDir Path folder) throws IOException {
    PublishingKit kit = Kits.enforce();

    Path written = exporter.export(kit, folder);

    assertThat(written).isEqualTo(folder);
    assertThat(list(folder)).containsExactlyInAnyOrder(NAMES);
    assertThat(Files.readAllBytes(folder.resolve("mta-sts.txt"))).isEqualTo(kit.fileBytes());
    assertThat(folder.resolve("txt-record.txt"))
        .content(StandardCharsets.UTF_8)
        .contains("_mta-sts.example.com", "v=STSv1; id=" + Kits.ID);
    assertThat(folder.resolve("nginx.conf"))
        .content(StandardCharsets.UTF_8)
        .isEqualTo(kit.snippet("nginx.conf").orElseThrow().text());
    assertThat(folder.resolve("CHECKLIST.md"))
        .content(StandardCharsets.UTF_8)
        .isEqualTo(kit.checklist().toMarkdown());
    assertThat(Files.readAllBytes(folder.resolve("withdraw-mta-sts.txt")))
        .isEqualTo(
            "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(folder.resolve("WITHDRAW.md"))
        .content(StandardCharsets.UTF_8)
        .startsWith("# Withdraw MTA-STS from example.com\n")
        .contains("keep serving the mode none policy until 12 December 2026, 13:05 UTC")
        .contains("_mta-sts.example.com TXT \"v=STSv1; id=none" + Kits.ID + "\"");
  }

  @Test
  void createsAMissingFolder(@TempDir Path parent) throws IOException {
    Path folder = parent.resolve("a/b");

    assertThat(exporter.export(Kits.enforce(), folder)).isEqualTo(folder);
    assertThat(folder.resolve("mta-sts.txt")).exists();
  }

  @Test
  void neverOverwritesAndWritesIntoANewSubfolderInstead(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("nginx.conf"), "mine");

    Path first = exporter.export(Kits.enforce(), folder);
    Path second = exporter.export(Kits.enforce(), folder);

    assertThat(folder.resolve("nginx.conf")).hasContent("mine");
    assertThat(first).isEqualTo(folder.resolve("mta-sts-kit-" + Kits.ID));
    assertThat(second).isEqualTo(folder.resolve("mta-sts-kit-" + Kits.ID + "-2"));
    assertThat(list(first)).containsExactlyInAnyOrder(NAMES);
    assertThat(list(second)).containsExactlyInAnyOrder(NAMES);
    assertThat(list(folder))
        .containsExactlyInAnyOrder(
            "nginx.conf", "mta-sts-kit-" + Kits.ID, "mta-sts-kit-" + Kits.ID + "-2");
  }

  @Test
  void otherFilesInTheFolderDoNotMatter(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("notes.txt"), "mine");

    assertThat(exporter.export(Kits.enforce(), folder)).isEqualTo(folder);
    assertThat(folder.resolve("notes.txt")).hasContent("mine");
  }

  private static String[] list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
    }
  }
}
