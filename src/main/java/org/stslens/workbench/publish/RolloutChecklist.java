package org.stslens.workbench.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;

/**
 * The order of operations of RFC 8461 §8, filled with a draft's own values: to publish or change a
 * policy (the file first, then the id, §8.1), and to withdraw MTA-STS (the dated {@link
 * WithdrawalPlan}, §8.3).
 *
 * @param domain the policy domain
 * @param publish the steps to publish the draft, in order
 * @param withdraw the steps to withdraw MTA-STS from the domain, in order
 */
public record RolloutChecklist(
    String domain, List<RolloutStep> publish, List<RolloutStep> withdraw) {

  private static final String RFC8461 = "RFC 8461 §";

  public RolloutChecklist {
    publish = List.copyOf(publish);
    withdraw = List.copyOf(withdraw);
  }

  static RolloutChecklist of(
      PolicyHost names,
      PolicyId id,
      ParsedPolicy parsed,
      int fileSize,
      Optional<String> rua,
      WithdrawalPlan withdrawal) {
    DraftValues draft = DraftValues.of(parsed);
    return new RolloutChecklist(
        names.domain(), publishSteps(names, id, draft, fileSize, rua), withdrawal.steps());
  }

  /** The curl command line that fetches the policy as a sender does: no redirects followed. */
  public static String curlCommand(String url) {
    return "curl -sS -D - --max-redirs 0 " + url;
  }

  private static List<RolloutStep> publishSteps(
      PolicyHost names, PolicyId id, DraftValues draft, int fileSize, Optional<String> rua) {
    List<RolloutStep> steps = new ArrayList<>();
    if (!draft.valid()) {
      steps.add(
          step(
              "Fix the draft first",
              "The draft is not a valid policy yet: senders would ignore it and keep any policy"
                  + " they have cached. Fix the errors in the editor before publishing.",
              null,
              "3.2"));
    }
    steps.add(
        step(
            "Make " + names.host() + " reachable over HTTPS (first time only)",
            names.host()
                + " needs an A/AAAA or CNAME record to your web server, and a certificate valid for"
                + " that name from a public CA. Senders check it like a browser does.",
            "dig +short " + names.host(),
            "3.3"));
    steps.add(
        step(
            "Serve the new policy file",
            "Put mta-sts.txt ("
                + fileSize
                + " bytes: mode "
                + draft.modeWord()
                + ", max_age "
                + draft.maxAgeWords()
                + ", mx "
                + draft.mxList()
                + ") at "
                + names.url()
                + ", served with status 200 and Content-Type text/plain, without redirect."
                + " Leave the TXT record as it is for now.",
            null,
            "3.3"));
    steps.add(
        step(
            "Check what senders will fetch",
            "Expect status 200, a content-type of text/plain and exactly the new policy. A 3xx"
                + " status is a failure: senders do not follow redirects.",
            curlCommand(names.url()),
            "3.3"));
    steps.add(
        step(
            "Only then publish the TXT record with id " + id.value(),
            names.txtName()
                + " TXT \"v=STSv1; id="
                + id.value()
                + "\". Senders fetch the policy again when they see a new id (or their copy expires)."
                + " Changing the id"
                + " before the new file is served makes them cache the old file under the new id.",
            "dig +short TXT " + names.txtName(),
            "8.1"));
    steps.add(
        new RolloutStep(
            "Ask for TLS reports",
            names.tlsRptName()
                + " TXT \""
                + names.tlsRptValue(rua)
                + "\""
                + (rua.isPresent() ? "" : " (replace the address)")
                + ". Senders then report daily which deliveries failed the policy, and why.",
            Optional.of("dig +short TXT " + names.tlsRptName()),
            "RFC 8460 §3"));
    draft.mode().map(mode -> modeStep(mode, draft)).ifPresent(steps::add);
    steps.add(
        step(
            "Check the whole domain",
            "Run a check as a sender would: DNS, the policy file, and every MX host against the"
                + " mx patterns "
                + draft.mxList()
                + ".",
            "java -jar stslens.jar check " + names.domain(),
            "4"));
    return steps;
  }

  private static RolloutStep modeStep(Mode mode, DraftValues draft) {
    return switch (mode) {
      case TESTING ->
          step(
              "Watch the reports, then enforce",
              "In mode testing senders deliver even when a check fails, and report it. Read the"
                  + " TLS reports for a few weeks; when no failure is left, change the mode to"
                  + " enforce and publish again: the file first, then a new id.",
              null,
              "5");
      case ENFORCE ->
          step(
              "Keep the MX hosts and the policy in step",
              "In mode enforce senders refuse an MX host the policy does not cover. Before adding"
                  + " an MX host, add it to the policy (file, then a new id) and give senders time"
                  + " to refresh: a cached policy lives up to max_age, "
                  + draft.maxAgeWords()
                  + ".",
              null,
              "5.1");
      case NONE ->
          step(
              "This draft withdraws MTA-STS",
              "Mode none tells senders that the domain no longer has a policy. Follow the"
                  + " withdrawal steps: wait out the previous max_age before removing anything.",
              null,
              "8.3");
    };
  }

  private static RolloutStep step(String title, String text, String command, String section) {
    return new RolloutStep(title, text, Optional.ofNullable(command), RFC8461 + section);
  }

  /** The checklist as Markdown, for CHECKLIST.md. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("# MTA-STS rollout for ").append(domain).append("\n\n");
    appendFlow(out, "Publish or change the policy", publish);
    appendFlow(out, "Withdraw MTA-STS", withdraw);
    return out.toString();
  }

  private static void appendFlow(StringBuilder out, String title, List<RolloutStep> steps) {
    out.append("## ").append(title).append("\n\n");
    appendSteps(out, steps);
  }

  /** The steps as a numbered Markdown list, each with its section and command. */
  static void appendSteps(StringBuilder out, List<RolloutStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      RolloutStep step = steps.get(i);
      out.append(i + 1)
          .append(". **")
          .append(step.title())
          .append("** (")
          .append(step.section())
          .append(")\n   ")
          .append(step.text())
          .append('\n');
      step.command().ifPresent(c -> out.append("\n   ```\n   ").append(c).append("\n   ```\n"));
      out.append('\n');
    }
  }
}
