// Pure: splits a text into consecutive segments so that each segment is covered by the same set of
// highlights. Overlapping and nested passages become nested-looking marks without any HTML strings.

export type HighlightRange = { id: string; start: number; end: number };
export type Segment = { start: number; end: number; ids: string[] };

export function segmentHighlights(textLength: number, ranges: readonly HighlightRange[]): Segment[] {
  const valid = ranges.filter((range) => range.start >= 0 && range.end <= textLength && range.end > range.start);
  const boundaries = new Set<number>([0, textLength]);
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
