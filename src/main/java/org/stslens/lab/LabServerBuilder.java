package org.stslens.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

/**
 * What every lab server's builder shares: where it listens (a loopback address, nothing else) and
 * on which port, and how a failed start is reported.
 *
 * @param <B> the concrete builder, returned by the setters so that calls chain
 * @param <S> the server it starts
 */
public abstract class LabServerBuilder<B extends LabServerBuilder<B, S>, S extends LabServer> {

  private final String kind;
  InetAddress bindAddress = Loopback.defaultAddress();
  int port;

  /**
   * @param kind the server's kind in messages: "DNS", "HTTPS", "SMTP"
   */
  LabServerBuilder(String kind) {
    this.kind = kind;
  }

  /** The loopback address to listen on; default 127.0.0.1. Others are refused. */
  public B bind(InetAddress address) {
    this.bindAddress = Loopback.require(address);
    return self();
  }

  /** Default 0, an ephemeral port (for DNS: one free for both UDP and TCP). */
  public B port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    this.port = port;
    return self();
  }

  /** Binds and starts serving. */
  public S start() {
    try {
      return create();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start lab " + kind + " server on " + bindAddress, e);
    }
  }

  /** The server from this builder's settings, bound and serving. */
  abstract S create() throws IOException;

  @SuppressWarnings("unchecked") // B is this builder's own class, by the type's contract
  private B self() {
    return (B) this;
  }
}
