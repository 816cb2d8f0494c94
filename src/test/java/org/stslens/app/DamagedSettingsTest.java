package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.ui.settings.Settings;

/** A settings file that cannot be read is kept and reported, never silently overwritten. */
class DamagedSettingsTest {

  @TempDir Path dir;

  private static final Settings NEXT = Settings.defaults().withHistory(List.of("checked.example"));

  /** Every file of the folder whose bytes are exactly {@code bytes}. */
  private List<Path> filesHolding(byte[] bytes) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                try {
                  return java.util.Arrays.equals(Files.readAllBytes(f), bytes);
                } catch (java.io.IOException e) {
                  return false;
                }
              })
          .toList();
    }
  }

  private void loadThenSave(byte[] damaged) throws Exception {
    SettingsStore store = new SettingsStore(dir);
    Files.write(store.file(), damaged);
    assertThat(store.load()).isEqualTo(Settings.defaults());
    store.save(NEXT); // what the app does after the next check (the history)

    assertThat(filesHolding(damaged))
        .as("the unreadable file is still there, byte for byte")
        .singleElement()
        .satisfies(
            f -> assertThat(f.getFileName().toString()).startsWith("settings.properties.damaged-"));
    assertThat(new SettingsStore(dir).load()).isEqualTo(NEXT);
    assertThat(store.loadProblem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("could not be read")
                    .contains("settings.properties.damaged-"));
  }

  @Test
  void aLatin1ByteKeepsTheFileAside() throws Exception {
    loadThenSave(
        "dns.server=127.0.0.1\nhistory=caf\u00e9.example\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aBadUnicodeEscapeKeepsTheFileAside() throws Exception {
    loadThenSave(
        "dns.server=127.0.0.1\nhistory=\\uZZZZ.example\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aGoodFileHasNoProblemAndNoCopy() throws Exception {
    SettingsStore store = new SettingsStore(dir);
    store.save(NEXT);
    assertThat(store.load()).isEqualTo(NEXT);
    assertThat(store.loadProblem()).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(store.file());
    }
  }

  @Test
  void aFileThatCannotBeMovedAsideIsNeverOverwritten() throws Exception {
    Path folder = dir.resolve("config");
    SettingsStore store = new SettingsStore(folder);
    Files.createDirectories(folder);
    byte[] damaged = "history=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(store.file(), damaged);
    folder.toFile().setWritable(false);
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(folder), "running as root: the folder stays writable");
      assertThat(store.load()).isEqualTo(Settings.defaults());
      assertThat(store.loadProblem()).hasValueSatisfying(p -> assertThat(p).contains("not saved"));
      assertThat(catchThrowable(() -> store.save(NEXT))).hasMessageContaining("kept as it is");
      assertThat(Files.readAllBytes(store.file())).isEqualTo(damaged);
    } finally {
      folder.toFile().setWritable(true);
    }
  }
}
