package org.stslens.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SnippetsTest {

  /** Directives that redirect, per server; comments may mention them, configuration may not. */
  private static final Pattern REDIRECT =
      Pattern.compile(
          "(?im)^\\s*(return\\s+30[1278]|rewrite\\b|Redirect(Match|Permanent|Temp)?\\s|RewriteRule"
              + "|redir\\b)|<httpRedirect[^>]*enabled=\"true\"|<rewrite>");

  static Stream<String> webServerFiles() {
    return Stream.of("nginx.conf", "apache-httpd.conf", "Caddyfile", "web.config");
  }

  @ParameterizedTest
  @MethodSource("webServerFiles")
  void everyWebServerSnippetNamesTheHostAndServesTextPlain(String fileName) {
    String text = snippet(fileName).text();

    assertThat(text).contains("mta-sts.example.com", "text/plain", "mta-sts.txt");
    assertThat(text).contains("https://mta-sts.example.com/.well-known/mta-sts.txt");
    assertThat(text).containsIgnoringCase("adapt");
    assertThat(text).endsWith("\n").doesNotContain("\r", "%1$s", "%2$s");
  }

  @ParameterizedTest
  @MethodSource("webServerFiles")
  void noWebServerSnippetRedirects(String fileName) {
    String configuration = withoutComments(snippet(fileName).text());

    assertThat(REDIRECT.matcher(configuration).find()).as(configuration).isFalse();
  }

  @Test
  void theRedirectPatternWouldCatchRedirects() {
    assertThat(
            Stream.of(
                "    return 301 https://www.example.com$request_uri;",
                "rewrite ^ https://x/ permanent;",
                "  Redirect permanent / https://www.example.com/",
                "RewriteRule ^ https://x/ [R=301]",
                "\tredir https://x{uri}",
                "<httpRedirect enabled=\"true\" destination=\"https://x\" />"))
        .allMatch(line -> REDIRECT.matcher(line).find());
  }

  @Test
  void nginxServesTheFileOver443WithAForcedTextPlainType() {
    String text = snippet("nginx.conf").text();

    assertThat(text)
        .contains("listen 443 ssl;")
        .contains("server_name mta-sts.example.com;")
        .contains("location = /.well-known/mta-sts.txt {")
        .contains("types { }", "default_type text/plain;")
        .contains("ssl_certificate ", "ssl_certificate_key ")
        .contains("root /var/www/mta-sts.example.com;");
  }

  @Test
  void apacheUsesAVirtualHostOn443AndForceType() {
    String text = snippet("apache-httpd.conf").text();

    assertThat(text)
        .contains("<VirtualHost *:443>", "</VirtualHost>")
        .contains("ServerName mta-sts.example.com")
        .contains("DocumentRoot \"/var/www/mta-sts.example.com\"")
        .contains("<Files \"mta-sts.txt\">", "ForceType text/plain", "</Files>")
        .contains("SSLEngine on");
  }

  @Test
  void caddyHandlesThePathWithAContentTypeHeaderAndTheFileServer() {
    String text = snippet("Caddyfile").text();

    assertThat(text)
        .contains("mta-sts.example.com {")
        .contains("handle /.well-known/mta-sts.txt {")
        .contains("header Content-Type text/plain")
        .contains("file_server")
        .contains("\troot * /var/www/mta-sts.example.com");
    assertThat(text.chars().filter(c -> c == '{').count())
        .isEqualTo(text.chars().filter(c -> c == '}').count());
  }

  @Test
  void iisMapsTxtToTextPlainAfterRemovingTheInheritedMapping() {
    String text = snippet("web.config").text();

    assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    assertThat(text.indexOf("<remove fileExtension=\".txt\" />"))
        .isPositive()
        .isLessThan(text.indexOf("<mimeMap fileExtension=\".txt\" mimeType=\"text/plain\" />"));
    assertThat(text).contains("<staticContent>", "</staticContent>", "binding", "https");
    assertThat(text).contains("<site root>\\.well-known\\mta-sts.txt");
  }

  @Test
  void zoneFileHasTheTxtLineAndAHintForThePolicyHost() {
    String text = snippet("zone.txt").text();
    List<String> records = records(text);

    assertThat(records)
        .containsExactly("_mta-sts.example.com.  3600  IN  TXT  \"v=STSv1; id=" + Kits.ID + "\"");
    assertThat(text).contains("; mta-sts.example.com.  3600  IN  CNAME");
    assertThat(text).contains("; mta-sts.example.com.  3600  IN  A ");
    assertThat(text).contains("; mta-sts.example.com.  3600  IN  AAAA ");
    // without an address the TLS-RPT line is a commented placeholder
    assertThat(text)
        .contains(
            "; _smtp._tls.example.com.  3600  IN  TXT  \"v=TLSRPTv1;"
                + " rua=mailto:tlsrpt@example.com\"");
  }

  @Test
  void zoneFilePublishesTheGivenTlsRptAddress() {
    PublishingKit kit =
        PublishingKit.build(
            "example.com",
            Kits.ENFORCE_LF,
            Kits.CLOCK,
            Optional.empty(),
            Optional.of(" mailto:reports@example.net "));

    assertThat(records(kit.snippet("zone.txt").orElseThrow().text()))
        .containsExactly(
            "_mta-sts.example.com.  3600  IN  TXT  \"v=STSv1; id=" + Kits.ID + "\"",
            "_smtp._tls.example.com.  3600  IN  TXT  \"v=TLSRPTv1;"
                + " rua=mailto:reports@example.net\"");
  }

  private static Snippet snippet(String fileName) {
    return Kits.enforce().snippet(fileName).orElseThrow();
  }

  private static List<String> records(String zone) {
    return zone.lines().filter(l -> !l.startsWith(";")).toList();
  }

  private static String withoutComments(String text) {
    return text.replaceAll("(?s)<!--.*?-->", "")
        .lines()
        .filter(l -> !l.strip().startsWith("#"))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
