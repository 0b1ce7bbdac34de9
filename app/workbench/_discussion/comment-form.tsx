"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { MentionCandidate } from "@/lib/discussion/find-mentions";
import { postCommentAction } from "./actions";
import { mentionQuery, suggestColleagues } from "@/lib/discussion/suggest-colleagues";
import { useServerAction } from "../_components/use-action-runner";
import { ErrorMessage } from "@/app/_components/error-message";

type Target = { claimId: string } | { verdictRevisionId: string } | { threadId: string };

/** Writes a comment (a new thread or a reply); typing "@" offers colleagues to mention, by keyboard or pointer. */
export function CommentForm(props: { target: Target; colleagues: MentionCandidate[]; label: string; submitLabel: string }) {
  const t = useTranslations("workbenchDiscussion");
  const ids = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const { run, pending, error } = useServerAction(postCommentAction);

  const typing = dismissed ? null : mentionQuery(body, caret);
  const options = typing ? suggestColleagues(props.colleagues, typing.query) : [];
  const open = options.length > 0;

  function choose(person: MentionCandidate) {
    if (!typing) return;
    const next = `${body.slice(0, typing.start)}@${person.name} ${body.slice(caret)}`;
    const at = typing.start + person.name.length + 2;
    setBody(next);
    setCaret(at);
    requestAnimationFrame(() => area.current?.setSelectionRange(at, at));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((current) => (current + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissed(true);
    }
  }

  async function submit() {
    const posted = await run({ ...props.target, body });
    if (posted) setBody("");
  }

  return (
    <form
      className="dc-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}>
      <label htmlFor={`${ids}-body`}>{props.label}</label>
      <p className="vr-hint" id={`${ids}-hint`}>
        {t("hint")}
      </p>
      <div className="dc-compose">
        <textarea
          ref={area}
          id={`${ids}-body`}
          name="body"
          rows={2}
          maxLength={5000}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setCaret(event.target.selectionStart);
            setActive(0);
            setDismissed(false);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          aria-autocomplete="list"
          aria-controls={open ? `${ids}-people` : undefined}
          aria-activedescendant={open ? `${ids}-person-${Math.min(active, options.length - 1)}` : undefined}
          aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        {open && (
          <ul className="dc-mentions" role="listbox" id={`${ids}-people`} aria-label={t("mentionList")}>
            {options.map((person, index) => (
              <li
                key={person.id}
                id={`${ids}-person-${index}`}
                role="option"
                aria-selected={index === Math.min(active, options.length - 1)}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(person);
                }}>
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {open ? t("mentionStatus", { count: options.length }) : ""}
      </p>
      {error && (
        <p className="form-error" role="alert" id={`${ids}-error`}>
          <ErrorMessage error={error} />
        </p>
      )}
      <div className="vr-actions">
        <button type="submit" className="cl-small" disabled={pending}>
          {pending ? t("posting") : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
