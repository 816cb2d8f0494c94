package org.stslens.workbench.publish;

/**
 * Web server configurations that serve the policy file as RFC 8461 §3.3 wants it: HTTPS on {@code
 * mta-sts.<domain>}, status 200, media type {@code text/plain}, and no redirect (senders do not
 * follow them). Every snippet serves the exported {@code mta-sts.txt} from disk rather than a body
 * written inline: a config file would carry its own line endings into the body, the file keeps the
 * exact CRLF bytes.
 */
final class WebServerSnippets {

  private WebServerSnippets() {}

  static Snippet nginx(PolicyHost names) {
    String text =
        """
        # nginx: serves the MTA-STS policy of %1$s at
        # %3$s
        # Adapt: the certificate paths, and the root folder. Put the exported mta-sts.txt in
        # %2$s/.well-known/mta-sts.txt
        server {
            listen 443 ssl;
            listen [::]:443 ssl;
            server_name %4$s;

            # A certificate valid for %4$s from a public CA (RFC 8461 §3.3).
            ssl_certificate     /etc/ssl/%4$s/fullchain.pem;
            ssl_certificate_key /etc/ssl/%4$s/privkey.pem;

            root %2$s;

            location = /.well-known/mta-sts.txt {
                # an empty types map makes every response here text/plain, whatever mime.types says
                types { }
                default_type text/plain;
                try_files $uri =404;
            }

            # Nothing else lives on this host. Add no return 301/302 or rewrite here:
            # senders do not follow redirects.
            location / {
                return 404;
            }
        }
        """
            .formatted(names.domain(), names.webRoot(), names.url(), names.host());
    return new Snippet("nginx", "nginx.conf", "nginx", text);
  }

  static Snippet apache(PolicyHost names) {
    String text =
        """
        # Apache httpd 2.4 (mod_ssl enabled): serves the MTA-STS policy of %1$s at
        # %3$s
        # Adapt: the certificate paths, and DocumentRoot. Put the exported mta-sts.txt in
        # %2$s/.well-known/mta-sts.txt
        <VirtualHost *:443>
            ServerName %4$s
            DocumentRoot "%2$s"

            # A certificate valid for %4$s from a public CA (RFC 8461 §3.3).
            SSLEngine on
            SSLCertificateFile    /etc/ssl/%4$s/fullchain.pem
            SSLCertificateKeyFile /etc/ssl/%4$s/privkey.pem

            <Directory "%2$s">
                Require all granted
                Options None
            </Directory>

            # text/plain whatever the server-wide AddType or mime.types say
            <Files "mta-sts.txt">
                ForceType text/plain
            </Files>

            # Add no Redirect, RedirectMatch or RewriteRule to this host: senders do not follow
            # redirects. A server-wide "redirect everything to https://www" must exclude it.
        </VirtualHost>
        """
            .formatted(names.domain(), names.webRoot(), names.url(), names.host());
    return new Snippet("Apache httpd", "apache-httpd.conf", "apache", text);
  }

  static Snippet caddy(PolicyHost names) {
    String text =
        """
        # Caddy 2: serves the MTA-STS policy of %1$s at
        # %3$s
        # Caddy gets a certificate for %4$s by itself (automatic HTTPS) once the name points
        # to this server. Its automatic http-to-https redirect on port 80 does no harm: senders
        # only use https.
        # Adapt: the root folder. Put the exported mta-sts.txt in
        # %2$s/.well-known/mta-sts.txt
        %4$s {
        \troot * %2$s
        \thandle /.well-known/mta-sts.txt {
        \t\theader Content-Type text/plain
        \t\tfile_server
        \t}
        \t# Nothing else lives on this host; no redir here: senders do not follow redirects.
        \thandle {
        \t\trespond 404
        \t}
        }
        """
            .formatted(names.domain(), names.webRoot(), names.url(), names.host());
    return new Snippet("Caddy", "Caddyfile", "caddy", text);
  }

  static Snippet iis(PolicyHost names) {
    String text =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          IIS: web.config at the root of the site that serves the MTA-STS policy of %1$s at
          %3$s
          Adapt: put the exported mta-sts.txt in <site root>\\.well-known\\mta-sts.txt
          The site needs an https binding for host name %4$s (port 443, Require Server Name
          Indication) with a certificate valid for that name from a public CA (RFC 8461 §3.3).
          No HTTP Redirect setting and no URL Rewrite redirect rule may apply to this site:
          senders do not follow redirects. If HTTP Redirection is installed and turned on at
          the server level, add <httpRedirect enabled="false" /> inside system.webServer.
        -->
        <configuration>
          <system.webServer>
            <staticContent>
              <!-- IIS maps .txt to text/plain already; remove first so that this entry does not
                   fail as a duplicate (HTTP 500.19) and wins over any other mapping -->
              <remove fileExtension=".txt" />
              <mimeMap fileExtension=".txt" mimeType="text/plain" />
            </staticContent>
          </system.webServer>
        </configuration>
        """
            .formatted(names.domain(), names.webRoot(), names.url(), names.host());
    return new Snippet("IIS", "web.config", "xml", text);
  }
}
