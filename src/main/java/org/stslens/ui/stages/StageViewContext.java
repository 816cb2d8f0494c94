package org.stslens.ui.stages;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.DialogService;

/**
 * What the stage views need from the application around them.
 *
 * @param openCertificate opens the certificate viewer on a presented chain
 * @param openInEditor opens the policy editor on a policy text
 * @param background where file writes (report export) run, never the FX thread
 * @param dialogs asks the user for files (report export)
 * @param commands the "Try it yourself" commands of the world last checked (a lab world's reach it)
 */
public record StageViewContext(
    Consumer<ChainVerdict> openCertificate,
    Consumer<String> openInEditor,
    Executor background,
    DialogService dialogs,
    Supplier<TryCommands> commands) {

  public StageViewContext {
    Objects.requireNonNull(openCertificate, "openCertificate");
    Objects.requireNonNull(openInEditor, "openInEditor");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(dialogs, "dialogs");
    Objects.requireNonNull(commands, "commands");
  }

  /** For the real Internet only. */
  public StageViewContext(
      Consumer<ChainVerdict> openCertificate,
      Consumer<String> openInEditor,
      Executor background,
      DialogService dialogs) {
    this(openCertificate, openInEditor, background, dialogs, TryCommands::internet);
  }
}
