package org.stslens.workbench.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that autosaves a draft on every "keystroke" is killed with SIGKILL in the middle of
 * typing; what is on disk afterwards is a complete version of the draft, never a torn file.
 */
class AutosaveUnderKillTest {

  @TempDir Path dir;

  /** The child: types a policy line by line forever, autosaving after each character. */
  public static void main(String[] args) throws Exception {
    DraftStore store = new DraftStore(Path.of(args[0]));
    var executor = Executors.newSingleThreadExecutor();
    DraftAutosaver saver = new DraftAutosaver(store, executor, System.err::println);
    Draft draft = new Draft("typing", "typing", "example.com", "", Instant.now());
    StringBuilder text = new StringBuilder();
    for (long i = 0; ; i++) {
      text.append(i % 40 == 39 ? '\n' : (char) ('a' + i % 26));
      // every version ends with its own length, so a torn or mixed file would show
      draft = draft.withText(text + "#" + text.length(), Instant.now());
      saver.changed(draft);
      Thread.sleep(0, 200_000);
    }
  }

  @Test
  void aKilledEditorLeavesACompleteDraft() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AutosaveUnderKillTest.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && savedLength() < 2_000) {
        Thread.sleep(50);
      }
      assertThat(savedLength()).as("the child saved while typing").isGreaterThanOrEqualTo(2_000);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
      child.waitFor(10, TimeUnit.SECONDS);
    }
    DraftStore.Listing listing = new DraftStore(dir).list();
    assertThat(listing.problems()).isEmpty();
    List<Draft> drafts = listing.drafts();
    assertThat(drafts).hasSize(1);
    String text = drafts.get(0).text();
    int hash = text.lastIndexOf('#');
    assertThat(Integer.parseInt(text.substring(hash + 1))).isEqualTo(hash);
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".draft.json"))).hasSize(1);
    }
  }

  private int savedLength() {
    try {
      return new DraftStore(dir)
          .list().drafts().stream().mapToInt(d -> d.text().length()).max().orElse(0);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
