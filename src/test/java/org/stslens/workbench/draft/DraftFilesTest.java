package org.stslens.workbench.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's file rules without a window: what it opens, what it refuses, what it writes. */
class DraftFilesTest {

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void aPolicyFileOpensAsItsText() throws IOException {
    Path file =
        write("mta-sts.txt", "version: STSv1\r\nmode: none\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(DraftFiles.open(file))
        .isEqualTo(new DraftFiles.Opened(file, "version: STSv1\r\nmode: none\r\n", false));
  }

  @Test
  void aTextFileLargerThanTheCapIsRefusedForItsSize() throws IOException {
    byte[] text = "mx: mail.example.com\n".repeat(DraftFiles.MAX_OPEN_BYTES / 21 + 1).getBytes();
    assertThat(text.length).isGreaterThan(DraftFiles.MAX_OPEN_BYTES);
    DraftFiles.Opening opening = DraftFiles.open(write("huge.txt", text));
    assertThat(opening).isInstanceOf(DraftFiles.Refused.class);
    DraftFiles.Refused refused = (DraftFiles.Refused) opening;
    assertThat(refused.reason()).isEqualTo(DraftFiles.Reason.TOO_LARGE);
    assertThat(refused.message()).startsWith("huge.txt is larger than 1 MiB: not opened.");
  }

  @Test
  void aFileAtTheCapOpensButIsMarkedTooLargeForSenders() throws IOException {
    byte[] text = "a".repeat(DraftFiles.MAX_OPEN_BYTES).getBytes();
    DraftFiles.Opening opening = DraftFiles.open(write("big.txt", text));
    assertThat(opening)
        .isInstanceOfSatisfying(
            DraftFiles.Opened.class, o -> assertThat(o.tooLargeForSenders()).isTrue());
    byte[] limit = "a".repeat(DraftFiles.SENDER_LIMIT_BYTES).getBytes();
    assertThat(DraftFiles.open(write("limit.txt", limit)))
        .isInstanceOfSatisfying(
            DraftFiles.Opened.class, o -> assertThat(o.tooLargeForSenders()).isFalse());
  }

  @Test
  void aBinaryFileIsRefusedAsBinary() throws IOException {
    Path file = write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    assertThat(DraftFiles.open(file))
        .isInstanceOfSatisfying(
            DraftFiles.Refused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(DraftFiles.Reason.BINARY);
              assertThat(r.message()).contains("logo.png looks like a binary file");
            });
  }

  @Test
  void aMissingFileOrAFolderIsRefusedAsUnreadable() {
    assertThat(DraftFiles.open(dir.resolve("nope.txt")))
        .isInstanceOfSatisfying(
            DraftFiles.Refused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(DraftFiles.Reason.UNREADABLE);
              assertThat(r.message()).endsWith(": not opened.");
            });
    assertThat(DraftFiles.open(dir))
        .isInstanceOfSatisfying(
            DraftFiles.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(DraftFiles.Reason.UNREADABLE));
  }

  @Test
  void binaryDetectionLooksAtNulAndControlBytes() {
    assertThat(
            DraftFiles.looksBinary(
                "version: STSv1\r\n\tmode: none".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(DraftFiles.looksBinary(new byte[0])).isFalse();
    assertThat(DraftFiles.looksBinary(new byte[] {'a', 0, 'b'})).isTrue();
    assertThat(DraftFiles.looksBinary(new byte[] {1, 2, 3, 4, 'a'})).isTrue();
  }

  @Test
  void savingWritesTheCanonicalPolicyFile() throws IOException {
    Path file = dir.resolve("out.txt");
    int written = DraftFiles.save(file, "\uFEFFversion: STSv1\nmode: testing\n\n\n");
    assertThat(Files.readAllBytes(file))
        .isEqualTo("version: STSv1\r\nmode: testing\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(written).isEqualTo(Files.size(file));
  }

  @Test
  void savingIntoAMissingFolderFails() {
    assertThatThrownBy(() -> DraftFiles.save(dir.resolve("missing/out.txt"), "mode: none\n"))
        .isInstanceOf(IOException.class);
  }
}
