/**
 * The history of checks: a local SQLite store of every real-Internet check ({@link
 * org.stslens.engine.history.HistoryStore}), what changed between two checks of a domain ({@link
 * org.stslens.engine.history.ChangeDetector}) and how long senders keep each policy version ({@link
 * org.stslens.engine.history.PolicyTimeline}). No JavaFX.
 */
package org.stslens.engine.history;
