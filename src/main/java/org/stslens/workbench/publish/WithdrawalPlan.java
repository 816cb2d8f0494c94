package org.stslens.workbench.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to withdraw MTA-STS from a domain, dated (RFC 8461 §8.3): publish a policy with mode none
 * under a new TXT id, keep serving it until every copy of the old policy has expired (the switch +
 * the old max_age), then remove the TXT record and the policy host. Removing them first would leave
 * senders with the old policy and no way to learn it was withdrawn.
 *
 * @param names the domain and the names derived from it
 * @param id the new TXT id for the mode none policy
 * @param oldMaxAge the max_age senders may have cached, in seconds
 * @param oldMaxAgeFrom where {@code oldMaxAge} comes from
 * @param switchAt when the plan assumes the mode none policy and its id are published (now)
 */
public record WithdrawalPlan(
    PolicyHost names, PolicyId id, long oldMaxAge, Source oldMaxAgeFrom, Instant switchAt) {

  /** The max_age of the withdrawal policy: one day, so senders forget the domain soon. */
  public static final long WITHDRAWAL_MAX_AGE = 86_400;

  /** The largest max_age a policy may have (RFC 8461 §3.2): the bound when nothing is known. */
  public static final long LONGEST_MAX_AGE = 31_557_600;

  /** Where the old max_age comes from, from the most to the least certain. */
  public enum Source {
    /** The latest check of the domain (stored in the history, or the walkthrough's). */
    LAST_CHECK,
    /** The draft, assuming it is what is published. */
    DRAFT,
    /** Nothing is known: the largest max_age RFC 8461 allows. */
    LONGEST_ALLOWED
  }

  public WithdrawalPlan {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(oldMaxAgeFrom, "oldMaxAgeFrom");
    Objects.requireNonNull(switchAt, "switchAt");
    if (oldMaxAge < 0) {
      throw new IllegalArgumentException("max_age is never negative: " + oldMaxAge);
    }
  }

  /**
   * @param published the id the kit publishes; the withdrawal id differs from it and from {@code
   *     liveId}
   * @param liveMaxAge the max_age of the policy served at the latest check, if one was
   * @param draftMaxAge the draft's max_age, when the draft is a valid policy that is not mode none
   */
  static WithdrawalPlan of(
      PolicyHost names,
      PolicyId published,
      Optional<String> liveId,
      Optional<Long> liveMaxAge,
      Optional<Long> draftMaxAge,
      Instant now) {
    PolicyId id = PolicyId.withdrawal(published);
    if (liveId.isPresent() && liveId.get().equals(id.value())) {
      id = PolicyId.withdrawal(id); // the live policy is itself a withdrawal under this id
    }
    if (liveMaxAge.isPresent()) {
      return new WithdrawalPlan(names, id, liveMaxAge.get(), Source.LAST_CHECK, now);
    }
    if (draftMaxAge.isPresent()) {
      return new WithdrawalPlan(names, id, draftMaxAge.get(), Source.DRAFT, now);
    }
    return new WithdrawalPlan(names, id, LONGEST_MAX_AGE, Source.LONGEST_ALLOWED, now);
  }

  public String domain() {
    return names.domain();
  }

  /** The mode none policy, exactly as it is served: CRLF line endings, one final CRLF. */
  public String fileText() {
    return "version: STSv1\r\nmode: none\r\nmax_age: " + WITHDRAWAL_MAX_AGE + "\r\n";
  }

  public byte[] fileBytes() {
    return fileText().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code _mta-sts.<domain>}. */
  public String txtName() {
    return names.txtName();
  }

  /** {@code v=STSv1; id=<new id>}. */
  public String txtValue() {
    return "v=STSv1; id=" + id.value();
  }

  /** From this moment no sender applies the old policy any more: switch + old max_age. */
  public Instant keepServingUntil() {
    return switchAt.plusSeconds(oldMaxAge);
  }

  /** The three steps, dated. */
  public List<RolloutStep> steps() {
    String section = "RFC 8461 §8.3";
    return List.of(
        new RolloutStep(
            "Publish a policy with mode none under a new id",
            "Serve mta-sts.txt with the three lines \"version: STSv1\", \"mode: none\" and"
                + " \"max_age: "
                + WITHDRAWAL_MAX_AGE
                + "\" (CRLF line endings) at "
                + names.url()
                + ", then change the TXT record to "
                + names.txtName()
                + " TXT \""
                + txtValue()
                + "\". The new id makes senders fetch it: under the id they cached they would keep"
                + " the old policy.",
            Optional.of(RolloutChecklist.curlCommand(names.url())),
            section),
        new RolloutStep(
            "Keep serving it until " + Moments.date(keepServingUntil()),
            "Senders that fetched the old policy just before the switch keep applying it for its"
                + " max_age, "
                + MaxAge.describe(oldMaxAge)
                + " "
                + sourceWords()
                + ": published on "
                + Moments.date(switchAt)
                + ", it lasts until "
                + Moments.date(keepServingUntil())
                + " ("
                + Moments.span(oldMaxAge)
                + "). When their copy expires they fetch mode none. If you switch later, count"
                + " the max_age from that day.",
            Optional.of("dig +short TXT " + names.txtName()),
            section),
        new RolloutStep(
            "Then remove the TXT record and the policy host",
            "After "
                + Moments.date(keepServingUntil())
                + ", remove the "
                + names.txtName()
                + " TXT record, then stop serving "
                + names.host()
                + ". If you no longer want TLS reports, remove the "
                + names.tlsRptName()
                + " TXT record too (RFC 8460).",
            Optional.empty(),
            section));
  }

  private String sourceWords() {
    return switch (oldMaxAgeFrom) {
      case LAST_CHECK -> "(the policy of the last check)";
      case DRAFT -> "(this draft's: check the domain to use the policy it serves now)";
      case LONGEST_ALLOWED ->
          "(the largest max_age allowed, as the policy served now is not known: check the"
              + " domain for its own)";
    };
  }

  /** The plan as Markdown, for WITHDRAW.md: the steps, the file and the record. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Withdraw MTA-STS from ").append(domain()).append("\n\n");
    out.append("RFC 8461 §8.3. Planned on ")
        .append(Moments.date(switchAt))
        .append("; keep serving the mode none policy until ")
        .append(Moments.date(keepServingUntil()))
        .append(".\n\n");
    RolloutChecklist.appendSteps(out, steps());
    out.append("## ")
        .append(KitExporter.WITHDRAW_POLICY_FILE)
        .append(" (serve as mta-sts.txt)\n\n```\n")
        .append(fileText().replace("\r\n", "\n"))
        .append("```\n\n## TXT record\n\n```\n")
        .append(txtName())
        .append(" TXT \"")
        .append(txtValue())
        .append("\"\n```\n");
    return out.toString();
  }
}
