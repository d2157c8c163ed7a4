import { expect } from "vitest";
import { prepareArticle } from "@/lib/import/prepare";
import type { RemovalReason } from "@/lib/import/types";

// Each rule is tested inside a small article: a headline, a story paragraph, the
// line under test, and a closing story paragraph that must always survive.
export const OPENING = "The council met on Tuesday to discuss the budget, officials said.";
export const CLOSING = "The vote is scheduled for next week, the clerk said.";

export const clean = (line: string) => prepareArticle(["Headline", OPENING, line, CLOSING].join("\n"), "text");

export function expectDropped(line: string, reason: RemovalReason) {
  const { body, removed } = clean(line);
  expect(body).toBe(`${OPENING}\n\n${CLOSING}`);
  expect(removed).toContainEqual({ line, reason });
}

export function expectKept(line: string) {
  const { body } = clean(line);
  expect(body).toBe(`${OPENING}\n\n${line}\n\n${CLOSING}`);
}
