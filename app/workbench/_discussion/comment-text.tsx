import { splitLinks } from "@/lib/discussion/split-links";

/** A comment as plain text; only http(s) addresses become links, marked as user-written and untrusted. */
export function CommentText({ body }: { body: string }) {
  return (
    <p className="dc-body">
      {splitLinks(body).map((part, index) =>
        "href" in part ? (
          <a key={index} href={part.href} rel="noopener nofollow ugc" target="_blank">
            {part.text}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
