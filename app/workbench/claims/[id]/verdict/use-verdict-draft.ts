"use client";

// The verdict draft's state and its two actions. Saves carry the version the editor started from;
// when someone else saved in between, nothing is overwritten: the conflict keeps both versions.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/create-action";
import { saveVerdictDraftAction, submitVerdictAction } from "./actions";
import { readConflict, sameContent, type Conflict, type Content, type Theirs } from "./verdict-content";

export function useVerdictDraft(props: { claimId: string; verdictId: string | null; version: number | null; initial: Content }) {
  const t = useTranslations("workbenchVerdicts.editor");
  const router = useRouter();
  const [content, setContent] = useState<Content>(props.initial);
  const [saved, setSaved] = useState<Content>(props.initial);
  const [version, setVersion] = useState<number | null>(props.version);
  const [verdictId, setVerdictId] = useState<string | null>(props.verdictId);
  const [pending, setPending] = useState<"save" | "submit" | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = !sameContent(content, saved);

  // Unsaved work is not lost to a stray click: the browser asks before leaving the page.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = <K extends keyof Content>(key: K, value: Content[K]) => {
    setContent((current) => ({ ...current, [key]: value }));
    setNotice(null);
  };

  function begin(kind: "save" | "submit") {
    setPending(kind);
    setError(null);
    setConflict(null);
    setNotice(null);
  }

  async function write(expectedVersion: number | null, draft: Content): Promise<{ version: number; verdictId: string } | null> {
    const result = await saveVerdictDraftAction({ claimId: props.claimId, expectedVersion, ...draft });
    if (!result.ok) {
      if (result.error.code === "conflict") setConflict(readConflict(result.error, draft));
      else setError(result.error);
      return null;
    }
    setVersion(result.data.version);
    setVerdictId(result.data.verdictId);
    setSaved(draft);
    return { version: result.data.version, verdictId: result.data.verdictId };
  }

  async function save(expectedVersion: number | null = version, draft: Content = content) {
    begin("save");
    const done = await write(expectedVersion, draft);
    setPending(null);
    if (done) {
      setNotice(t("notices.saved", { version: done.version }));
      router.refresh();
    }
  }

  async function submit() {
    begin("submit");
    let current = verdictId && version !== null ? { verdictId, version } : null;
    if (dirty || !current) current = await write(version, content);
    if (!current) {
      setPending(null);
      return;
    }
    const result = await submitVerdictAction({ verdictId: current.verdictId, expectedVersion: current.version });
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(t("notices.submitted", { revision: result.data.revisionNumber }));
    router.refresh();
  }

  function takeTheirs(theirs: Theirs) {
    const next = { rating: theirs.rating, headline: theirs.headline, summary: theirs.summary, explanation: theirs.explanation };
    setContent(next);
    setSaved(next);
    setVersion(theirs.version);
    setConflict(null);
    setNotice(t("notices.tookTheirs", { version: theirs.version }));
  }

  return { content, set, dirty, version, pending, error, conflict, notice, save, submit, takeTheirs };
}
