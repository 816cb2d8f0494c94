package org.stslens.engine.report;

import java.util.Arrays;
import java.util.List;
import org.stslens.engine.finding.CheckStage;

/**
 * How every screen and report speaks of a stage: the stage list, the stage views, the step-by-step
 * pause, Learn's links and the exported narrative all take their words from here, so a stage is
 * called the same everywhere and explained once.
 *
 * @param stage the stage
 * @param number 1 to 5, in the order a sender goes through the stages
 * @param name the stage's name in running text ("see the Retrieval step")
 * @param title the short title of the stage list and of links to a stage
 * @param longTitle the title of headings, in the views and the reports
 * @param gist what the sender does, in a few words (the step-by-step title)
 * @param senderText what the sender does in this stage and why, with {@value #DOMAIN} standing for
 *     the checked domain; see {@link #sender(String)}
 * @param skipped why the stage is skipped when it is, and what senders do then
 */
public record StageWords(
    CheckStage stage,
    int number,
    String name,
    String title,
    String longTitle,
    String gist,
    String senderText,
    String skipped) {

  /** Where {@link #senderText} names the checked domain. */
  public static final String DOMAIN = "{domain}";

  /** The words of {@code stage}. */
  public static StageWords of(CheckStage stage) {
    return switch (stage) {
      case DISCOVERY ->
          new StageWords(
              stage,
              1,
              "Discovery",
              "Discovery (DNS)",
              "Discovery (DNS)",
              "ask DNS",
              "A sending mail server that has a message for someone@{domain} first asks DNS"
                  + " whether {domain} uses MTA-STS: it looks up the TXT record at"
                  + " _mta-sts.{domain}, which must read \"v=STSv1; id=...\". The id changes"
                  + " whenever the policy changes, so senders know when to fetch it again. It also"
                  + " looks up the MX hosts it will deliver to: the policy later says which of them"
                  + " may receive mail, and only over verified TLS. DNSSEC is not needed for any of"
                  + " this.",
              "Skipped: an earlier step kept this one from running.");
      case RETRIEVAL ->
          new StageWords(
              stage,
              2,
              "Retrieval",
              "Retrieval (HTTPS)",
              "Retrieval (HTTPS)",
              "fetch the policy over HTTPS",
              "Now the sender fetches the policy itself, over HTTPS and never over SMTP, where an"
                  + " attacker on the mail path could strip it. It connects to the policy host"
                  + " mta-sts.{domain} on port 443, checks its certificate exactly like a browser"
                  + " would (valid for that name, issued by a trusted CA, in date) and asks for one"
                  + " file: https://mta-sts.{domain}/.well-known/mta-sts.txt. Only a 200 OK answer"
                  + " with a text/plain body counts; redirects are never followed. If anything"
                  + " fails, senders without a cached copy behave as if the domain had no MTA-STS.",
              "Skipped: the domain does not exist, so there is no policy host to ask. A sender"
                  + " stops here and treats the domain as having no MTA-STS.");
      case POLICY ->
          new StageWords(
              stage,
              3,
              "Policy",
              "Policy",
              "Policy",
              "read the policy",
              "The sender reads the policy: a few \"key: value\" lines. version must be STSv1;"
                  + " mode says what to do when an MX fails (enforce: do not deliver to it;"
                  + " testing: deliver anyway and report; none: the policy is withdrawn); each mx"
                  + " line names an MX host (or *.domain pattern) allowed to receive mail for"
                  + " {domain}; max_age is how many seconds the sender may keep using this policy"
                  + " without fetching it again. It parses strictly: keys and values are"
                  + " case-sensitive (\"Mode\" is not \"mode\"), and a broken policy counts as no"
                  + " policy.",
              "Skipped: no policy text was retrieved (see the Retrieval step), so there is nothing"
                  + " to read. Senders deliver as if the domain had no MTA-STS.");
      case MX ->
          new StageWords(
              stage,
              4,
              "MX hosts",
              "MX hosts",
              "MX hosts (SMTP and TLS)",
              "connect to each MX host",
              "For each MX host the sender checks three things before it hands over a message:"
                  + " the host name matches an mx pattern of the policy; the host offers STARTTLS"
                  + " on port 25; and its certificate is valid for the MX name, issued by a trusted"
                  + " CA and in date. In enforce mode a host that fails gets no mail (the sender"
                  + " tries the next one); in testing mode it gets the mail anyway and the failure"
                  + " is reported.",
              "Skipped: there is no MX host to check.");
      case TLSRPT ->
          new StageWords(
              stage,
              5,
              "TLS reporting",
              "TLS reporting",
              "TLS reporting (RFC 8460)",
              "where failures are reported",
              "Senders that refuse (or, in testing mode, would refuse) to deliver because of"
                  + " MTA-STS send a daily report to the domain owner, to the addresses in the TXT"
                  + " record at _smtp._tls.{domain} (\"v=TLSRPTv1; rua=mailto:...\"). It does not"
                  + " change how mail is delivered; without it, failures stay invisible to the"
                  + " domain owner.",
              "Skipped: an earlier step kept this one from running.");
    };
  }

  /** The words of every stage, in the order a sender goes through them. */
  public static List<StageWords> all() {
    return Arrays.stream(CheckStage.values()).map(StageWords::of).toList();
  }

  /** The heading of the stage's view and report section: {@code 1 · Discovery (DNS)}. */
  public String heading() {
    return numbered(longTitle);
  }

  /** The title of the step-by-step pause: {@code Step 2 — Retrieval: fetch the policy...}. */
  public String stepTitle() {
    return "Step " + number + " — " + name + ": " + gist;
  }

  /** What the sender does in this stage, about {@code domain}. */
  public String sender(String domain) {
    return senderText.replace(DOMAIN, domain);
  }

  /** The heading of a finished stage's view: the stage, one MX host, or the MX hosts together. */
  public static String heading(StageReport report) {
    StageWords words = of(report.stage());
    return switch (report.kind()) {
      case STAGE -> words.heading();
      case MX_HOST -> words.numbered("MX host " + report.target());
      case MX_SUMMARY -> words.numbered("MX hosts, all together");
    };
  }

  /** The stage list's row of one MX host. */
  public static String hostTitle(String host) {
    return "MX " + host;
  }

  private String numbered(String text) {
    return number + " · " + text;
  }
}
