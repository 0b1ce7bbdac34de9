/** Plain text with blank lines between paragraphs, as paragraphs; single line breaks are kept. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== "");
  return (
    <div className={className}>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="vr-keep-lines">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
