package org.stslens.workbench.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.stslens.engine.io.BoundedFile;

/**
 * Drafts in a folder of the user's data directory, one JSON file each, written to a temporary file
 * and moved into place, so a crash or kill during a save leaves the previous version intact. A file
 * that cannot be read is reported and left alone, never deleted.
 *
 * <p>The file name is a draft's identity: {@code <id>.draft.json}. The {@code id} written inside is
 * not trusted, so a copied or renamed file is a draft of its own, two files never give one id
 * twice, and deleting a draft deletes the file it was read from. Only regular files are read: a
 * FIFO with the suffix would block the listing.
 */
public final class DraftStore {

  private static final String SUFFIX = ".draft.json";
  private static final int MAX_FILE_BYTES = 4 << 20;

  private final Path folder;
  private final ObjectMapper json = new ObjectMapper();

  public DraftStore(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** A new, unsaved draft with a fresh id. */
  public static Draft create(String name, String domain, String text, Instant now) {
    return new Draft(UUID.randomUUID().toString(), name, domain, text, now);
  }

  /** Every readable draft, most recently saved first, and the problems with the unreadable ones. */
  public Listing list() {
    List<Draft> drafts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Listing(drafts, problems);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path file : files) {
        try {
          drafts.add(read(file));
        } catch (IOException | RuntimeException e) {
          problems.add(
              file.getFileName()
                  + " could not be read ("
                  + e.getMessage()
                  + "); it is kept as it is.");
        }
      }
    } catch (IOException e) {
      problems.add("The drafts folder " + folder + " could not be read: " + e.getMessage());
    }
    drafts.sort(Comparator.comparing(Draft::savedAt).reversed().thenComparing(Draft::id));
    removeStaleTemporaries();
    return new Listing(drafts, problems);
  }

  /**
   * A save killed between writing and moving leaves its temporary file; the draft itself is intact.
   * Only old ones go: a young one may belong to a save in progress in another window.
   */
  private void removeStaleTemporaries() {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "*.tmp")) {
      long cutoff = System.currentTimeMillis() - 60_000;
      for (Path temp : temps) {
        if (Files.getLastModifiedTime(temp).toMillis() < cutoff) {
          Files.deleteIfExists(temp);
        }
      }
    } catch (IOException e) {
      // leftovers are harmless; the next listing tries again
    }
  }

  /** Writes the draft atomically (temporary file, then move). */
  public void save(Draft draft) throws IOException {
    Files.createDirectories(folder);
    ObjectNode node = json.createObjectNode();
    node.put("format", 1);
    node.put("id", draft.id());
    node.put("name", draft.name());
    node.put("domain", draft.domain());
    node.put("savedAt", draft.savedAt().toString());
    node.put("text", draft.text());
    Path target = file(draft.id());
    Path temp = Files.createTempFile(folder, draft.id(), ".tmp");
    try {
      Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public void delete(String id) throws IOException {
    Files.deleteIfExists(file(id));
  }

  private Path file(String id) {
    return folder.resolve(id + SUFFIX);
  }

  private Draft read(Path file) throws IOException {
    JsonNode node = json.readTree(BoundedFile.read(file, MAX_FILE_BYTES));
    if (node == null || !node.isObject() || !node.path("text").isTextual()) {
      throw new IOException("not a draft file");
    }
    String name = file.getFileName().toString();
    return new Draft(
        name.substring(0, name.length() - SUFFIX.length()),
        node.path("name").asText(),
        node.path("domain").asText(),
        node.path("text").asText(),
        Instant.parse(node.path("savedAt").asText()));
  }

  /**
   * @param drafts the readable drafts, newest first
   * @param problems one sentence per unreadable file
   */
  public record Listing(List<Draft> drafts, List<String> problems) {
    public Listing {
      drafts = List.copyOf(drafts);
      problems = List.copyOf(problems);
    }
  }
}
