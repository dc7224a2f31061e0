package io.akhbar.gazetteer;

/**
 * One accepted mention found by {@link Tagger#mentions}: for debugging, highlighting and tests.
 *
 * @param type   {@code place} or {@code actor}
 * @param id     the place or actor id
 * @param start  index of the first token (in the tagger's token stream: title tokens, then body tokens)
 * @param end    index after the last token
 * @param text   the matched tokens, normalized
 * @param via    how it was found: {@code alias}, {@code context:<evidence>}, {@code surname}, {@code role:<role id>}
 */
public record Mention(String type, String id, int start, int end, String text, String via) {}
