import type { DiffPart } from "@/lib/verdicts/diff-revisions";

/**
 * A word diff rendered as React nodes (never as an HTML string): removed words struck through,
 * added words underlined, each announced to screen readers.
 */
export function WordDiff({ parts, empty = "(empty)" }: { parts: DiffPart[]; empty?: string }) {
  if (parts.length === 0) return <span className="meta">{empty}</span>;
  return (
    <span className="word-diff">
      {parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
