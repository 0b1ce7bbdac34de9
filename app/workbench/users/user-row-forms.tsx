"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/create-action";
import { changeUserRoleAction, setUserStatusAction } from "./actions";

type Result = ActionResult<unknown> | null;

/** Runs the action and, when it succeeds, renders the users page again with what changed. */
function useRefreshingAction(action: (form: FormData) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  return useActionState<Result, FormData>(async (_, form) => {
    const result = await action(form);
    if (result.ok) router.refresh();
    return result;
  }, null);
}

function Feedback({ result }: { result: Result }) {
  if (!result) return null;
  return result.ok ? (
    <span className="form-ok" role="status">
      Saved
    </span>
  ) : (
    <span className="form-error" role="alert">
      {result.error.message}
    </span>
  );
}

export function RoleForm({ userId, role, name }: { userId: string; role: string; name: string }) {
  const [result, formAction, pending] = useRefreshingAction(changeUserRoleAction);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        Role of {name}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        <option value="editor">Editor</option>
        <option value="reviewer">Reviewer</option>
        <option value="admin">Admin</option>
      </select>
      <button type="submit" disabled={pending} aria-label={`Save role of ${name}`}>
        Save role
      </button>
      <Feedback result={result} />
    </form>
  );
}

export function StatusForm({ userId, status, name }: { userId: string; status: string; name: string }) {
  const [result, formAction, pending] = useRefreshingAction(setUserStatusAction);
  const next = status === "active" ? "disabled" : "active";
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" className="secondary" disabled={pending}>
        {next === "disabled" ? `Disable ${name}` : `Enable ${name}`}
      </button>
      <Feedback result={result} />
    </form>
  );
}
