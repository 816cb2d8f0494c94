package org.stslens.engine.tlsrpt.reports;

import java.util.List;
import org.stslens.engine.finding.Finding;

/**
 * What today's check says about one failure row of the reports.
 *
 * @param causes today's findings that a sender reports as the row's result type (empty unless
 *     {@link Outcome#STILL_SEEN})
 * @param words one line for the user, e.g. "certificate-expired on mx1.example.com: still expired"
 */
public record RetestLink(FailureRow row, Outcome outcome, List<Finding> causes, String words) {

  public RetestLink {
    causes = List.copyOf(causes);
  }

  /** Whether today's check still finds the cause of a reported failure. */
  public enum Outcome {
    /** Today's check finds a cause of this result type (at this MX, for MX failures). */
    STILL_SEEN,
    /** The check ran where the failure was and found no such cause: fixed, or intermittent. */
    NOT_SEEN,
    /** The reported MX is not among today's MX hosts. */
    MX_GONE,
    /** Today's check cannot tell: the MX was not reached, or STS Lens does not check the type. */
    CANNOT_TELL
  }
}
