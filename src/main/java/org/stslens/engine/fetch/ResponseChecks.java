package org.stslens.engine.fetch;

import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

/** What a sender makes of a response (RFC 8461 §3.3): status, redirect, type, size, text. Pure. */
final class ResponseChecks {

  private ResponseChecks() {}

  static List<Finding> judge(
      String url,
      String host,
      int status,
      String statusLine,
      List<HttpHeader> headers,
      byte[] body,
      boolean truncated,
      int maxBodyBytes) {
    List<Finding> out = new ArrayList<>();
    if (status >= 300 && status < 400) {
      String location = HttpHeader.first(headers, "Location").orElse("(no Location header)");
      out.add(
          Finding.of(
              Code.FETCH_REDIRECT,
              url,
              "The server answered "
                  + statusLine
                  + " pointing to "
                  + location
                  + ". Senders must not follow redirects (RFC 8461 §3.3), so they see no"
                  + " policy.",
              "Serve the file itself at "
                  + url
                  + " with status 200; remove the redirect"
                  + " (often an HTTP-to-HTTPS or www rule that also catches this host)."));
      return out;
    }
    if (status != 200) {
      out.add(
          Finding.of(
              Code.FETCH_HTTP_STATUS,
              url,
              "The server answered " + statusLine + "; only 200 counts as a policy.",
              "Place the policy file at /.well-known/mta-sts.txt on " + host + "."));
      return out;
    }
    if (truncated) {
      out.add(
          Finding.of(
              Code.FETCH_TOO_LARGE,
              url,
              "The body is larger than "
                  + maxBodyBytes
                  + " bytes; reading stopped there. Senders may refuse such a policy.",
              "A policy is a few lines; serve only the policy text."));
      return out;
    }
    String contentType = HttpHeader.first(headers, "Content-Type").orElse(null);
    if (!BodyInspector.isTextPlain(contentType)) {
      out.add(
          Finding.of(
              Code.FETCH_CONTENT_TYPE,
              url,
              (contentType == null
                      ? "The response has no Content-Type header"
                      : "The response is served as \"" + contentType + "\"")
                  + "; RFC 8461 §3.3 says senders should check for text/plain, and strict"
                  + " ones (postfix-mta-sts-resolver, go-mtasts) ignore the policy; mox and"
                  + " mailauth do not check the media type.",
              "Serve mta-sts.txt with \"Content-Type: text/plain\"."));
    }
    BodyInspector.whyNotText(body)
        .ifPresent(
            why ->
                out.add(
                    Finding.of(
                        Code.FETCH_NOT_TEXT,
                        url,
                        "This is not a policy text: " + why + ".",
                        "Serve the plain policy text (ASCII/UTF-8) at " + url + ".")));
    return out;
  }
}
