import { describe, expect, it } from "vitest";
import { prepareArticle } from "@/lib/import/prepare";

const md = (text: string) => prepareArticle(text, "markdown");

describe("Markdown to text", () => {
  it("takes the first heading as the title and keeps later headings as paragraphs", () => {
    const prepared = md("# Council passes budget\n\nThe vote was 7-2.\n\n## What happens next\n\nThe tax rises in July.");
    expect(prepared.metadata.title).toBe("Council passes budget");
    expect(prepared.body).toBe("The vote was 7-2.\n\nWhat happens next\n\nThe tax rises in July.");
  });

  it("reads a setext heading", () => {
    expect(md("Council passes budget\n=====================\n\nThe vote was 7-2.").metadata.title).toBe("Council passes budget");
  });

  it("strips emphasis, code and strike marks", () => {
    expect(md("# T\n\nThe **largest** budget, said *the mayor*, was __not__ _cheap_ at `$412m` ~~or more~~.").body).toBe(
      "The largest budget, said the mayor, was not cheap at $412m or more.",
    );
  });

  it("keeps underscores inside words and escaped characters", () => {
    expect(md("# T\n\nThe file budget_2026_final.pdf costs \\*nothing\\* and 5 \\* 3 = 15.").body).toBe("The file budget_2026_final.pdf costs *nothing* and 5 * 3 = 15.");
  });

  it("turns links into their text", () => {
    expect(md('# T\n\nRead the [auditor\'s report](https://example.org/r "Report") and the [plan][1].\n\n[1]: https://example.org/plan').body).toBe(
      "Read the auditor's report and the plan.",
    );
  });

  it("takes images out of the body and offers their alt text as the caption", () => {
    const prepared = md("# T\n\n![Council members vote on Tuesday](vote.jpg)\n\nThe vote was 7-2.");
    expect(prepared.body).toBe("The vote was 7-2.");
    expect(prepared.metadata.caption).toBe("Council members vote on Tuesday");
  });

  it("takes an emphasised line under an image as that image's caption", () => {
    const prepared = md("# T\n\n![vote](vote.jpg)\n\n*Council members vote. Photo: L. Ortega*\n\nThe vote was 7-2.");
    expect(prepared.body).toBe("The vote was 7-2.");
    expect(prepared.metadata.caption).toBe("Council members vote. Photo: L. Ortega");
  });

  it("joins soft-wrapped lines and keeps hard breaks", () => {
    expect(md("# T\n\nThe vote\nwas 7-2.  \nThe tax rises.").body).toBe("The vote was 7-2.\nThe tax rises.");
  });

  it("unquotes blockquotes, keeping a quote that runs over two paragraphs", () => {
    expect(md('# T\n\n> "The first part,\n>\n> "and the second," she said.').body).toBe('"The first part,\n\n"and the second," she said.');
  });

  it("keeps list items as bullet lines and drops rules and comments", () => {
    expect(md("# T\n\nThe plan:\n\n* Housing\n+ Roads\n1. Police\n\n---\n\n<!-- editor: check -->\nThe end.").body).toBe("The plan:\n\n- Housing\n\n- Roads\n\n1. Police\n\nThe end.");
  });

  it("reads front matter into the metadata", () => {
    const prepared = md('---\ntitle: "Council passes budget"\nauthor: Dana Whitlock\ndate: 2026-04-28T21:12:00-04:00\npublication: The Harbor City Ledger\nlang: en-US\n---\n\nThe vote was 7-2.');
    expect(prepared.metadata).toMatchObject({
      title: "Council passes budget",
      byline: "Dana Whitlock",
      publishedAt: "2026-04-28T21:12:00-04:00",
      outlet: "The Harbor City Ledger",
      language: "en",
    });
    expect(prepared.body).toBe("The vote was 7-2.");
  });

  it("runs the text rules after the markup is gone", () => {
    const prepared = md("# T\n\n*By Grace Whitfield*\n\nThe vote was 7-2.\n\n**Read more:** [Budget explainer](x)\n\n#budget #council");
    expect(prepared.body).toBe("The vote was 7-2.");
    expect(prepared.metadata.byline).toBe("Grace Whitfield");
  });

  it("keeps “#1 seed” lines, which are not headings", () => {
    expect(md("# T\n\n#1 seed Alcaraz beat Sinner in four sets.").body).toBe("#1 seed Alcaraz beat Sinner in four sets.");
  });

  it("does not take an unmarked first paragraph for a title", () => {
    expect(md("I was wrong about the budget.\n\nHere is why.").metadata.title).toBeNull();
    expect(md("I was wrong about the budget.\n\nHere is why.").body).toBe("I was wrong about the budget.\n\nHere is why.");
  });
});
