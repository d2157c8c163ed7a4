import { describe, expect, it } from "vitest";
import { prepareArticle } from "@/lib/import/prepare";
import { clean, CLOSING, expectDropped, expectKept, OPENING } from "./rule-helpers";

describe("breadcrumbs", () => {
  it.each(["Home » News » World", "Home > World > Asia", "Home / Politics / Elections", "HOME › Sport"])("drops %s", (line) =>
    expectDropped(line, "breadcrumb"),
  );
  it.each(["Home is where the heart is, the mayor said.", "Homeowners > renters in the poll, the survey found."])("keeps %s", expectKept);

  it("takes the title from a breadcrumb's last crumb when it reads as a headline", () => {
    const prepared = prepareArticle("Home » today » Dam opens on schedule\nThe dam opened.", "text");
    expect(prepared.metadata.title).toBe("Dam opens on schedule");
    expect(prepared.body).toBe("The dam opened.");
  });

  it("does not take a section name for a title", () => {
    const prepared = prepareArticle("Home > News > Elections\nTurnout hits record high\nVoters came out.", "text");
    expect(prepared.metadata.title).toBe("Turnout hits record high");
  });
});

describe("Korean portal interface strings", () => {
  it.each(["글자크기 설정 파란원을 좌우로 움직이시면 글자크기가 변경 됩니다.", "기사 공유하기", "좋아요 12", "이 기사를 추천합니다"])("drops %s in an English article", (line) =>
    expectDropped(line, "interface"),
  );

  it("keeps a Korean-language article's own paragraphs, dropping only its labelled furniture", () => {
    const text = [
      "북한 외무상 러시아 도착",
      "입력 2024.10.29 14:05",
      "최선희 북한 외무상이 블라디보스토크에 도착했다고 러시아 언론이 보도했다.",
      "글자크기 가 가 가",
      "\"정말 좋아요\"라고 한 시민이 말했다.",
      "좋아요 12",
      "최 외무상은 수요일 모스크바에 도착할 예정이다.",
      "김지훈 기자 kim@example.co.kr",
    ].join("\n");
    const prepared = prepareArticle(text, "text");
    expect(prepared.body).toBe(
      "최선희 북한 외무상이 블라디보스토크에 도착했다고 러시아 언론이 보도했다.\n\n\"정말 좋아요\"라고 한 시민이 말했다.\n\n최 외무상은 수요일 모스크바에 도착할 예정이다.",
    );
    expect(prepared.metadata).toMatchObject({ language: "ko", byline: "김지훈", publishedAt: "2024-10-29T14:05:00+09:00", title: "북한 외무상 러시아 도착" });
  });
});

describe("copyright lines end the story", () => {
  it.each([
    "Copyright © 경향신문. 무단전재 및 재배포 금지.",
    "© Example Wire",
    "Copyright 2026 The Associated Press. All rights reserved.",
    "(c) 2024 Harbor Media",
    "Harbor Media Group. All rights reserved.",
    "ⓒ 한겨레신문사 무단전재 및 재배포 금지",
  ])("drops %s and what follows it", (line) => {
    const { body, removed } = prepareArticle(["Headline", OPENING, line, "- A related headline", "Another one"].join("\n"), "text");
    expect(body).toBe(OPENING);
    expect(removed).toContainEqual({ line, reason: "copyright" });
    expect(removed).toContainEqual({ line: "Another one", reason: "after-story" });
  });

  it.each([
    "Copyright law changed this week.",
    "Copyright infringement cases rose 12% in 2023, the report said.",
    "The copyright on the song, which dates to 1928, expires next year.",
  ])("keeps %s", expectKept);

  it("does not end the story at a credit line that real paragraphs follow", () => {
    const story = Array.from({ length: 3 }, (_, i) => `Paragraph ${i} continues the story with enough words to read as a real paragraph written by a reporter, officials said.`);
    const prepared = prepareArticle(["Headline", OPENING, "© Getty Images", ...story].join("\n"), "text");
    expect(prepared.body).toBe([OPENING, ...story].join("\n\n"));
    expect(prepared.removed).toContainEqual({ line: "© Getty Images", reason: "copyright" });
    expect(prepared.metadata.outlet).toBeNull();
  });

  it("does not end the story before it has begun", () => {
    const { body } = prepareArticle(["Headline", "© 2026 Harbor Media", OPENING, CLOSING].join("\n"), "text");
    expect(body).toBe(`${OPENING}\n\n${CLOSING}`);
  });
});

describe("hashtag lines", () => {
  it.each(["#Putin #Visit #North #Korea", "#MeToo", "#sleep #education"])("drops %s", (line) => expectDropped(line, "hashtags"));
  it.each(["#1 seed Carlos Alcaraz beat Jannik Sinner in four sets on Sunday.", "#1", "# of votes cast rose sharply."])("keeps %s", expectKept);
});

describe("comment and spam widgets", () => {
  it.each([
    "Leave a Comment",
    "Leave a Reply",
    "12 Comments",
    "Comments",
    "Comments (4)",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
  ])("drops %s and what follows it", (line) => {
    const { body, removed } = prepareArticle(["Headline", OPENING, line, "Great article!"].join("\n"), "text");
    expect(body).toBe(OPENING);
    expect(removed).toContainEqual({ line, reason: "comments" });
    expect(removed).toContainEqual({ line: "Great article!", reason: "after-story" });
  });
  it.each(["Comments from residents were overwhelmingly negative, the council said.", "Leave a comment? Not likely, residents said after the six-hour meeting ran past midnight and the chamber emptied out."])(
    "keeps %s",
    expectKept,
  );
});

describe("ads, share bars, newsletter pitches", () => {
  it.each(["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Advertisement · Scroll to continue", "Sponsored content"])("drops %s", (line) =>
    expectDropped(line, "ad"),
  );
  it.each(["Advertisement revenue fell 8% last year, the company said.", "Sponsored by the city, the fair drew 40,000 visitors."])("keeps %s", expectKept);

  it.each(["Share this article", "Share on Facebook", "Facebook Twitter LinkedIn Email", "Share this:", "Share"])("drops %s", (line) => expectDropped(line, "share"));
  it.each(["Share prices fell 4% on Tuesday.", "Facebook said it will appeal the ruling.", "Twitter users mocked the plan."])("keeps %s", expectKept);

  it.each(["Sign up for our newsletter", "Subscribe to our daily newsletter for the latest news", "Get our free Morning Briefing newsletter"])("drops %s", (line) =>
    expectDropped(line, "newsletter"),
  );
  it.each(["Subscribers to the newsletter doubled last year.", "Sign up for the city's newsletter is free, the clerk said."])("keeps %s", expectKept);
});

describe("read-more and related lines", () => {
  it.each(["Read more: Council approves budget", "READ MORE: Who is running?", "Read more »", "Read more", "Also read: Fire chief warns", "See also: Budget explainer"])(
    "drops %s",
    (line) => expectDropped(line, "read-more"),
  );
  it.each([
    "Read more about this in the council's report, which runs to 300 pages.",
    "Readers can find the full report on the city's website.",
    "She urged residents to read more carefully before signing.",
  ])("keeps %s", expectKept);

  it("keeps a sentence starting “Read more about…” inside a paragraph", () => {
    const paragraph = "The auditor found $9 million in overtime. Read more about the figures in the March report, she said.";
    expectKept(paragraph);
  });

  it("drops a related heading and the headlines under it, until the story resumes", () => {
    const story = "The council also approved a new parking plan that will add 300 spaces downtown by 2027, according to the transport department.";
    const { body, removed } = prepareArticle(["Headline", OPENING, "Related stories", "Fire chief warns of closures", "Budget hearing draws crowd", story].join("\n"), "text");
    expect(body).toBe(`${OPENING}\n\n${story}`);
    expect(removed.filter((r) => r.reason === "related").map((r) => r.line)).toEqual(["Related stories", "Fire chief warns of closures", "Budget hearing draws crowd"]);
  });

  it.each(["Related: Fire chief warns of closures", "More from Business", "Most read", "You may also like"])("drops %s", (line) => expectDropped(line, "related"));

  it("drops a run of short bullet headlines that closes the page", () => {
    const bullets = ["- Ridgeway bakery closes after 61 years", "- County fair announces lineup", "- Police identify driver"];
    const { body, removed } = prepareArticle(["Headline", OPENING, CLOSING, ...bullets].join("\n"), "text");
    expect(body).toBe(`${OPENING}\n\n${CLOSING}`);
    expect(removed.filter((r) => r.reason === "related")).toHaveLength(3);
  });

  it("keeps a bullet list the story introduces, and bullets in the middle of the story", () => {
    const intro = "The budget includes three new programs:";
    const bullets = ["- A housing pilot", "- Road repairs", "- Forty police officers"];
    expect(prepareArticle(["Headline", OPENING, intro, ...bullets].join("\n"), "text").body).toBe([OPENING, intro, ...bullets].join("\n\n"));
    expect(prepareArticle(["Headline", OPENING, ...bullets, CLOSING].join("\n"), "text").body).toBe([OPENING, ...bullets, CLOSING].join("\n\n"));
  });
});

describe("wire end marks and reporters' addresses", () => {
  it.each(["(END)", "-30-", "###", "(Reporting by Maria Santos; Editing by Martin Petty)", "Reporting by Maria Santos; Editing by Martin Petty"])("drops %s", (line) =>
    expectDropped(line, "wire-end"),
  );
  it.each(["The end came quickly for the project, officials said.", "30 people were hurt."])("keeps %s", expectKept);

  it.each(["lee.junhyuk@joongang.co.kr", "Email: gwhitfield@millbrooksentinel.com", "[parkjw@koreatimes.co.kr]", "Contact: tips@example.org"])("drops %s", (line) =>
    expectDropped(line, "email"),
  );
  it("keeps a sentence that gives an address", () => expectKept("Readers can write to letters@example.com with their views, the editor said."));
});

describe("site chrome labels and cookie banners", () => {
  it.each(["Skip to content", "Menu", "Back to top", "Listen to this article"])("drops %s", (line) => expectDropped(line, "navigation"));
  it.each(["We use cookies to improve your experience on our site.", "Accept all cookies"])("drops %s", (line) => expectDropped(line, "cookie-banner"));
  it.each(["The menu at the new restaurant changes weekly.", "We use cookies as bait, the trapper told reporters."])("keeps %s", expectKept);
});

describe("title and page structure", () => {
  it("takes the first line as the title and drops its repeat", () => {
    const prepared = prepareArticle("Dam opens on schedule\n\nDam opens on schedule\nThe dam opened on Monday.", "text");
    expect(prepared.metadata.title).toBe("Dam opens on schedule");
    expect(prepared.body).toBe("The dam opened on Monday.");
  });

  it("does not take a long first sentence for a title", () => {
    const first = "The city council voted 7-2 on Tuesday to approve the largest budget in the city's history after a six-hour meeting.";
    const prepared = prepareArticle(`${first}\nIt takes effect in July.`, "text");
    expect(prepared.metadata.title).toBeNull();
    expect(prepared.body).toBe(`${first}\n\nIt takes effect in July.`);
  });

  it("keeps a lone line as the body rather than a title over nothing", () => {
    expect(prepareArticle("Just one line of text.", "text")).toMatchObject({ body: "Just one line of text.", metadata: { title: null } });
  });

  it("skips interface lines before the title", () => {
    const prepared = prepareArticle("Skip to content\n글자크기\nDam opens on schedule\nThe dam opened.", "text");
    expect(prepared.metadata.title).toBe("Dam opens on schedule");
  });

  it("falls back to a file name that reads as a title", () => {
    const first = "The city council voted 7-2 on Tuesday to approve the largest budget in the city's history after a six-hour meeting.";
    expect(prepareArticle(first, "text", { fileName: "council passes budget.txt" }).metadata.title).toBe("council passes budget");
    expect(prepareArticle(first, "text", { fileName: "004_dc732247863a8d02.txt" }).metadata.title).toBeNull();
  });

  it("joins text hard-wrapped at a fixed width back into paragraphs", () => {
    const wrapped = [
      "Council passes budget",
      "",
      "The Harbor City council voted 7-2 on Tuesday night to approve a",
      "$412 million operating budget, the largest in the city's history,",
      "after a six-hour meeting that ran past midnight.",
      "",
      "The plan raises the property tax rate by 4.5%, adding about $96 a",
      "year to the bill for a median-priced home, according to the city's",
      "finance department, which expects the gap to grow by 2028.",
      "",
      "Mayor Teresa Alvarado said the budget invests in the people who",
      "keep the city running and would not close any fire stations.",
    ].join("\n");
    const prepared = prepareArticle(wrapped, "text");
    expect(prepared.body.split("\n\n")).toEqual([
      "The Harbor City council voted 7-2 on Tuesday night to approve a $412 million operating budget, the largest in the city's history, after a six-hour meeting that ran past midnight.",
      "The plan raises the property tax rate by 4.5%, adding about $96 a year to the bill for a median-priced home, according to the city's finance department, which expects the gap to grow by 2028.",
      "Mayor Teresa Alvarado said the budget invests in the people who keep the city running and would not close any fire stations.",
    ]);
  });

  it("normalises text: NFC, no carriage returns, no odd spaces", () => {
    const prepared = prepareArticle("Headline\r\nCafe\u0301 owners\u00a0 said  so.\r\n\r\n\u200bSecond line.", "text");
    expect(prepared.body).toBe("Café owners said so.\n\nSecond line.");
  });
});

// Rules added after six unseen articles (AP, BBC, Guardian live blog, a newsletter, a TV
// station, Yonhap). Each kind of line is dropped, and its near-miss — a story line that
// opens with the same words — is kept.
describe("separators and wire credits", () => {
  it.each(["___", "* * *", "———", "=====", "- - -"])("drops the separator %s", (line) => expectDropped(line, "markup"));
  it.each(["—", "30 - 40", "A - B - C, the chart showed."])("keeps %s", expectKept);

  it.each([
    "Associated Press writer Tom Keller in New York contributed to this report.",
    "Associated Press writers Ana Ruiz in Madrid and Li Wei in Beijing contributed to this report.",
    "Staff writer Dana Whitlock contributed reporting.",
    "Contributing: Jane Doe, USA TODAY",
  ])("drops the wire credit %s", (line) => expectDropped(line, "wire-end"));
  it.each([
    "The writer, who contributed to this report in 2019, said the figures were wrong.",
    "Donors in 12 states contributed to the campaign, records show.",
    "Reporters who contributed to this report were not paid, the union said.",
  ])("keeps %s", expectKept);

  it.each([
    "Follow AP's coverage of the Federal Aviation Administration at https://apnews.com/hub/federal-aviation-administration.",
    "Follow our live updates at example.com/live",
  ])("drops the coverage pointer %s", (line) => expectDropped(line, "read-more"));
  it.each(["Follow the money, the auditor told the committee.", "Follow-up coverage of the vote is planned for next week."])("keeps %s", expectKept);
});

describe("an end mark opens the page's foot", () => {
  it("drops the tags and headlines after (END), and keeps a story line after it", () => {
    const { body, removed } = prepareArticle(["Headline", OPENING, "(END)", "Keywords", "#semiconductor #tax credit #K-Chips Act", "Exports hit record high on chip boom", CLOSING].join("\n"), "text");
    expect(body).toBe(`${OPENING}\n\n${CLOSING}`);
    expect(removed.filter((r) => r.reason !== "headline").map((r) => [r.reason, r.line])).toEqual([
      ["wire-end", "(END)"],
      ["related", "Keywords"],
      ["hashtags", "#semiconductor #tax credit #K-Chips Act"],
      ["related", "Exports hit record high on chip boom"],
    ]);
  });

  it.each(["Keywords", "Tags:", "Topics"])("drops the tag-block heading %s", (line) => expectDropped(line, "related"));
  it.each(["Keywords matter, the search engineer said.", "Topics for the debate were chosen by lot."])("keeps %s", expectKept);

  it.each(["#semiconductor #tax credit #K-Chips Act", "#climate #net zero"])("drops the tag line %s", (line) => expectDropped(line, "hashtags"));
  it.each(["#1 seed Alcaraz beat #2 Sinner in four sets on Sunday.", "#MeToo founder Tarana Burke spoke at the rally, organisers said"])("keeps %s", expectKept);
});

describe("share tray buttons, calls to action", () => {
  it.each(["Copy", "Save", "Link copied"])("drops the button %s", (line) => expectDropped(line, "navigation"));
  // a one-word paragraph is rare in a story, but a quoted one must stay
  it.each(["Copy editors said the headline was changed twice.", "Save the date, the organisers said.", "“No.”", "“Save.”"])("keeps %s", expectKept);

  it.each(["Watch the full report above", "See the video below.", "Report a typo", "Submit a correction", "View this post on the web", "View in browser", "Open in app"])(
    "drops %s",
    (line) => expectDropped(line, "navigation"),
  );
  it.each(["Download our app", "Download the WXYZ 7 News Detroit app for the latest news in Metro Detroit", "Get the app"])("drops the app pitch %s", (line) =>
    expectDropped(line, "ad"),
  );
  it.each([
    "Download speeds rose 40% last year, the regulator said.",
    "Download the city's app for road closures, officials urged residents on Tuesday.",
    "Watch the full report above the fireplace, she joked.",
    "Report a typo in the ballot to the county clerk, the notice said.",
    "View this post on the web as a warning, the moderator wrote.",
  ])("keeps %s", expectKept);
});

describe("newsletter furniture", () => {
  it.each([
    "Forwarded this email? Subscribe here for more.",
    "Thanks for reading The Rate Sheet! Subscribe for free to receive new posts and support my work.",
    "The Rate Sheet is a weekly explainer on money and markets. Forwarded this email? Subscribe here for more.",
    "You're currently a free subscriber to The Rate Sheet.",
    "Subscribe for free to receive new posts.",
  ])("drops %s", (line) => expectDropped(line, "newsletter"));

  it("names the newsletter from its sign-off", () => {
    expect(clean("Thanks for reading The Rate Sheet! Subscribe for free to receive new posts and support my work.").metadata.outlet).toBe("The Rate Sheet");
  });

  it.each([
    "Thanks for reading, the mayor told the crowd at the library.",
    "Politico Playbook is a daily newsletter read across Washington, its editor said.",
    "The Rate Sheet is a weekly explainer on money and markets.",
  ])("keeps %s", (line) => {
    expectKept(line);
    expect(clean(line).metadata.outlet).toBeNull();
  });
});

describe("picture labels, embed credits, contact lines, live-blog times", () => {
  it.each(["Image source, Getty Images", "Image caption, Ferry Lane was under water", "Picture credit: Jane Doe"])("drops %s", (line) => expectDropped(line, "caption"));
  it("takes “Image caption, …” as the caption, without its label", () => {
    expect(clean("Image caption, Ferry Lane was under water").metadata.caption).toBe("Ferry Lane was under water");
    expect(clean("Image source, Getty Images").metadata.caption).toBeNull();
  });
  it.each(["Image source data was lost in the fire, the archive said.", "Image quality, the lab said, was poor."])("keeps %s", expectKept);

  it.each(["— Tim Ferrand MP (@TimFerrandMP) July 15, 2025", "— Jane Doe (@janedoe)"])("drops the embed credit %s", (line) => expectDropped(line, "markup"));
  it.each(["— and then (@ the end) nothing changed, she wrote.", "— Tim Ferrand MP (@TimFerrandMP) said the bans were a scandal."])("keeps %s", expectKept);

  it.each(["As ever, you can get in touch at priya.nair@theguardian.com.", "Send us your tips at tips@example.org"])("drops the contact line %s", (line) =>
    expectDropped(line, "email"),
  );
  it.each(["Residents can get in touch at help@example.gov, the council said.", "Readers can write to letters@example.com with their views."])("keeps %s", expectKept);

  it.each(["16.20 BST", "9:05 a.m. ET", "14:32"])("drops the entry time %s", (line) => expectDropped(line, "dateline"));
  it.each(["16.20", "9.5 BST", "25:10 GMT"])("keeps %s", expectKept);
});
