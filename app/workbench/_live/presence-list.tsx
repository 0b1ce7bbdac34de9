"use client";

import { useCallback, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useLiveTopics } from "./use-live-topics";

type Person = { id: string; name: string; editing: boolean };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

/** Editing marks expire on the server; a quiet page asks again at this pace to let them go. */
const RECHECK_MS = 15_000;

/** Who else has this page open, and who is typing in its verdict draft: names, initials, for everyone. */
export function PresenceList({ topic, what }: { topic: string; what: string }) {
  const t = useTranslations("workbenchLive");
  const [people, setPeople] = useState<Person[]>([]);
  const load = useCallback(async () => {
    const response = await fetch(`/api/live/presence?topic=${encodeURIComponent(topic)}`, { cache: "no-store" }).catch(() => null);
    if (response?.ok) setPeople(((await response.json()) as { people: Person[] }).people);
  }, [topic]);
  useLiveTopics([topic], (message) => {
    if (message.kind === "presence") void load();
  });
  useEffect(() => {
    const first = window.setTimeout(load, 0);
    const timer = window.setInterval(load, RECHECK_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [load]);

  if (people.length === 0) return null;
  return (
    <section className="presence" aria-label={t("presence.label", { what })}>
      <span className="meta">{t("presence.alsoHere")}</span>
      <ul className="presence-list">
        {people.map((person) => (
          <li key={person.id} className={person.editing ? "presence-person presence-editing" : "presence-person"}>
            <span className="presence-initials" aria-hidden="true" title={person.name}>
              {initials(person.name)}
            </span>
            <span className="presence-name">
              {person.name}
              {person.editing ? ` ${t("presence.editing")}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
