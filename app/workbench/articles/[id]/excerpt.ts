/** The start of a long text, cut with an ellipsis, for lists and messages. */
export function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
