package org.stslens.workbench.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.workbench.edit.DraftAnalysis;

class DraftStoreTest {

  @TempDir Path dir;

  @Test
  void draftsRoundTripNewestFirst() throws Exception {
    DraftStore store = new DraftStore(dir.resolve("drafts"));
    Draft older =
        DraftStore.create(
            "first", "example.com", "mode: testing\n", Instant.parse("2026-11-28T10:00:00Z"));
    Draft newer =
        DraftStore.create(
            null, "", "\uFEFFversion: STSv1\n\tx", Instant.parse("2026-11-28T11:00:00Z"));
    store.save(older);
    store.save(newer);
    DraftStore.Listing listing = store.list();
    assertThat(listing.problems()).isEmpty();
    assertThat(listing.drafts()).containsExactly(newer, older);
    assertThat(listing.drafts().get(0).name()).isEqualTo("Untitled draft");
    store.save(older.withText("mode: enforce\n", Instant.parse("2026-11-28T12:00:00Z")));
    assertThat(store.list().drafts().get(0).text()).isEqualTo("mode: enforce\n");
    store.delete(newer.id());
    assertThat(store.list().drafts()).hasSize(1);
    try (var files = Files.list(store.folder())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aDamagedFileIsReportedAndKept() throws Exception {
    DraftStore store = new DraftStore(dir);
    Files.writeString(dir.resolve("broken.draft.json"), "{\"text\": ");
    store.save(DraftStore.create("ok", "", "x", Instant.EPOCH));
    DraftStore.Listing listing = store.list();
    assertThat(listing.drafts()).hasSize(1);
    assertThat(listing.problems()).singleElement().asString().contains("broken.draft.json");
    assertThat(dir.resolve("broken.draft.json")).exists();
  }

  @Test
  void aMissingFolderIsAnEmptyListing() {
    assertThat(new DraftStore(dir.resolve("nope")).list().drafts()).isEmpty();
  }

  @Test
  void templatesAreValidPoliciesWithTheCheckedMxHosts() {
    for (Templates t : List.of(Templates.TESTING_FIRST, Templates.ENFORCE, Templates.WITHDRAW)) {
      String text = t.text("example.com", List.of("mx1.example.com.", "mx2.example.com"));
      DraftAnalysis a = DraftAnalysis.of(text);
      assertThat(a.parsed().valid()).as(t.title()).isTrue();
      assertThat(a.diagnostics()).allSatisfy(d -> assertThat(d.finding().isError()).isFalse());
      assertThat(text).contains("mx: mx1.example.com\nmx: mx2.example.com\n");
    }
    assertThat(Templates.TESTING_FIRST.text("example.com", List.of()))
        .contains("mx: mail.example.com");
    assertThat(Templates.BLANK.text("example.com", List.of())).isEmpty();
  }
}
