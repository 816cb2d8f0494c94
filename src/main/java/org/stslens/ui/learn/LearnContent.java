package org.stslens.ui.learn;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.report.StageWords;

/**
 * The teaching text of STS Lens in one place: the first questions every newcomer to MTA-STS has,
 * with their answers, a small example and the stage of a check where the answer can be seen live.
 * Other screens reuse these texts, so the app gives one answer everywhere.
 *
 * <p>Answers use a tiny markup: {@code `code`} for names typed as they are, {@code **strong**} for
 * the word that matters. {@link #plain(String)} removes it.
 */
public final class LearnContent {

  /** The domain used in examples when no check has been run. */
  public static final String EXAMPLE_DOMAIN = "example.com";

  /**
   * One question and its answer.
   *
   * @param id a stable identifier (also the id of the card in the Learn view)
   * @param question the question as a newcomer asks it
   * @param answer the answer, with {@code `code`} and {@code **strong**} markup
   * @param example a short monospace example (several lines)
   * @param stage the stage of a check where the answer can be seen
   */
  public record Question(
      String id, String question, String answer, String example, CheckStage stage) {
    public Question {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(example, "example");
      Objects.requireNonNull(stage, "stage");
    }

    /** The answer without markup. */
    public String plainAnswer() {
      return plain(answer);
    }
  }

  private LearnContent() {}

  /** The domain to show in examples: the checked domain when there is one, else example.com. */
  public static String exampleDomain(Optional<String> checkedDomain) {
    return checkedDomain
        .map(d -> d.strip().toLowerCase(Locale.ROOT))
        .map(d -> d.endsWith(".") ? d.substring(0, d.length() - 1) : d)
        .filter(d -> !d.isEmpty())
        .orElse(EXAMPLE_DOMAIN);
  }

  /** The URL a sending server fetches the policy of {@code domain} from. */
  public static String policyUrl(String domain) {
    return "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
  }

  /** The name of a stage as the walkthrough's stage list shows it. */
  public static String stageTitle(CheckStage stage) {
    return StageWords.of(stage).title();
  }

  /** The six questions, with examples about {@code domain}. */
  public static List<Question> questions(String domain) {
    Objects.requireNonNull(domain, "domain");
    String host = "mta-sts." + domain;
    return List.of(
        new Question(
            "protocol",
            "Which protocol carries the policy?",
            "**HTTPS** (port `443`). SMTP is what MTA-STS protects, not how the policy travels: a"
                + " policy fetched over SMTP could be stripped by the attacker it is meant to stop.",
            "GET /.well-known/mta-sts.txt HTTP/1.1\n"
                + "Host: "
                + host
                + "\n\n"
                + "TLS on port 443, certificate valid for "
                + host,
            CheckStage.RETRIEVAL),
        new Question(
            "file-name",
            "What is the policy file called?",
            "`mta-sts.txt` — a plain text file (`text/plain`) of `key: value` lines.",
            "mta-sts.txt\n\n"
                + "version: STSv1\n"
                + "mode: enforce\n"
                + "mx: mail."
                + domain
                + "\n"
                + "max_age: 604800",
            CheckStage.RETRIEVAL),
        new Question(
            "directory",
            "In which directory?",
            "`/.well-known/` on host `mta-sts.<domain>`:"
                + " `https://mta-sts.<domain>/.well-known/mta-sts.txt`",
            "host:      "
                + host
                + "\n"
                + "directory: /.well-known/\n"
                + "file:      mta-sts.txt\n\n"
                + policyUrl(domain),
            CheckStage.RETRIEVAL),
        new Question(
            "txt-record",
            "Which DNS record announces it?",
            "A **TXT** record at `_mta-sts.<domain>`: `v=STSv1; id=<1-32 letters/digits>`. Change"
                + " the id whenever the policy changes, so senders fetch it again.",
            "_mta-sts." + domain + ".  3600  IN  TXT\n" + "    \"v=STSv1; id=20240601T120000\"",
            CheckStage.DISCOVERY),
        new Question(
            "dnssec",
            "Does it need DNSSEC?",
            "**No.** The HTTPS certificate authenticates the policy; DNSSEC is optional (that is the"
                + " difference from DANE).",
            "MTA-STS  trusts the HTTPS certificate of\n"
                + "         "
                + host
                + " (public CA)\n"
                + "DANE     trusts TLSA records signed\n"
                + "         with DNSSEC",
            CheckStage.DISCOVERY),
        new Question(
            "direction",
            "Inbound or outbound?",
            "The receiving domain publishes it to protect its **inbound** mail; **sending** servers"
                + " enforce it on their **outbound** delivery.",
            domain
                + " publishes the policy\n"
                + "  → protects mail sent TO @"
                + domain
                + "\n"
                + "A sender delivering to "
                + domain
                + "\n"
                + "  → enforces it: valid TLS, or no delivery",
            CheckStage.MX));
  }

  /**
   * A longer topic than a question: a title, short paragraphs with the same markup, an example.
   *
   * @param id a stable identifier (also the id of its card)
   * @param title the title
   * @param paragraphs the text, one paragraph each, with {@code `code`} and {@code **strong**}
   * @param example a short monospace example
   */
  public record Topic(String id, String title, List<String> paragraphs, String example) {
    public Topic {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      paragraphs = List.copyOf(paragraphs);
      Objects.requireNonNull(example, "example");
    }
  }

  /** MTA-STS beside DANE: what each trusts, which one a sender applies, why a domain has both. */
  public static Topic daneTopic(String domain) {
    Objects.requireNonNull(domain, "domain");
    String mx = "mail." + domain;
    return new Topic(
        "dane",
        "MTA-STS and DANE: which one, and why both",
        List.of(
            "Both protect the same hop: a sending server delivering to your MX over STARTTLS."
                + " **MTA-STS** trusts the public CA that signed the MX certificate, and the"
                + " policy fetched over HTTPS. **DANE** (RFC 7672) trusts `TLSA` records at"
                + " `_25._tcp.<mx>`, and needs your zone signed with **DNSSEC**.",
            "**Which one applies:** a sender that supports both applies DANE first wherever the"
                + " MX has DNSSEC-secure TLSA records (RFC 8461 §2), and MTA-STS elsewhere. So an"
                + " MX that MTA-STS refuses can still get mail from DANE senders, and a stale TLSA"
                + " record (a key rolled over) stops DANE senders even though MTA-STS passes. The"
                + " MX page of a check shows both, and which one wins.",
            "**Do you need DNSSEC for MTA-STS?** No. DANE adds protection that needs no HTTPS"
                + " policy host and no public CA (`3 1 1` pins the key itself), and it reaches"
                + " senders that do DANE but not MTA-STS (Postfix with a validating resolver,"
                + " for one); MTA-STS reaches senders that do not validate DNSSEC (Gmail, for"
                + " one). Both"
                + " together cover the most senders, as long as the TLSA records follow each new"
                + " key."),
        "_25._tcp."
            + mx
            + ".  IN  TLSA  3 1 1 <sha256 of the key>\n\n"
            + "DANE-EE (3): the MX key itself\n"
            + "selector 1:  its public key (survives renewal\n"
            + "             when the key is reused)\n"
            + "type 1:      SHA-256 of it");
  }

  /** {@code text} without the {@code `code`} and {@code **strong**} markup. */
  public static String plain(String text) {
    return text.replace("**", "").replace("`", "");
  }
}
