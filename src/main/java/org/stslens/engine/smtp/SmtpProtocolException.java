package org.stslens.engine.smtp;

import java.io.IOException;

/** The server sent something that is not a well-formed SMTP reply (or too much of it). */
final class SmtpProtocolException extends IOException {

  SmtpProtocolException(String message) {
    super(message);
  }
}
