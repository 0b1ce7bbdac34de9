import type { ReactNode } from "react";

/** One queue of the workbench home: its title and count, and its list or what it says when empty. */
export function QueueSection(props: { title: string; count: number; empty: string; className?: string; children: ReactNode }) {
  return (
    <section className={props.className ? `queue ${props.className}` : "queue"} aria-label={props.title}>
      <h2>
        {props.title} <span className="meta">({props.count})</span>
      </h2>
      {props.count === 0 ? <p className="meta">{props.empty}</p> : <ul>{props.children}</ul>}
    </section>
  );
}
