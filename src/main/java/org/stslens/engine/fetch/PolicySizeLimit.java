package org.stslens.engine.fetch;

import java.util.Optional;
import java.util.OptionalLong;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/**
 * The fetch's 64 KiB rule (RFC 8461 §3.3, {@link FetchSettings#MAX_POLICY_BYTES}) for policy texts
 * that are not fetched: a file given to {@code policy lint} and a draft in the workbench. A text
 * that a sender would refuse must not look valid there.
 */
public final class PolicySizeLimit {

  /** The most bytes a sender reads of a policy; one more and it refuses the policy. */
  public static final int MAX_BYTES = FetchSettings.MAX_POLICY_BYTES;

  private PolicySizeLimit() {}

  /** checks.md fetch.too-large for a whole text of {@code bytes} bytes, when it is too large. */
  public static Optional<Finding> judge(String target, long bytes) {
    if (bytes <= MAX_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.of(
            Code.FETCH_TOO_LARGE,
            target,
            "The policy is "
                + bytes
                + " bytes, more than the "
                + MAX_BYTES
                + " bytes (64 KiB) senders read: they stop reading there and refuse the policy, as"
                + " `stslens check` does, so the domain has no usable policy.",
            FIX));
  }

  /**
   * checks.md fetch.too-large for a text that was read only up to the limit: it was not parsed,
   * because a cut text shows problems that are not in the file.
   *
   * @param bytes the whole size when known (a file), empty when only "more than the limit" is known
   *     (standard input)
   */
  public static Finding notReadToTheEnd(String target, OptionalLong bytes) {
    return Finding.of(
        Code.FETCH_TOO_LARGE,
        target,
        (bytes.isPresent() ? "The file is " + bytes.getAsLong() + " bytes" : "The input is")
            + " larger than the "
            + MAX_BYTES
            + " bytes (64 KiB) senders read: they stop reading there and refuse the policy, as"
            + " `stslens check` does. It was not parsed: the text cut at the limit is not the"
            + " policy.",
        FIX);
  }

  private static final String FIX =
      "A policy is a few lines: keep only the version, mode, mx and max_age lines, with no"
          + " padding, comments or page around them.";
}
