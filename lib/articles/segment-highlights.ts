// Pure: splits a text into consecutive segments so that each segment is covered by the same set of
// highlights. Overlapping and nested passages become nested-looking marks without any HTML strings.

export type HighlightRange = { id: string; start: number; end: number };
export type Segment = { start: number; end: number; ids: string[] };

export type Paragraph = { start: number; end: number; segments: Segment[] };

/** `breaks` are extra boundaries (where paragraphs start): no segment crosses one. */
export function segmentHighlights(textLength: number, ranges: readonly HighlightRange[], breaks: readonly number[] = []): Segment[] {
  const valid = ranges.filter((range) => range.start >= 0 && range.end <= textLength && range.end > range.start);
  const boundaries = new Set<number>([0, textLength, ...breaks.filter((point) => point > 0 && point < textLength)]);
  for (const range of valid) {
    boundaries.add(range.start);
    boundaries.add(range.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  // Sweep: ranges sorted by start enter the active set; each segment keeps those still open.
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const active: HighlightRange[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!);
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.end <= start) active.splice(i, 1);
    segments.push({ start, end, ids: active.map((range) => range.id) });
  }
  return segments;
}

/**
 * The text as paragraphs (each ends after its run of blank lines, which it keeps, so that the
 * paragraphs tile the text), each with its highlight segments: a long article is laid out and
 * painted paragraph by paragraph instead of as one block. A passage across paragraphs gets a
 * segment in each.
 */
export function segmentParagraphs(text: string, ranges: readonly HighlightRange[]): Paragraph[] {
  const breaks = [...text.matchAll(/\n[^\S\n]*\n\s*/g)].map((match) => match.index + match[0].length).filter((point) => point < text.length);
  const segments = segmentHighlights(text.length, ranges, breaks);
  const paragraphs: Paragraph[] = [];
  let next = 0;
  for (const end of [...breaks, text.length]) {
    const start = paragraphs.at(-1)?.end ?? 0;
    const own: Segment[] = [];
    while (next < segments.length && segments[next]!.end <= end) own.push(segments[next++]!);
    if (own.length > 0) paragraphs.push({ start, end, segments: own });
  }
  return paragraphs;
}
