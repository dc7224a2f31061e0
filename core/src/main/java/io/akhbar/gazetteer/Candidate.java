package io.akhbar.gazetteer;

/**
 * A possible mention: tokens {@code start}..{@code end} (exclusive) match a gazetteer form ({@link MentionIndex.Entry}),
 * possibly behind the clitics و/ف ({@code conj}) and ب/ل/ك ({@code prep}). The stages after {@link MentionIndex} accept
 * or drop it; {@code via} records why it was accepted.
 */
final class Candidate {
  final int start;
  final int end;
  final MentionIndex.Entry e;
  final boolean conj;
  final char prep;
  String via;

  Candidate(int start, int end, MentionIndex.Entry e, boolean conj, char prep) {
    this.start = start;
    this.end = end;
    this.e = e;
    this.conj = conj;
    this.prep = prep;
  }

  /** Tokens between this candidate and the other (0 when they touch or overlap). */
  int distanceTo(Candidate q) {
    return q.start >= end ? q.start - end : start >= q.end ? start - q.end : 0;
  }
}
