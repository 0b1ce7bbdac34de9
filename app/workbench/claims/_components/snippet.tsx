import type { SnippetPart } from "@/lib/search/text-query";

/** A search snippet as React nodes: matched words in <mark>, everything else as text (never markup). */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
