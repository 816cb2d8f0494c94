/**
 * The history of checks: a local SQLite store of every real-Internet check ({@link
 * org.stslens.engine.history.HistoryStore}), what changed between two checks of a domain ({@link
 * org.stslens.engine.history.ChangeDetector}) and how long senders keep each policy version ({@link
 * org.stslens.engine.history.PolicyTimeline}). The same file keeps the watchlist and the imported
 * TLS-RPT reports (with their own JSON, read again by {@code engine.tlsrpt.reports}). No JavaFX.
 */
package org.stslens.engine.history;
