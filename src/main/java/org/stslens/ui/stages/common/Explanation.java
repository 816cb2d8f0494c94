package org.stslens.ui.stages.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * What the sender does in this step and why, in plain words, followed by the newcomer's questions
 * that this step answers ("Which DNS record announces it?"...), each with its short answer.
 */
public final class Explanation extends VBox {

  /** One of the first questions every newcomer has, answered where the answer can be seen. */
  public record Answer(String question, String answer) {}

  public Explanation(String text, Answer... answers) {
    setId("explanation");
    getStyleClass().add("explanation-box");
    setSpacing(8);
    getChildren().add(Texts.wrapping(text, "explanation"));
    for (Answer a : answers) {
      FontIcon icon = new FontIcon(MaterialDesignS.SCHOOL_OUTLINE);
      icon.getStyleClass().add("answer-icon");
      Label question = new Label(a.question());
      question.getStyleClass().add("answer-question");
      question.setMinWidth(USE_PREF_SIZE);
      Label answer = Texts.wrapping(a.answer(), "answer-text");
      HBox.setHgrow(answer, Priority.ALWAYS);
      HBox row = new HBox(6, icon, question, answer);
      row.setAlignment(Pos.TOP_LEFT);
      row.getStyleClass().add("answer");
      getChildren().add(row);
    }
  }

  // The answers of product.md, "What it must teach", reused by several stages.

  public static Answer protocol() {
    return new Answer(
        "Which protocol carries the policy?",
        "HTTPS on port 443. SMTP is what MTA-STS protects, not how the policy travels: a policy"
            + " fetched over SMTP could be stripped by the very attacker it is meant to stop.");
  }

  public static Answer file(String domain) {
    return new Answer(
        "Which file, in which directory?",
        "mta-sts.txt in /.well-known/ on host mta-sts."
            + domain
            + ": https://mta-sts."
            + domain
            + "/.well-known/mta-sts.txt");
  }

  public static Answer record(String domain) {
    return new Answer(
        "Which DNS record announces it?",
        "A TXT record at _mta-sts." + domain + ": v=STSv1; id=<1-32 letters or digits>.");
  }

  public static Answer dnssec() {
    return new Answer(
        "Does it need DNSSEC?",
        "No. The HTTPS certificate authenticates the policy; DNSSEC is optional (that is the"
            + " difference from DANE).");
  }

  public static Answer direction() {
    return new Answer(
        "Inbound or outbound?",
        "The receiving domain publishes the policy to protect its inbound mail; sending servers"
            + " enforce it on their outbound delivery.");
  }
}
