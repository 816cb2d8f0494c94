package org.stslens.workbench.edit;

/**
 * One completion proposal: replace {@code [start, end)} with {@code insert}.
 *
 * @param label what the list shows
 * @param detail a short explanation beside it
 */
public record Completion(String label, String detail, int start, int end, String insert) {}
