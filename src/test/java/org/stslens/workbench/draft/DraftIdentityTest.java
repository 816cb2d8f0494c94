package org.stslens.workbench.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.io.Fifos;

/** The file name is a draft's identity; the listing skips what is not a regular file. */
class DraftIdentityTest {

  @TempDir Path dir;

  private static String draftJson(String id, String name) {
    return "{\"format\":1,\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"domain\":\"example.com\",\"savedAt\":\"2026-12-01T10:00:00Z\","
        + "\"text\":\"mode: testing\\n\"}";
  }

  @Test
  void aDraftWhoseIdDiffersFromItsFileNameStaysDeleted() throws Exception {
    DraftStore store = new DraftStore(dir);
    Files.writeString(dir.resolve("copied.draft.json"), draftJson("original", "Copy"));
    Draft listed = store.list().drafts().get(0);
    store.delete(listed.id());
    assertThat(store.list().drafts()).isEmpty();
    assertThat(dir.resolve("copied.draft.json")).doesNotExist();
  }

  @Test
  void twoFilesWithOneIdAreTwoDrafts() throws Exception {
    DraftStore store = new DraftStore(dir);
    Files.writeString(dir.resolve("a.draft.json"), draftJson("same", "A"));
    Files.writeString(dir.resolve("b.draft.json"), draftJson("same", "B"));
    assertThat(store.list().drafts()).extracting(Draft::id).containsExactlyInAnyOrder("a", "b");
    store.delete("a");
    assertThat(store.list().drafts()).extracting(Draft::name).containsExactly("B");
  }

  @Test
  void aSavedDraftIsListedUnderItsOwnId() throws Exception {
    DraftStore store = new DraftStore(dir);
    Draft d = DraftStore.create("Mine", "example.com", "mode: testing\n", Instant.now());
    store.save(d);
    assertThat(store.list().drafts()).containsExactly(d);
  }

  @Test
  void aFifoNamedLikeADraftIsSkippedWithANote() throws Exception {
    DraftStore store = new DraftStore(dir);
    Fifos.make(dir.resolve("pipe.draft.json"));
    Files.writeString(dir.resolve("ok.draft.json"), draftJson("ok", "Fine"));
    DraftStore.Listing listing =
        CompletableFuture.supplyAsync(store::list).get(20, TimeUnit.SECONDS);
    assertThat(listing.drafts()).extracting(Draft::name).containsExactly("Fine");
    assertThat(listing.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("pipe.draft.json").contains("FIFO"));
  }
}
