import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("writes plain text and numbers as they are, and nothing for null", () => {
    expect(csvCell("ada@example.com")).toBe("ada@example.com");
    expect(csvCell(0.0125)).toBe("0.0125");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("quotes cells with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvCell("Spring, 2026")).toBe('"Spring, 2026"');
    expect(csvCell('The "best" idea')).toBe('"The ""best"" idea"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each(["=1+1", "+49 30 123", "-2", "@SUM(A1)", "\tcmd", '=HYPERLINK("x")'])(
    "keeps a spreadsheet from running %j as a formula",
    (text) => {
      const cell = csvCell(text);
      expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("neutralises and quotes a formula that also has a comma", () => {
    expect(csvCell('=IMPORTXML("http://x", "//a")')).toBe(`"'=IMPORTXML(""http://x"", ""//a"")"`);
  });

  it("refuses a number that is not finite", () => {
    expect(() => csvCell(Number.NaN)).toThrow(/NaN/);
  });
});

describe("toCsv", () => {
  it("joins a header and rows with CRLF line ends", () => {
    expect(
      toCsv(
        ["email", "cost"],
        [
          ["a@b.test", 1.5],
          ["c,d@e.test", null],
        ],
      ),
    ).toBe('email,cost\r\na@b.test,1.5\r\n"c,d@e.test",\r\n');
  });

  it("refuses a row whose width differs from the header", () => {
    expect(() => toCsv(["a", "b"], [["only one"]])).toThrow(/row 1 has 1 cells, the header 2/);
  });
});
