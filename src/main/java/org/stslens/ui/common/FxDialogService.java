package org.stslens.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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
  public List<Path> showOpenMultipleDialog(FileDialog dialog) {
    List<File> files = chooser(dialog).showOpenMultipleDialog(owner.get());
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
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

  @Override
  public boolean confirm(String title, String header, String detail, String action) {
    ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, go, ButtonType.CANCEL);
    alert.initOwner(owner.get());
    alert.setTitle(title);
    alert.setHeaderText(header);
    // the safe answer is the default one
    ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
    ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    return alert.showAndWait().filter(go::equals).isPresent();
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
