package org.stslens.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The operating system's dialogs behind an interface, as JabRef's {@code DialogService}: views ask
 * it for a path or a text and never build a chooser themselves, and tests hand in a double that
 * answers as a user would. Call on the FX thread; every method blocks until the user answers.
 */
public interface DialogService {

  /** The file the user chose to open, or empty when they cancelled. */
  Optional<Path> showOpenDialog(FileDialog dialog);

  /** The files the user chose to open (several at once), or empty when they cancelled. */
  List<Path> showOpenMultipleDialog(FileDialog dialog);

  /** The file the user chose to write, or empty when they cancelled. */
  Optional<Path> showSaveDialog(FileDialog dialog);

  /** The folder the user chose, or empty when they cancelled. */
  Optional<Path> showDirectoryDialog(String title);

  /** A line of text the user typed (e.g. a new name), or empty when they cancelled. */
  Optional<String> askForText(String title, String header, String initial);

  /**
   * Asks before something that cannot be undone.
   *
   * @param action the button that goes ahead ("Forget")
   * @return true only when the user pressed {@code action}
   */
  boolean confirm(String title, String header, String detail, String action);

  /**
   * What a file dialog shows.
   *
   * @param initialFileName the suggested name (save dialogs), or empty
   * @param filters the file types offered, the first one selected
   */
  record FileDialog(String title, String initialFileName, List<Filter> filters) {
    public FileDialog {
      initialFileName = initialFileName == null ? "" : initialFileName;
      filters = List.copyOf(filters);
    }
  }

  /** A file type of a file dialog: "PEM certificate" with {@code *.pem}, {@code *.crt}. */
  record Filter(String description, List<String> patterns) {
    public Filter {
      patterns = List.copyOf(patterns);
    }

    public static Filter of(String description, String... patterns) {
      return new Filter(description, List.of(patterns));
    }
  }
}
