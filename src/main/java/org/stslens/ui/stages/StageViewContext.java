package org.stslens.ui.stages;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.DialogService;

/**
 * What the stage views need from the application around them.
 *
 * @param openCertificate opens the certificate viewer on a presented chain
 * @param openInEditor opens the policy editor on a policy text
 * @param background where file writes (report export) run, never the FX thread
 * @param dialogs asks the user for files (report export)
 */
public record StageViewContext(
    Consumer<ChainVerdict> openCertificate,
    Consumer<String> openInEditor,
    Executor background,
    DialogService dialogs) {

  public StageViewContext {
    Objects.requireNonNull(openCertificate, "openCertificate");
    Objects.requireNonNull(openInEditor, "openInEditor");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(dialogs, "dialogs");
  }
}
