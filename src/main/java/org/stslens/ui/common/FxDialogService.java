package org.stslens.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs, owned by the window {@code owner} gives at the time of asking. */
public final class FxDialogService implements DialogService {

  private final Supplier<Window> owner;

  /**
   * @param owner the window the dialogs stay above (may give null)
   */
  public FxDialogService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> showOpenDialog(FileDialog dialog) {
    return path(chooser(dialog).showOpenDialog(owner.get()));
  }

  @Override
  public Optional<Path> showSaveDialog(FileDialog dialog) {
    return path(chooser(dialog).showSaveDialog(owner.get()));
  }

  @Override
  public Optional<Path> showDirectoryDialog(String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    return path(chooser.showDialog(owner.get()));
  }

  @Override
  public Optional<String> askForText(String title, String header, String initial) {
    TextInputDialog dialog = new TextInputDialog(initial);
    dialog.initOwner(owner.get());
    dialog.setTitle(title);
    dialog.setHeaderText(header);
    return dialog.showAndWait();
  }

  private static FileChooser chooser(FileDialog dialog) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(dialog.title());
    if (!dialog.initialFileName().isEmpty()) {
      chooser.setInitialFileName(dialog.initialFileName());
    }
    for (Filter f : dialog.filters()) {
      chooser
          .getExtensionFilters()
          .add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
    }
    return chooser;
  }

  private static Optional<Path> path(File file) {
    return Optional.ofNullable(file).map(File::toPath);
  }
}
