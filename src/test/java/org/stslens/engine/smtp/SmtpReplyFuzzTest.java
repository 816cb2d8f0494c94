package org.stslens.engine.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;

/**
 * Whatever an SMTP server sends, the reply reader returns well-formed replies or fails with an
 * {@link IOException} (a protocol error, the end of the stream), never anything else. Seeds:
 * hand-written replies (the corpus has none); fuzz with {@code -Pfuzz}.
 */
class SmtpReplyFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void readReplies(byte[] received) throws IOException {
    SmtpConnection connection =
        new SmtpConnection(new BytesSocket(received), new Transcript(Clock.systemUTC()));
    // each reply consumes at least one line: the stream ends within received.length + 1 replies
    for (int i = 0; i <= received.length; i++) {
      SmtpReply reply;
      try {
        reply = connection.readReply(Duration.ofSeconds(5));
      } catch (IOException e) {
        return;
      }
      assertThat(reply.code()).isBetween(0, 999);
      assertThat(reply.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(SmtpConnection.MAX_LINES);
      assertThat(reply.lines())
          .allSatisfy(
              line ->
                  assertThat(line)
                      .doesNotContain("\n")
                      .hasSizeLessThanOrEqualTo(SmtpConnection.MAX_LINE));
    }
    throw new AssertionError("more replies than lines");
  }

  /** A socket that delivers fixed bytes and then the end of the stream. */
  private static final class BytesSocket extends Socket {
    private final InputStream in;
    private final OutputStream out = new ByteArrayOutputStream();

    BytesSocket(byte[] received) {
      this.in = new ByteArrayInputStream(received);
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public void setSoTimeout(int timeout) {
      // nothing blocks: the bytes are all there
    }
  }
}
