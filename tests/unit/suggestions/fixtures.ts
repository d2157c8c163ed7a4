/** Loads the suggestion fixtures: our own articles, the holdout ones, and the three seed bodies. */
import fs from "node:fs";
import path from "node:path";
import { cleanArticle } from "@/lib/import/clean-article";
import type { Gold } from "@/lib/suggestions/evaluate";
import type { SpeakerOption } from "@/lib/suggestions";
import { SPEAKERS } from "@/seed/desk-data";

export const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "suggestions");

export type Fixture = { name: string; body: string; gold: Gold & { seed?: string }; speakers: SpeakerOption[]; holdout: boolean };

/** The seed speakers with fake ids, as the desk would pass them. */
export const SEED_SPEAKERS: SpeakerOption[] = SPEAKERS.map((s, i) => ({ id: 100 + i, name: s.name, aliases: s.aliases, description: s.description }));

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => {
      const name = f.replace(".gold.json", "");
      const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")) as Fixture["gold"];
      const body = gold.seed
        ? cleanArticle(fs.readFileSync(path.join(process.cwd(), "seed", "articles", gold.seed), "utf8")).body
        : fs.readFileSync(path.join(FIXTURES, `${name}.txt`), "utf8").trimEnd();
      return { name, body, gold, speakers: gold.seed ? SEED_SPEAKERS : [], holdout: name.startsWith("holdout-") };
    });
}
