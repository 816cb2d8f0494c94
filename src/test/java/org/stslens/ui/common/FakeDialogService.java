package org.stslens.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A test double of the operating system's dialogs: answers with the paths and texts a test queued
 * (as a user would pick them) and remembers what was asked. Nothing queued means "cancelled" (and
 * "no" to a confirmation).
 */
public final class FakeDialogService implements DialogService {

  private final Deque<Path> paths = new ArrayDeque<>();
  private final Deque<String> texts = new ArrayDeque<>();
  private final Deque<List<Path>> several = new ArrayDeque<>();
  private final Deque<Boolean> answers = new ArrayDeque<>();

  /** The headers of every confirmation asked, in order. */
  public final List<String> confirmations = new ArrayList<>();

  /** Every file dialog shown, in order. */
  public final List<FileDialog> fileDialogs = new ArrayList<>();

  /** The titles of every folder dialog shown, in order. */
  public final List<String> directoryDialogs = new ArrayList<>();

  /** The user will pick {@code path} in the next file or folder dialog. */
  public FakeDialogService choose(Path path) {
    paths.add(path);
    return this;
  }

  /** The user will pick {@code chosen} in the next dialog that opens several files. */
  public FakeDialogService chooseAll(List<Path> chosen) {
    several.add(List.copyOf(chosen));
    return this;
  }

  /** The user will answer the next confirmation with {@code yes}. */
  public FakeDialogService answer(boolean yes) {
    answers.add(yes);
    return this;
  }

  /** The user will type {@code text} in the next text dialog. */
  public FakeDialogService type(String text) {
    texts.add(text);
    return this;
  }

  @Override
  public Optional<Path> showOpenDialog(FileDialog dialog) {
    fileDialogs.add(dialog);
    return Optional.ofNullable(paths.poll());
  }

  @Override
  public List<Path> showOpenMultipleDialog(FileDialog dialog) {
    fileDialogs.add(dialog);
    List<Path> chosen = several.poll();
    return chosen == null ? List.of() : chosen;
  }

  @Override
  public boolean confirm(String title, String header, String detail, String action) {
    confirmations.add(header);
    return Boolean.TRUE.equals(answers.poll());
  }

  @Override
  public Optional<Path> showSaveDialog(FileDialog dialog) {
    fileDialogs.add(dialog);
    return Optional.ofNullable(paths.poll());
  }

  @Override
  public Optional<Path> showDirectoryDialog(String title) {
    directoryDialogs.add(title);
    return Optional.ofNullable(paths.poll());
  }

  @Override
  public Optional<String> askForText(String title, String header, String initial) {
    return Optional.ofNullable(texts.poll());
  }
}
