package org.stslens.workbench.publish;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.history.CheckFacts;
import org.stslens.engine.history.PolicyHash;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.policy.PolicyParser;

/**
 * What publishing a draft now means for senders that cached the domain's current policy: they keep
 * applying it for its max_age from their fetch (RFC 8461 §3.2, §5.1), so a sender that fetched it
 * just before the switch holds it until now + max_age. Pure: the latest check's facts, the draft
 * and the moment in, one paragraph out.
 *
 * @param kind what is known about the current policy
 * @param cachedUntil until when senders may apply the current policy; empty unless {@link
 *     Kind#CACHED}
 * @param idKept the draft changes the policy but the TXT id stays: cached copies are not refreshed
 * @param modeLowered the current policy enforces and the draft does not: refusals go on meanwhile
 * @param text the paragraph the editor shows
 */
public record PublishNotice(
    Kind kind, Optional<Instant> cachedUntil, boolean idKept, boolean modeLowered, String text) {

  /** What the latest check says about the policy senders may have cached. */
  public enum Kind {
    /** No check of the domain is known: the caches are unknown. */
    NO_HISTORY,
    /** The latest check found no policy a sender would cache. */
    NO_POLICY,
    /** The draft is the policy served now: publishing it changes nothing for senders. */
    SAME_POLICY,
    /** Senders may hold the current policy until {@link #cachedUntil}. */
    CACHED
  }

  public PublishNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cachedUntil, "cachedUntil");
    Objects.requireNonNull(text, "text");
  }

  /**
   * @param domain the draft's policy domain
   * @param current the latest check of {@code domain} (stored, or the walkthrough's), if any
   * @param draftText the editor's text, any line endings
   * @param newId the TXT id the draft will be published under; empty when the id stays as it is
   * @param now the moment of publishing
   */
  public static PublishNotice of(
      String domain,
      Optional<CheckFacts> current,
      String draftText,
      Optional<String> newId,
      Instant now) {
    if (current.isEmpty()) {
      return new PublishNotice(
          Kind.NO_HISTORY,
          Optional.empty(),
          false,
          false,
          "No check of "
              + domain
              + " is stored, so what senders have cached is not known. Check "
              + domain
              + ": its check is kept in the history, and this says until when senders keep its"
              + " current policy.");
    }
    CheckFacts c = current.get();
    String seen = "the check of " + Moments.date(c.checkedAt());
    // the policy of the latest check is taken as the one served now
    if (!c.servedPolicy()) {
      return new PublishNotice(
          Kind.NO_POLICY,
          Optional.empty(),
          false,
          false,
          "At "
              + seen
              + " "
              + domain
              + " served no policy senders would cache: they fetch this draft once they see its"
              + " TXT record. A policy they cached before that keeps applying until its own"
              + " max_age runs out.");
    }
    String fileText = PolicyFileBytes.canonicalText(draftText);
    Optional<Policy> draft = PolicyParser.parse(fileText).policy();
    Mode mode = c.mode().orElseThrow();
    long maxAge = c.maxAge().orElseThrow();
    String id = c.txtId().orElse("(none)");
    if (samePolicy(c, fileText, draft)) {
      return new PublishNotice(
          Kind.SAME_POLICY,
          Optional.empty(),
          false,
          false,
          "This draft is the policy "
              + domain
              + " served at "
              + seen
              + " (mode "
              + mode.word()
              + ", id "
              + id
              + "): publishing it changes nothing for senders.");
    }
    Instant until = now.plusSeconds(maxAge);
    StringBuilder text =
        new StringBuilder("If you publish this draft now, senders that fetched the current policy")
            .append(" (mode ")
            .append(mode.word())
            .append(", id ")
            .append(id)
            .append(", max_age ")
            .append(maxAge)
            .append(") ");
    if (maxAge == 0) {
      text.append("do not keep it: its max_age is 0.");
    } else {
      text.append("keep applying it until ")
          .append(Moments.date(until))
          .append(" (")
          .append(Moments.span(maxAge))
          .append(").");
    }
    boolean idKept =
        c.txtId().isPresent() && (newId.isEmpty() || newId.get().equals(c.txtId().get()));
    if (idKept) {
      text.append(" Under the same TXT id they never fetch it: publish a new id (Publish tab).");
    }
    boolean lowered =
        mode == Mode.ENFORCE
            && maxAge > 0
            && draft.map(p -> p.mode() != Mode.ENFORCE).orElse(false);
    if (lowered) {
      text.append(" Mode ")
          .append(draft.get().mode().word())
          .append(" does not stop refusals: MX hosts that fail the cached enforce policy are")
          .append(" refused until ")
          .append(Moments.day(until))
          .append('.');
    }
    return new PublishNotice(Kind.CACHED, Optional.of(until), idKept, lowered, text.toString());
  }

  /**
   * The same bytes, or the same mode, max_age and mx patterns (a policy re-typed with other line
   * endings is still the same policy for senders).
   */
  private static boolean samePolicy(CheckFacts c, String fileText, Optional<Policy> draft) {
    if (c.policyHash().equals(Optional.of(PolicyHash.of(fileText)))) {
      return true;
    }
    return draft.isPresent()
        && c.mode().equals(Optional.of(draft.get().mode()))
        && c.maxAge().equals(Optional.of(draft.get().maxAge()))
        && new HashSet<>(c.policyMx())
            .equals(new HashSet<>(draft.get().mx().stream().map(MxPattern::written).toList()));
  }
}
