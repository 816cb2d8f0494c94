package org.stslens.ui.stages;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.stslens.engine.tls.ChainVerdict;

/**
 * What the stage views need from the application around them.
 *
 * @param openCertificate opens the certificate viewer on a presented chain
 * @param openInEditor opens the policy editor on a policy text
 * @param background where file writes (report export) run, never the FX thread
 * @param owner the window that owns file choosers
 */
public record StageViewContext(
    Consumer<ChainVerdict> openCertificate,
    Consumer<String> openInEditor,
    Executor background,
    Supplier<Window> owner) {

  public StageViewContext {
    Objects.requireNonNull(openCertificate, "openCertificate");
    Objects.requireNonNull(openInEditor, "openInEditor");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(owner, "owner");
  }
}
