package org.stslens.workbench.publish;

import java.util.Objects;

/**
 * A piece of configuration to paste into a DNS zone or a web server.
 *
 * @param title what it is for, e.g. {@code nginx}
 * @param fileName the name it is exported under, e.g. {@code nginx.conf}
 * @param language a syntax hint for highlighting and Markdown fences, e.g. {@code nginx}
 * @param text the snippet itself, LF line endings, ending with a newline
 */
public record Snippet(String title, String fileName, String language, String text) {

  public Snippet {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
  }
}
