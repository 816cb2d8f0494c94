/**
 * The TLS-RPT reports (RFC 8460 §4) that senders mail back: import of {@code .json}, {@code
 * .json.gz}, {@code .eml}, {@code .mbox}, {@code .zip} and folders, a tolerant parser of the
 * real-world variants, and the counting rules of the README. Plain Java, immutable results.
 */
package org.stslens.engine.tlsrpt.reports;
