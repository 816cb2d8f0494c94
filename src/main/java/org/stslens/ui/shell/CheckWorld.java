package org.stslens.ui.shell;

import java.util.Objects;
import org.stslens.engine.report.CheckOrigin;

/**
 * A world other than the real Internet that checks of one domain go to (a lab scenario's loopback
 * servers) until the user leaves it.
 *
 * @param domain the only domain this world answers for
 * @param origin what its reports are badged with, and how its commands reach it
 * @param service starts checks against it
 */
public record CheckWorld(String domain, CheckOrigin origin, CheckService service) {
  public CheckWorld {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(service, "service");
  }
}
