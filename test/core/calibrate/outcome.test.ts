import { describe, expect, it } from "vitest";
import { guessOutcomeColumn, outcomePositive, readOutcome } from "../../../src/core";

describe("the outcome column", () => {
  it("is guessed from a header that says churn, renewal or retention", () => {
    expect(guessOutcomeColumn(["Account", "ARR", "Churned?", "Renewed"])).toBe("Churned?");
    expect(guessOutcomeColumn(["Account", "Retained"])).toBe("Retained");
    expect(guessOutcomeColumn(["Account", "ARR"])).toBeUndefined();
  });

  it("reads TRUE as stayed in a column named like Renewed", () => {
    expect(outcomePositive("Renewed")).toBe("renewed");
    expect(outcomePositive("Churned")).toBe("churned");
    expect(readOutcome(true, "renewed")).toBe(false);
    expect(readOutcome("yes", "churned")).toBe(true);
  });

  it("leaves an undecided account out", () => {
    expect(readOutcome("pending")).toBeUndefined();
    expect(readOutcome("")).toBeUndefined();
    expect(readOutcome("pending", "renewed")).toBeUndefined();
  });

  it("reads a yes as churned when no column name says otherwise, and words whatever their spacing and case", () => {
    expect(readOutcome("yes")).toBe(true);
    expect(readOutcome(" Churned ", "renewed")).toBe(true);
    expect(readOutcome(" Renewed ")).toBe(false);
  });
});
