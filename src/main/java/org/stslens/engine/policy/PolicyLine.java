package org.stslens.engine.policy;

/**
 * One {@code key: value} line of a policy body, as the parser read it (for the editor and for
 * reports that show the policy as written).
 *
 * @param number 1-based line number
 * @param key the key with surrounding SP/HTAB removed
 * @param value the value with surrounding SP/HTAB removed
 * @param keyColumn 1-based column of the key's first character (on line 1, counted after a BOM)
 * @param valueColumn 1-based column where the value starts (just past the line's content when the
 *     value is empty)
 * @param terminator {@code "\n"}, {@code "\r\n"} or {@code ""} for a last line without one
 */
public record PolicyLine(
    int number, String key, String value, int keyColumn, int valueColumn, String terminator) {}
