package org.stslens.workbench.draft;

import java.time.Instant;
import java.util.Objects;

/**
 * A named policy draft as kept on disk.
 *
 * @param id stable file name stem (letters, digits and dashes)
 * @param name what the user calls it
 * @param domain the policy domain it is for (may be empty)
 * @param text the editor text (LF-separated)
 * @param savedAt when it was last written
 */
public record Draft(String id, String name, String domain, String text, Instant savedAt) {

  public Draft {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("bad draft id " + id);
    }
    name = name == null || name.isBlank() ? "Untitled draft" : name.strip();
    domain = domain == null ? "" : domain.strip();
    text = text == null ? "" : text;
    Objects.requireNonNull(savedAt, "savedAt");
  }

  public Draft withText(String newText, Instant at) {
    return new Draft(id, name, domain, newText, at);
  }

  public Draft withName(String newName) {
    return new Draft(id, newName, domain, text, savedAt);
  }

  public Draft withDomain(String newDomain) {
    return new Draft(id, name, newDomain, text, savedAt);
  }
}
