package org.stslens.ui.shell;

import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.RunningCheck;
import org.stslens.engine.check.StageGate;

/**
 * Starts checks for the view model. The app's implementation runs the engine with the user's
 * settings; tests point it at loopback servers. Must not block: the caller is the FX thread.
 */
@FunctionalInterface
public interface CheckService {

  /**
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   */
  RunningCheck start(String domain, CheckListener listener, StageGate gate);
}
