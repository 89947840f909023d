import type { Idea } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  ideaToText,
  markdownFileName,
  slugify,
  sparkToMarkdown,
  type SparkForText,
} from "./sparkText";

const idea: Idea = {
  title: "Sourdough Saturdays",
  pitch: "A weekly bread class in the shop before opening.",
  whyItWorks: "Regulars become teachers' pets and bring friends.",
  effort: "medium",
  firstSteps: ["Pick a Saturday", "Print ten tickets"],
};

const second: Idea = {
  title: "Crust club",
  pitch: "A loyalty card stamped per loaf.",
  whyItWorks: "Cheap to run.",
  effort: "low",
  firstSteps: ["Order stamps"],
};

const spark: SparkForText = {
  brief: { topic: "Launch a bakery", audience: "Parents", count: 2, tone: "bold" },
  ideas: [idea, second],
  starred: [1],
  status: "complete",
  createdAt: Date.UTC(2026, 3, 1, 12),
};

/** What a CommonMark reader shows for escaped text: a backslash before punctuation vanishes. */
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, "$1");

describe("ideaToText", () => {
  it("writes every field of the idea: title, effort, pitch, why it works, numbered steps", () => {
    expect(ideaToText(idea)).toBe(
      [
        "Sourdough Saturdays",
        "Effort: medium",
        "A weekly bread class in the shop before opening.",
        "Why it works:\nRegulars become teachers' pets and bring friends.",
        "First steps:\n1. Pick a Saturday\n2. Print ten tickets",
      ].join("\n\n"),
    );
  });

  it("leaves the person's text as written (plain text needs no escaping)", () => {
    const text = ideaToText({ ...idea, title: "*Bold* # [link](x) <b>" });
    expect(text.split("\n")[0]).toBe("*Bold* # [link](x) <b>");
  });
});

describe("escapeMarkdown", () => {
  it("escapes inline markers: emphasis, code, links, HTML, tables, strikethrough, backslashes", () => {
    const text = "a*b_c`d[e](f)<g>|h~i\\j";
    const escaped = escapeMarkdown(text);
    expect(escaped).toBe("a\\*b\\_c\\`d\\[e\\](f)\\<g\\>\\|h\\~i\\\\j");
    expect(unescape(escaped)).toBe(text);
  });

  it("escapes block markers at the start of a line only", () => {
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("> not a quote")).toBe("\\> not a quote");
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("+ not a list")).toBe("\\+ not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("2) not a list")).toBe("2\\) not a list");
    expect(escapeMarkdown("===")).toBe("\\===");
    expect(escapeMarkdown("C# and 5.5 - e.g. fine")).toBe("C# and 5.5 - e.g. fine");
  });

  it("escapes an ampersand only where it would start an entity", () => {
    expect(escapeMarkdown("Salt & pepper &amp; &#35;")).toBe("Salt & pepper \\&amp; \\&#35;");
  });

  it("keeps line breaks as hard breaks and blank lines as paragraphs, escaping every line", () => {
    expect(escapeMarkdown("first\n- second\r\n\n\n# third")).toBe(
      "first\\\n\\- second\n\n\\# third",
    );
  });

  it("drops indentation that would turn a line into a code block", () => {
    expect(escapeMarkdown("    code?")).toBe("code?");
  });

  it("indents continuation lines when asked (inside a list item)", () => {
    expect(escapeMarkdown("one\ntwo\n\nthree", "   ")).toBe("one\\\n   two\n\n   three");
  });
});

describe("sparkToMarkdown", () => {
  it("writes the brief, then every idea with all its fields, and marks starred ideas", () => {
    expect(sparkToMarkdown(spark)).toBe(
      [
        "# Launch a bakery",
        "",
        "- **Audience:** Parents",
        "- **Tone:** Bold",
        "- **Ideas:** 2 of 2 asked for",
        "- **Created:** 2026-04-01",
        "",
        "## 1. Sourdough Saturdays",
        "",
        "**Effort:** Medium",
        "",
        "A weekly bread class in the shop before opening.",
        "",
        "### Why it works",
        "",
        "Regulars become teachers' pets and bring friends.",
        "",
        "### First steps",
        "",
        "1. Pick a Saturday",
        "2. Print ten tickets",
        "",
        "## 2. Crust club",
        "",
        "**Effort:** Low · ★ Starred",
        "",
        "A loyalty card stamped per loaf.",
        "",
        "### Why it works",
        "",
        "Cheap to run.",
        "",
        "### First steps",
        "",
        "1. Order stamps",
        "",
      ].join("\n"),
    );
  });

  it("escapes Markdown in every piece of user and model text", () => {
    const hostile: Idea = {
      title: "**Loud** [click](https://evil.test) #",
      pitch: "<script>alert(1)</script>",
      whyItWorks: "# Not a heading\n> not a quote",
      effort: "high",
      firstSteps: ["1. nested?", "`code` and *stars*\n- not a sub-list"],
    };
    const markdown = sparkToMarkdown({
      brief: {
        topic: "# _Topic_ with <tags>",
        audience: "| table | people |",
        constraints: "---\nno rules",
        count: 1,
      },
      ideas: [hostile],
    });
    expect(markdown).toContain("# \\# \\_Topic\\_ with \\<tags\\>\n");
    expect(markdown).toContain("- **Audience:** \\| table \\| people \\|\n");
    expect(markdown).toContain("- **Constraints:** \\---\\\n  no rules\n");
    expect(markdown).toContain("## 1. \\*\\*Loud\\*\\* \\[click\\](https://evil.test) \\#\n");
    expect(markdown).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(markdown).toContain("\\# Not a heading\\\n\\> not a quote");
    expect(markdown).toContain(
      "1. 1\\. nested?\n2. \\`code\\` and \\*stars\\*\\\n   \\- not a sub-list",
    );
    // No raw tag, link or emphasis survives: every special character is escaped.
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    expect(markdown).not.toMatch(/(^|[^\\])\[click/);
  });

  it("says so when a partial answer has fewer ideas than asked", () => {
    const markdown = sparkToMarkdown({ ...spark, ideas: [idea], status: "partial" });
    expect(markdown).toContain("- **Ideas:** 1 of 2 asked for (the answer ended early)\n");
    expect(markdown).not.toContain("## 2.");
  });

  it("writes a spark with no ideas and only a topic", () => {
    expect(sparkToMarkdown({ brief: { topic: "Gift for Dad", count: 3 }, ideas: [] })).toBe(
      "# Gift for Dad\n\n- **Ideas:** 0 of 3 asked for\n\n_No ideas yet._\n",
    );
  });

  it("leaves out brief fields that were not given", () => {
    const markdown = sparkToMarkdown({ brief: { topic: "Gift", count: 1 }, ideas: [idea] });
    expect(markdown).not.toMatch(/Audience|Constraints|Tone|Created|Starred/);
  });
});

describe("slugify and markdownFileName", () => {
  it("makes lower-case ASCII words joined by dashes", () => {
    expect(slugify("Launch a Bakery!")).toBe("launch-a-bakery");
    expect(slugify("  Crème brûlée — for 20 guests?  ")).toBe("creme-brulee-for-20-guests");
  });

  it("never yields path separators, dots or an empty name", () => {
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
    expect(slugify("🎉🎉")).toBe("spark");
    expect(slugify("")).toBe("spark");
  });

  it("keeps whole words within 60 characters", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(slugify("x".repeat(100))).toBe("x".repeat(60));
  });

  it("names the file after the topic", () => {
    expect(markdownFileName({ topic: "Launch a bakery" })).toBe("launch-a-bakery.md");
  });
});
