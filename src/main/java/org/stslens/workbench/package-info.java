/**
 * The policy workbench's model: what the editor shows about a draft (diagnostics at their offsets,
 * highlighting, completion, quick fixes), how the draft would treat the MX hosts of the last check,
 * drafts on disk, and the publishing kit. No JavaFX here: the UI and the CLI both drive it, and it
 * uses the engine's own parser and MX judge, never a second implementation.
 */
package org.stslens.workbench;
