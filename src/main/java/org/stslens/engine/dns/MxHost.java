package org.stslens.engine.dns;

/**
 * One mail exchanger of the domain.
 *
 * @param preference MX preference (lower is tried first); 0 for the implicit MX
 * @param host host name, lower case, without trailing dot
 * @param implicit true when the domain has no MX and senders use the domain itself (RFC 5321 §5.1)
 */
public record MxHost(int preference, String host, boolean implicit) {}
