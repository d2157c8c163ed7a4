"use server";

import { updateSource } from "@/lib/sources/update";
import type { FormState } from "@/app/_components/action-result";
import { formNumber, formText, runAction } from "../../../_actions/run";

export async function updateSourceAction(_: FormState, form: FormData) {
  const input = {
    sourceId: formNumber(form, "sourceId"),
    baseUpdatedAt: formText(form, "baseUpdatedAt"),
    title: formText(form, "title"),
    body: formText(form, "body"),
  };
  return runAction((actor) => updateSource(actor, input), {
    message: ({ claims: c, evidence: e }) =>
      `Saved. Claims: ${c.kept} unchanged, ${c.moved} re-anchored, ${c.orphaned} orphaned.` +
      (e.moved + e.orphaned > 0 ? ` Evidence passages: ${e.moved} re-anchored, ${e.orphaned} orphaned.` : ""),
    revalidate: `/sources/${input.sourceId}`,
  });
}
