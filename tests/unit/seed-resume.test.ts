import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "@/lib/import/clean-article";
import { createSource } from "@/lib/sources";
import { ARTICLES, CLAIMS, VERDICTS } from "@/seed/desk-data";
import { seedDemoAccounts, seedDesk } from "@/seed/seed-desk";
import { expectOk, SYSTEM } from "./support/factories";
import { countRows } from "./support/rows";

describe("seedDesk after a run that stopped half-way", () => {
  it("completes the claims and verdicts of a source that already exists", async () => {
    await seedDemoAccounts({ create: true });
    const meta = ARTICLES.kyunghyang;
    const cleaned = cleanArticle(fs.readFileSync(path.join(process.cwd(), "seed", "articles", meta.file), "utf8"));
    // the state a crash right after the first source would leave
    expectOk(
      await createSource(SYSTEM, {
        title: cleaned.title,
        outlet: meta.outlet,
        publishedAt: `${cleaned.publishedLocal}:00${meta.offset}`,
        body: cleaned.body,
      }),
    );

    const report = await seedDesk();
    expect(report.created.sources).toBe(Object.keys(ARTICLES).length - 1);
    expect(report.created.claims).toBe(CLAIMS.length);
    expect(report.created.verdicts).toBe(VERDICTS.length);
    expect(await countRows("claims")).toBe(CLAIMS.length);

    const again = await seedDesk();
    expect(again.created).toEqual({ sources: 0, speakers: 0, claims: 0, verdicts: 0 });
    expect(await countRows("verdicts")).toBe(VERDICTS.length);
  });
});
